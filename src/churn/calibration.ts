import { ChurnError } from './churn.errors';
import { sigmoid } from './gbdt-ensemble';

/** Maps a model margin to a churn probability learned on held-out rows. */
export type Calibrator =
  | { kind: 'isotonic'; margins: number[]; probabilities: number[] }
  | { kind: 'platt'; a: number; b: number };

export type CalibrationKind = Calibrator['kind'];

/** Keeps calibrated probabilities off exactly 0 and 1: a held-out fold cannot prove certainty. */
const FLOOR = 1e-3;

export function fitCalibrator(
  kind: CalibrationKind,
  margins: ArrayLike<number>,
  labels: ArrayLike<number>,
): Calibrator {
  if (margins.length !== labels.length || margins.length < 2) {
    throw new ChurnError('CHURN_TRAINING', 'calibration needs at least two held-out rows');
  }
  return kind === 'isotonic' ? fitIsotonic(margins, labels) : fitPlatt(margins, labels);
}

export function calibrate(calibrator: Calibrator, margin: number): number {
  if (calibrator.kind === 'platt') return sigmoid(calibrator.a * margin + calibrator.b);
  const { margins: xs, probabilities: ys } = calibrator;
  if (margin <= xs[0]) return ys[0];
  const last = xs.length - 1;
  if (margin >= xs[last]) return ys[last];
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= margin) lo = mid;
    else hi = mid;
  }
  const t = (margin - xs[lo]) / (xs[hi] - xs[lo]);
  return ys[lo] + t * (ys[hi] - ys[lo]);
}

/**
 * Pool-adjacent-violators: blocks of rows sorted by margin, merged until their churn rates
 * strictly increase; the curve interpolates linearly between block centres so that customers
 * with different margins keep different (ordered) probabilities.
 */
function fitIsotonic(margins: ArrayLike<number>, labels: ArrayLike<number>): Calibrator {
  const order = Array.from({ length: margins.length }, (_, i) => i).sort(
    (a, b) => margins[a] - margins[b],
  );
  const sumX: number[] = [];
  const sumY: number[] = [];
  const count: number[] = [];
  for (let k = 0; k < order.length;) {
    // Rows with the same margin must get the same probability: start them as one block.
    let j = k;
    let y = 0;
    while (j < order.length && margins[order[j]] === margins[order[k]]) y += labels[order[j++]];
    sumX.push(margins[order[k]] * (j - k));
    sumY.push(y);
    count.push(j - k);
    k = j;
    let top = count.length - 1;
    while (top > 0 && sumY[top - 1] / count[top - 1] >= sumY[top] / count[top]) {
      sumX[top - 1] += sumX[top];
      sumY[top - 1] += sumY[top];
      count[top - 1] += count[top];
      sumX.pop();
      sumY.pop();
      count.pop();
      top--;
    }
  }
  return {
    kind: 'isotonic',
    margins: sumX.map((s, b) => s / count[b]),
    probabilities: sumY.map((s, b) => Math.min(1 - FLOOR, Math.max(FLOOR, s / count[b]))),
  };
}

/** Platt scaling, p = σ(a·margin + b): Newton steps with backtracking, Platt's smoothed targets. */
function fitPlatt(margins: ArrayLike<number>, labels: ArrayLike<number>): Calibrator {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i] ? 1 : 0;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (labels.length - positives + 2);
  const target = (i: number): number => (labels[i] ? hi : lo);
  const loss = (a: number, b: number): number => {
    let total = 0;
    for (let i = 0; i < margins.length; i++) {
      const z = a * margins[i] + b;
      // −[t·log σ(z) + (1−t)·log(1−σ(z))], written to stay finite for large |z|
      total += Math.max(z, 0) - z * target(i) + Math.log1p(Math.exp(-Math.abs(z)));
    }
    return total;
  };
  let a = 0;
  let b = 0;
  let current = loss(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-12;
    let hab = 0;
    let hbb = 1e-12;
    for (let i = 0; i < margins.length; i++) {
      const p = sigmoid(a * margins[i] + b);
      const d = p - target(i);
      const w = p * (1 - p);
      ga += d * margins[i];
      gb += d;
      haa += w * margins[i] * margins[i];
      hab += w * margins[i];
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    let step = 1;
    while (step > 1e-10 && loss(a - step * da, b - step * db) > current) step /= 2;
    a -= step * da;
    b -= step * db;
    const next = loss(a, b);
    if (current - next < 1e-12 * (1 + current)) break;
    current = next;
  }
  return { kind: 'platt', a, b };
}
