import { SparseVector } from '../nlu/featurizer';
import { roundRowsToInt8 } from './onnx/int8-rows';

/**
 * The served intent network: `logits = relu(x·W1 + b1)·W2 + b2 + x·L` over a sparse tf-idf
 * input x, `probs = softmax(logits)`, `vector = h / |h|` with h = relu(x·W1 + b1). The linear
 * part L (V × C, optional) is an ensemble of linear models folded into one matrix; every scale
 * and the softmax temperature are already folded into the weights.
 */
export interface IntentNetwork {
  inputDim: number;
  numClasses: number;
  hidden: number;
  /** inputDim × hidden, row-major. */
  w1: Float32Array;
  b1: Float32Array;
  /** hidden × numClasses, row-major. */
  w2: Float32Array;
  b2: Float32Array;
  /** inputDim × numClasses, row-major, or null when the model has no linear part. */
  linear: Float32Array | null;
}

export interface NetworkOutput {
  probs: Float32Array;
  vector: Float32Array;
}

/** Reference forward pass in JS; the ONNX graph computes the same function. */
export function forwardIntentNetwork(net: IntentNetwork, x: SparseVector): NetworkOutput {
  const H = net.hidden;
  const C = net.numClasses;
  const hidden = Float32Array.from(net.b1);
  const logits = Float32Array.from(net.b2);
  for (let k = 0; k < x.indices.length; k++) {
    const v = x.values[k];
    const row = x.indices[k];
    for (let h = 0; h < H; h++) hidden[h] += v * net.w1[row * H + h];
    if (net.linear) for (let c = 0; c < C; c++) logits[c] += v * net.linear[row * C + c];
  }
  let norm = 0;
  for (let h = 0; h < H; h++) {
    if (hidden[h] < 0) hidden[h] = 0;
    norm += hidden[h] * hidden[h];
    for (let c = 0; c < C; c++) logits[c] += hidden[h] * net.w2[h * C + c];
  }
  let max = -Infinity;
  for (let c = 0; c < C; c++) max = Math.max(max, logits[c]);
  let sum = 0;
  for (let c = 0; c < C; c++) sum += logits[c] = Math.exp(logits[c] - max);
  for (let c = 0; c < C; c++) logits[c] /= sum;
  const scale = 1 / Math.sqrt(norm + VECTOR_EPSILON);
  for (let h = 0; h < H; h++) hidden[h] *= scale;
  return { probs: logits, vector: hidden };
}

/** Added under the square root of the vector norm so that an all-zero hidden layer stays finite. */
export const VECTOR_EPSILON = 1e-12;

/** The network with its two large matrices rounded to the int8 values the ONNX file stores. */
export function quantizeLargeMatrices(net: IntentNetwork): IntentNetwork {
  return {
    ...net,
    w1: roundRowsToInt8(net.w1, net.hidden),
    linear: net.linear ? roundRowsToInt8(net.linear, net.numClasses) : null,
  };
}
