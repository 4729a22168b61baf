import { SeededRandom } from './seeded-random';
import { SparseDataset } from './softmax-trainer';

export interface SvmTrainOptions {
  /** Inverse regularisation strength, as in liblinear / scikit-learn LinearSVC. */
  C: number;
  maxIterations: number;
  /** Stop when the spread of projected gradients falls below this (liblinear's eps). */
  tolerance: number;
  seed: number;
}

export const DEFAULT_SVM_OPTIONS: SvmTrainOptions = {
  C: 1,
  maxIterations: 30,
  tolerance: 0.1,
  seed: 1,
};

/**
 * One-vs-rest linear SVM with squared hinge loss, trained by dual coordinate descent (the
 * algorithm of liblinear that scikit-learn's LinearSVC runs). The bias is learned through the
 * always-on bias feature. Returns an inputDim × numClasses row-major weight matrix.
 */
export function trainOneVsRestSvm(
  data: SparseDataset,
  inputDim: number,
  numClasses: number,
  options: Partial<SvmTrainOptions> = {},
): Float32Array {
  const opts = { ...DEFAULT_SVM_OPTIONS, ...options };
  const n = data.x.length;
  const diag = 0.5 / opts.C;
  const qd = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sq = diag;
    for (const v of data.x[i].values) sq += v * v;
    qd[i] = sq;
  }
  const weights = new Float32Array(inputDim * numClasses);
  const w = new Float64Array(inputDim);
  const alpha = new Float64Array(n);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let c = 0; c < numClasses; c++) {
    const rng = new SeededRandom(opts.seed * 7919 + c);
    w.fill(0);
    alpha.fill(0);
    // Shrinking as in liblinear: examples whose alpha sits at 0 with a gradient above the last
    // pass's largest projected gradient leave the active set until the final full check.
    let active = order.slice();
    let pgMaxOld = Infinity;
    for (let iter = 0; iter < opts.maxIterations; iter++) {
      rng.shuffle(active);
      let maxPg = -Infinity;
      let minPg = Infinity;
      const kept: number[] = [];
      for (const i of active) {
        const { indices, values } = data.x[i];
        const y = data.y[i] === c ? 1 : -1;
        let dot = 0;
        for (let k = 0; k < indices.length; k++) dot += w[indices[k]] * values[k];
        const g = y * dot - 1 + alpha[i] * diag;
        let pg = g;
        if (alpha[i] === 0) {
          if (g > pgMaxOld) continue;
          if (g > 0) pg = 0;
        }
        kept.push(i);
        if (pg > maxPg) maxPg = pg;
        if (pg < minPg) minPg = pg;
        if (Math.abs(pg) > 1e-12) {
          const old = alpha[i];
          alpha[i] = Math.max(old - g / qd[i], 0);
          const d = (alpha[i] - old) * y;
          for (let k = 0; k < indices.length; k++) w[indices[k]] += d * values[k];
        }
      }
      active = kept;
      if (maxPg - minPg <= opts.tolerance) {
        if (active.length === n) break;
        active = order.slice();
        pgMaxOld = Infinity;
        continue;
      }
      pgMaxOld = maxPg <= 0 ? Infinity : maxPg;
    }
    for (let j = 0; j < inputDim; j++) weights[j * numClasses + c] = w[j];
  }
  return weights;
}

/** Scores x·W for every class. */
export function linearScores(
  weights: Float32Array,
  numClasses: number,
  x: SparseDataset['x'][number],
): Float32Array {
  const out = new Float32Array(numClasses);
  for (let k = 0; k < x.indices.length; k++) {
    const row = x.indices[k] * numClasses;
    const v = x.values[k];
    for (let c = 0; c < numClasses; c++) out[c] += v * weights[row + c];
  }
  return out;
}
