import { ChurnError } from './churn.errors';
import { sigmoid } from './gbdt-ensemble';

/**
 * L2-regularised logistic regression on standardised columns, the baseline the trees must beat.
 * Missing values are imputed with the training mean and flagged by an indicator column.
 */
export interface LogisticModel {
  width: number;
  means: number[];
  scales: number[];
  /** Columns that had missing training values get an indicator weight too. */
  missingColumns: number[];
  weights: number[];
  bias: number;
}

export interface LogisticParams {
  l2: number;
  maxIterations: number;
}

export const DEFAULT_LOGISTIC_PARAMS: LogisticParams = { l2: 1, maxIterations: 50 };

/** Fits by Newton's method (IRLS): exact second-order steps, a handful of iterations. */
export function trainLogistic(
  x: Float64Array,
  y: Uint8Array,
  width: number,
  params: LogisticParams = DEFAULT_LOGISTIC_PARAMS,
): LogisticModel {
  const n = y.length;
  const means: number[] = [];
  const scales: number[] = [];
  const missingColumns: number[] = [];
  for (let c = 0; c < width; c++) {
    let sum = 0;
    let sq = 0;
    let seen = 0;
    for (let r = 0; r < n; r++) {
      const v = x[r * width + c];
      if (v === v) {
        sum += v;
        sq += v * v;
        seen++;
      }
    }
    const mean = seen > 0 ? sum / seen : 0;
    const variance = seen > 0 ? sq / seen - mean * mean : 0;
    means.push(mean);
    scales.push(variance > 1e-12 ? Math.sqrt(variance) : 1);
    if (seen < n) missingColumns.push(c);
  }
  const model: LogisticModel = { width, means, scales, missingColumns, weights: [], bias: 0 };
  const d = width + missingColumns.length + 1;
  const z = new Float64Array(n * d);
  for (let r = 0; r < n; r++) design(model, x, r * width, z, r * d);
  const w = new Float64Array(d);
  for (let iter = 0; iter < params.maxIterations; iter++) {
    const grad = new Float64Array(d);
    const hess = new Float64Array(d * d);
    for (let r = 0; r < n; r++) {
      const row = z.subarray(r * d, (r + 1) * d);
      let m = 0;
      for (let j = 0; j < d; j++) m += row[j] * w[j];
      const p = sigmoid(m);
      const err = p - y[r];
      const h = Math.max(p * (1 - p), 1e-12);
      for (let j = 0; j < d; j++) {
        grad[j] += err * row[j];
        const hj = h * row[j];
        for (let k = 0; k <= j; k++) hess[j * d + k] += hj * row[k];
      }
    }
    // The bias (last column) is not penalised.
    for (let j = 0; j < d - 1; j++) {
      grad[j] += params.l2 * w[j];
      hess[j * d + j] += params.l2;
    }
    hess[(d - 1) * d + d - 1] += 1e-9;
    const step = solveCholesky(hess, grad, d);
    let size = 0;
    for (let j = 0; j < d; j++) {
      w[j] -= step[j];
      size = Math.max(size, Math.abs(step[j]));
    }
    if (size < 1e-8) break;
  }
  model.weights = Array.from(w.subarray(0, d - 1));
  model.bias = w[d - 1];
  return model;
}

export function logisticMargin(model: LogisticModel, x: ArrayLike<number>, offset = 0): number {
  const d = model.width + model.missingColumns.length + 1;
  const row = new Float64Array(d);
  design(model, x, offset, row, 0);
  let m = model.bias;
  for (let j = 0; j < d - 1; j++) m += model.weights[j] * row[j];
  return m;
}

/** Standardised values, then missing indicators, then a constant 1 for the bias. */
function design(
  model: LogisticModel,
  x: ArrayLike<number>,
  offset: number,
  out: Float64Array,
  at: number,
) {
  const { width, means, scales, missingColumns } = model;
  for (let c = 0; c < width; c++) {
    const v = x[offset + c];
    out[at + c] = v === v ? (v - means[c]) / scales[c] : 0;
  }
  missingColumns.forEach((c, k) => {
    const v = x[offset + c];
    out[at + width + k] = v === v ? 0 : 1;
  });
  out[at + width + missingColumns.length] = 1;
}

/** Solves A·s = b for symmetric positive-definite A (lower triangle filled). */
function solveCholesky(a: Float64Array, b: Float64Array, d: number): Float64Array {
  const l = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    let diag = a[j * d + j];
    for (let k = 0; k < j; k++) diag -= l[j * d + k] ** 2;
    if (diag <= 0) throw new ChurnError('CHURN_TRAINING', 'logistic regression: singular Hessian');
    l[j * d + j] = Math.sqrt(diag);
    for (let i = j + 1; i < d; i++) {
      let s = a[i * d + j];
      for (let k = 0; k < j; k++) s -= l[i * d + k] * l[j * d + k];
      l[i * d + j] = s / l[j * d + j];
    }
  }
  const t = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * d + k] * t[k];
    t[i] = s / l[i * d + i];
  }
  const s = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let v = t[i];
    for (let k = i + 1; k < d; k++) v -= l[k * d + i] * s[k];
    s[i] = v / l[i * d + i];
  }
  return s;
}
