/** Binary and three-way metrics of sentiment scores against gold polarities. */
export interface BinaryMetrics {
  n: number;
  accuracy: number;
  macroF1: number;
  auc: number;
}

export interface ThreeWayMetrics {
  n: number;
  accuracy: number;
  macroF1: number;
  /** Rows: gold negative/neutral/positive; columns: predicted, same order. */
  confusion: number[][];
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function f1(tp: number, fp: number, fn: number): number {
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** Area under the ROC curve by the rank-sum (Mann–Whitney) formula, ties counted half. */
export function rocAuc(scores: readonly number[], positive: readonly boolean[]): number {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
  let rankSumPositive = 0;
  let nPos = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && order[j][0] === order[i][0]) j++;
    const averageRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (positive[order[k][1]]) {
        rankSumPositive += averageRank;
        nPos++;
      }
    }
    i = j;
  }
  const nNeg = order.length - nPos;
  if (nPos === 0 || nNeg === 0) return NaN;
  return (rankSumPositive - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/** Positive vs negative by the sign of the score (score > 0 is positive); neutral gold excluded. */
export function binaryMetrics(scores: readonly number[], gold: readonly number[]): BinaryMetrics {
  const s: number[] = [];
  const positive: boolean[] = [];
  gold.forEach((g, i) => {
    if (g !== 0) {
      s.push(scores[i]);
      positive.push(g > 0);
    }
  });
  let tp = 0;
  let tn = 0;
  let fp = 0;
  let fn = 0;
  s.forEach((score, i) => {
    const predicted = score > 0;
    if (predicted && positive[i]) tp++;
    else if (!predicted && !positive[i]) tn++;
    else if (predicted) fp++;
    else fn++;
  });
  const n = s.length;
  return {
    n,
    accuracy: round(n ? (tp + tn) / n : 0),
    macroF1: round((f1(tp, fp, fn) + f1(tn, fn, fp)) / 2),
    auc: round(rocAuc(s, positive)),
  };
}

/** Negative / neutral / positive with the model's neutral band. */
export function threeWayMetrics(
  predicted: readonly number[],
  gold: readonly number[],
): ThreeWayMetrics {
  const confusion = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  predicted.forEach((p, i) => confusion[gold[i] + 1][p + 1]++);
  let correct = 0;
  let macro = 0;
  for (let c = 0; c < 3; c++) {
    correct += confusion[c][c];
    const fp = confusion[0][c] + confusion[1][c] + confusion[2][c] - confusion[c][c];
    const fn = confusion[c][0] + confusion[c][1] + confusion[c][2] - confusion[c][c];
    macro += f1(confusion[c][c], fp, fn) / 3;
  }
  return {
    n: predicted.length,
    accuracy: round(predicted.length ? correct / predicted.length : 0),
    macroF1: round(macro),
    confusion,
  };
}

/** How well `score <= threshold` finds the negative messages (what escalation relies on). */
export interface NegativeDetection {
  threshold: number;
  /** Of the messages at or below the threshold, the share that are negative. */
  precision: number;
  /** Of the negative messages, the share at or below the threshold. */
  recall: number;
  /** Of the neutral messages, the share wrongly at or below the threshold. */
  neutralFlagged: number;
}

export function negativeDetection(
  scores: readonly number[],
  gold: readonly number[],
  threshold: number,
): NegativeDetection {
  let flagged = 0;
  let flaggedNegative = 0;
  let negatives = 0;
  let neutrals = 0;
  let neutralFlagged = 0;
  scores.forEach((score, i) => {
    const isFlagged = score <= threshold;
    if (gold[i] < 0) negatives++;
    if (gold[i] === 0) neutrals++;
    if (!isFlagged) return;
    flagged++;
    if (gold[i] < 0) flaggedNegative++;
    if (gold[i] === 0) neutralFlagged++;
  });
  return {
    threshold,
    precision: round(flagged ? flaggedNegative / flagged : 0),
    recall: round(negatives ? flaggedNegative / negatives : 0),
    neutralFlagged: round(neutrals ? neutralFlagged / neutrals : 0),
  };
}
