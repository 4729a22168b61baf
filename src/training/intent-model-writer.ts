import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTENT_MODEL_FILES, IntentLabelsFile } from '../nlu/intent-model-files';
import { IntentMetrics } from './intent-metrics';
import { TrainedIntentModel } from './intent-trainer';
import { exportIntentOnnx } from './onnx/intent-onnx-export';

/** Metrics of the model on one evaluation set, as stored in metrics.json. */
export interface NamedEvaluation {
  name: string;
  /** Where the examples come from, for the model card. */
  source: string;
  metrics: Omit<IntentMetrics, 'perIntent' | 'topConfusions'> &
    Partial<Pick<IntentMetrics, 'perIntent' | 'topConfusions'>>;
  latencyMs?: { p50: number; p99: number };
}

export interface ModelDirInfo {
  /** Description of the training data for the model card. */
  data: string[];
  evaluations: NamedEvaluation[];
  limits: string[];
}

/** Writes model.onnx, featurizer.json, labels.json, metrics.json and MODEL_CARD.md into `dir`. */
export function writeIntentModelDir(
  dir: string,
  model: TrainedIntentModel,
  info: ModelDirInfo,
): void {
  mkdirSync(dir, { recursive: true });
  const onnx = exportIntentOnnx(model.network, `intent classifier: ${model.labels.length} labels`);
  writeFileSync(join(dir, INTENT_MODEL_FILES.onnx), onnx);
  writeFileSync(
    join(dir, INTENT_MODEL_FILES.featurizer),
    JSON.stringify(model.featurizer.toJSON()),
  );
  const labels: IntentLabelsFile = {
    labels: model.labels,
    threshold: model.threshold,
    vectorDimension: model.network.hidden,
  };
  writeFileSync(join(dir, INTENT_MODEL_FILES.labels), JSON.stringify(labels, null, 2) + '\n');
  const metrics = {
    createdAt: new Date().toISOString(),
    labels: model.labels.length,
    features: model.featurizer.dimension,
    modelBytes: onnx.byteLength,
    training: model.training,
    evaluations: info.evaluations,
  };
  writeFileSync(join(dir, INTENT_MODEL_FILES.metrics), JSON.stringify(metrics, null, 2) + '\n');
  writeFileSync(join(dir, INTENT_MODEL_FILES.card), modelCard(model, info, onnx.byteLength));
}

const pct = (value: number | null): string =>
  value === null ? '–' : `${(value * 100).toFixed(1)}%`;

function modelCard(model: TrainedIntentModel, info: ModelDirInfo, bytes: number): string {
  const t = model.training;
  const rows = info.evaluations.map(
    (e) =>
      `| ${e.name} | ${e.metrics.examples} | ${pct(e.metrics.accuracy)} | ${pct(e.metrics.macroF1)} | ` +
      `${pct(e.metrics.inScopeAccuracy)} | ${pct(e.metrics.oosRecall)} | ${pct(e.metrics.oosPrecision)} | ` +
      `${e.latencyMs ? `${e.latencyMs.p50} / ${e.latencyMs.p99}` : '–'} |`,
  );
  return [
    '# Intent model card',
    '',
    'Intent classifier trained from scratch by `src/training` (no pretrained weights), served as ONNX',
    'on onnxruntime-node. Input: tf-idf of character 2–5-grams within words, word 1–2-grams and CJK',
    'character 1–3-grams of the normalised text. Network: hidden ReLU layer (its L2-normalised',
    'activations are the sentence `vector`) plus a one-vs-rest linear SVM folded into the logits.',
    '',
    '## Data',
    '',
    ...info.data.map((d) => `- ${d}`),
    `- training examples ${t.trainExamples}, validation examples ${t.validExamples} (${t.validSource})` +
      (t.refitted
        ? '; epochs, mix, temperature and threshold chosen on validation, then the shipped weights refitted on all training examples'
        : ''),
    '',
    '## Intents',
    '',
    model.labels.map((l) => `\`${l}\``).join(', '),
    '',
    '## Model',
    '',
    `- features: ${model.featurizer.dimension}; hidden/vector dimension: ${model.network.hidden}${averagedNote(model)}`,
    `- hidden-layer epochs kept: ${t.mlpEpochs}; SVM weight ${t.svmWeight}; temperature ${t.temperature}`,
    `- out-of-scope: top label \`oos\` or confidence < ${model.threshold.toFixed(4)} (chosen on validation)`,
    `- model.onnx: ${(bytes / 1024 / 1024).toFixed(2)} MiB (large matrices in int8 with a scale per row); training ${t.seconds} s; seed ${t.options.seed}`,
    '- served with spelling correction: an English word one edit from a word of the vocabulary, and not itself in the English word list, is read as that word (src/nlu/spelling.ts; `npm run bench:typos`)',
    '',
    '## Metrics',
    '',
    '| set | examples | accuracy | macro-F1 | in-scope acc. | OOS recall | OOS precision | latency p50 / p99 ms |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    '## Limits',
    '',
    ...info.limits.map((l) => `- ${l}`),
    '',
  ].join('\n');
}

function averagedNote(model: TrainedIntentModel): string {
  const members = model.training.options.mlpMembers;
  return typeof members === 'number' && members > 1 ? ` (${members} averaged networks)` : '';
}
