/** Label of the out-of-scope class in training data and of declined predictions. */
export const OUT_OF_SCOPE = 'oos';

export interface IntentDecision {
  /** Index of the most probable label. */
  top: number;
  confidence: number;
  /** True when the top label is `oos` or the confidence is under the calibrated threshold. */
  outOfScope: boolean;
}

/** The one out-of-scope rule, shared by serving, evaluation and threshold calibration. */
export function decideIntent(
  probs: ArrayLike<number>,
  labels: readonly string[],
  threshold: number,
): IntentDecision {
  let top = 0;
  for (let c = 1; c < probs.length; c++) if (probs[c] > probs[top]) top = c;
  const confidence = probs[top] ?? 0;
  return { top, confidence, outOfScope: labels[top] === OUT_OF_SCOPE || confidence < threshold };
}
