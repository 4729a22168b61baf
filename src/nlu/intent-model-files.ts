/** File names of an intent model directory (written by training, read by serving). */
export const INTENT_MODEL_FILES = {
  onnx: 'model.onnx',
  featurizer: 'featurizer.json',
  labels: 'labels.json',
  metrics: 'metrics.json',
  card: 'MODEL_CARD.md',
} as const;

/** Content of `labels.json`. */
export interface IntentLabelsFile {
  labels: string[];
  /** Predictions under this confidence are declined as out of scope. */
  threshold: number;
  /** Dimension of the `vector` output. */
  vectorDimension: number;
}
