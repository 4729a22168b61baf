import { SeededRandom } from '../../training/seeded-random';
import { Encoder } from './encoder';
import { EncoderError } from './encoder-error';

export interface EncoderHeadOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** L2 penalty on the weights (not the biases). */
  l2: number;
  seed: number;
}

export const DEFAULT_ENCODER_HEAD_OPTIONS: EncoderHeadOptions = {
  epochs: 60,
  batchSize: 32,
  learningRate: 0.5,
  l2: 1e-4,
  seed: 1,
};

export interface HeadPrediction {
  label: string;
  confidence: number;
  /** Every label with its probability, most likely first. */
  ranked: Array<{ label: string; probability: number }>;
}

/** Serialised head: `weights[c * (dimension + 1) + d]`, the last column being the bias. */
export interface EncoderHeadConfig {
  version: 1;
  dimension: number;
  labels: string[];
  weights: number[];
}

/** Softmax regression over encoder vectors: the classification layer on a pretrained encoder. */
export class EncoderHead {
  private readonly w: Float32Array;

  constructor(readonly config: EncoderHeadConfig) {
    if (config.weights.length !== config.labels.length * (config.dimension + 1)) {
      throw new EncoderError('encoder head weights do not match its labels and dimension');
    }
    this.w = Float32Array.from(config.weights);
  }

  /** Class probabilities of one vector, in `labels` order. */
  probabilities(vector: Float32Array): Float32Array {
    const { dimension, labels } = this.config;
    if (vector.length !== dimension) {
      throw new EncoderError(`expected a ${dimension}-dimensional vector, got ${vector.length}`);
    }
    const out = new Float32Array(labels.length);
    let max = -Infinity;
    for (let c = 0; c < labels.length; c++) {
      const row = c * (dimension + 1);
      let z = this.w[row + dimension];
      for (let d = 0; d < dimension; d++) z += this.w[row + d] * vector[d];
      out[c] = z;
      if (z > max) max = z;
    }
    let sum = 0;
    for (let c = 0; c < out.length; c++) sum += out[c] = Math.exp(out[c] - max);
    for (let c = 0; c < out.length; c++) out[c] /= sum;
    return out;
  }

  predict(vector: Float32Array): HeadPrediction {
    const probs = this.probabilities(vector);
    const ranked = this.config.labels
      .map((label, c) => ({ label, probability: probs[c] }))
      .sort((a, b) => b.probability - a.probability);
    return { label: ranked[0].label, confidence: ranked[0].probability, ranked };
  }

  /** Encodes the texts and classifies each. */
  async classify(encoder: Encoder, texts: readonly string[]): Promise<HeadPrediction[]> {
    return (await encoder.encode(texts)).map((v) => this.predict(v));
  }
}

/**
 * Trains a softmax-regression head on the encoder's vectors of labelled texts (mini-batch
 * gradient descent, seeded shuffling, so the same data and seed give the same head). The encoder
 * itself stays frozen.
 */
export async function trainEncoderHead(
  encoder: Encoder,
  rows: ReadonlyArray<{ text: string; label: string }>,
  options: Partial<EncoderHeadOptions> = {},
): Promise<EncoderHead> {
  const opts = { ...DEFAULT_ENCODER_HEAD_OPTIONS, ...options };
  const labels = [...new Set(rows.map((r) => r.label))].sort();
  if (labels.length < 2)
    throw new EncoderError(`a classifier needs at least 2 labels, found ${labels.length}`);
  const vectors = await encoder.encode(rows.map((r) => r.text));
  const y = rows.map((r) => labels.indexOf(r.label));
  const dim = encoder.dimension;
  const width = dim + 1;
  const w = new Float32Array(labels.length * width);
  const grad = new Float32Array(w.length);
  const probs = new Float32Array(labels.length);
  const rng = new SeededRandom(opts.seed);
  const order = rows.map((_, i) => i);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    rng.shuffle(order);
    for (let b = 0; b < order.length; b += opts.batchSize) {
      const batch = order.slice(b, b + opts.batchSize);
      grad.fill(0);
      for (const i of batch) {
        const x = vectors[i];
        let max = -Infinity;
        for (let c = 0; c < labels.length; c++) {
          let z = w[c * width + dim];
          for (let d = 0; d < dim; d++) z += w[c * width + d] * x[d];
          probs[c] = z;
          if (z > max) max = z;
        }
        let sum = 0;
        for (let c = 0; c < labels.length; c++) sum += probs[c] = Math.exp(probs[c] - max);
        for (let c = 0; c < labels.length; c++) {
          const g = probs[c] / sum - (c === y[i] ? 1 : 0);
          for (let d = 0; d < dim; d++) grad[c * width + d] += g * x[d];
          grad[c * width + dim] += g;
        }
      }
      for (let k = 0; k < w.length; k++) {
        const decay = k % width === dim ? 0 : opts.l2 * w[k];
        w[k] -= opts.learningRate * (grad[k] / batch.length + decay);
      }
    }
  }
  return new EncoderHead({ version: 1, dimension: dim, labels, weights: Array.from(w) });
}
