/**
 * A sentence encoder: texts in, fixed-size unit-length vectors out. The built-in tf-idf
 * featuriser needs none; a shop may plug in a pretrained model (see docs/encoder.md).
 */
export interface Encoder {
  /** Length of every vector `encode` returns. */
  readonly dimension: number;
  /** One L2-normalised vector per text, in order. Never throws on odd text (empty, emoji…). */
  encode(texts: readonly string[]): Promise<Float32Array[]>;
}
