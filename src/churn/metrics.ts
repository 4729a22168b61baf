/** Classification metrics for the churn class (label 1), on scores where higher = riskier. */
export interface ChurnMetrics {
  rows: number;
  positives: number;
  auc: number;
  prAuc: number;
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  brier: number;
  /** Churn rate in the riskiest 10 % divided by the overall churn rate. */
  liftTopDecile: number;
}

/** ROC AUC by the rank-sum formula; tied scores count one half. */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = sortedIndices(scores);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && scores[order[j]] === scores[order[i]]) j++;
    const avgRank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) {
      if (labels[order[k]]) {
        pos++;
        rankSum += avgRank;
      }
    }
    i = j;
  }
  const neg = order.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Average precision (area under the precision–recall curve, step-wise as scikit-learn). */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = sortedIndices(scores).reverse();
  const total = countPositives(labels);
  if (total === 0) return NaN;
  let tp = 0;
  let seen = 0;
  let ap = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    let tpGroup = 0;
    while (j < order.length && scores[order[j]] === scores[order[i]]) {
      tpGroup += labels[order[j]] ? 1 : 0;
      j++;
    }
    seen += j - i;
    tp += tpGroup;
    ap += (tpGroup / total) * (tp / seen);
    i = j;
  }
  return ap;
}

/** Threshold on `scores` (predict churn when score ≥ t) that maximises F1. */
export function bestF1Threshold(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = sortedIndices(scores).reverse();
  const total = countPositives(labels);
  let tp = 0;
  let best = -1;
  let threshold = 0.5;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && scores[order[j]] === scores[order[i]]) {
      tp += labels[order[j]] ? 1 : 0;
      j++;
    }
    const f1 = (2 * tp) / (j + total);
    if (f1 > best) {
      best = f1;
      threshold = scores[order[i]];
    }
    i = j;
  }
  return threshold;
}

export function evaluate(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  threshold: number,
): ChurnMetrics {
  let tp = 0;
  let fp = 0;
  let brier = 0;
  const n = scores.length;
  for (let i = 0; i < n; i++) {
    const predicted = scores[i] >= threshold;
    if (predicted && labels[i]) tp++;
    if (predicted && !labels[i]) fp++;
    brier += (scores[i] - labels[i]) ** 2;
  }
  const positives = countPositives(labels);
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = positives > 0 ? tp / positives : 0;
  return {
    rows: n,
    positives,
    auc: rocAuc(scores, labels),
    prAuc: averagePrecision(scores, labels),
    threshold,
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    brier: brier / n,
    liftTopDecile: liftTopDecile(scores, labels),
  };
}

export function liftTopDecile(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = sortedIndices(scores).reverse();
  const top = Math.max(1, Math.ceil(order.length / 10));
  let hits = 0;
  for (let i = 0; i < top; i++) hits += labels[order[i]] ? 1 : 0;
  const rate = countPositives(labels) / order.length;
  return rate > 0 ? hits / top / rate : NaN;
}

function sortedIndices(scores: ArrayLike<number>): number[] {
  return Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => scores[a] - scores[b] || a - b,
  );
}

function countPositives(labels: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < labels.length; i++) total += labels[i] ? 1 : 0;
  return total;
}
