import { OOS_LABEL } from './labelled-csv';

export interface PerIntentMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Evaluation of predicted labels (`oos` when the model declined) against gold labels. */
export interface IntentMetrics {
  examples: number;
  accuracy: number;
  macroF1: number;
  /** Accuracy on gold in-scope examples; declining one counts as an error. */
  inScopeAccuracy: number;
  /** Share of gold `oos` examples declined; null when the set has none. */
  oosRecall: number | null;
  /** Share of declined examples that are gold `oos`; null when nothing was declined. */
  oosPrecision: number | null;
  perIntent: Record<string, PerIntentMetrics>;
  topConfusions: { gold: string; predicted: string; count: number }[];
}

const round = (value: number): number => Math.round(value * 1e4) / 1e4;

/** Metrics plus the confusion counts (gold → predicted → count) for the markdown report. */
export function computeIntentMetrics(
  gold: readonly string[],
  predicted: readonly string[],
): IntentMetrics & { confusion: Map<string, Map<string, number>> } {
  const labels = [...new Set([...gold, ...predicted])].sort();
  const confusion = new Map<string, Map<string, number>>(labels.map((l) => [l, new Map()]));
  let correct = 0;
  let inScope = 0;
  let inScopeCorrect = 0;
  let goldOos = 0;
  let predOos = 0;
  let bothOos = 0;
  for (let i = 0; i < gold.length; i++) {
    const row = confusion.get(gold[i])!;
    row.set(predicted[i], (row.get(predicted[i]) ?? 0) + 1);
    if (gold[i] === predicted[i]) correct++;
    if (gold[i] !== OOS_LABEL) {
      inScope++;
      if (gold[i] === predicted[i]) inScopeCorrect++;
    } else goldOos++;
    if (predicted[i] === OOS_LABEL) {
      predOos++;
      if (gold[i] === OOS_LABEL) bothOos++;
    }
  }
  const perIntent: Record<string, PerIntentMetrics> = {};
  const goldLabels = [...new Set(gold)].sort();
  let f1Sum = 0;
  for (const label of goldLabels) {
    const tp = confusion.get(label)?.get(label) ?? 0;
    let support = 0;
    for (const count of confusion.get(label)!.values()) support += count;
    let predictedCount = 0;
    for (const row of confusion.values()) predictedCount += row.get(label) ?? 0;
    const precision = predictedCount > 0 ? tp / predictedCount : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    f1Sum += f1;
    perIntent[label] = {
      precision: round(precision),
      recall: round(recall),
      f1: round(f1),
      support,
    };
  }
  const topConfusions: IntentMetrics['topConfusions'] = [];
  for (const [g, row] of confusion) {
    for (const [p, count] of row) if (g !== p) topConfusions.push({ gold: g, predicted: p, count });
  }
  topConfusions.sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold));
  return {
    examples: gold.length,
    accuracy: round(gold.length ? correct / gold.length : 0),
    macroF1: round(goldLabels.length ? f1Sum / goldLabels.length : 0),
    inScopeAccuracy: round(inScope ? inScopeCorrect / inScope : 0),
    oosRecall: goldOos ? round(bothOos / goldOos) : null,
    oosPrecision: predOos ? round(bothOos / predOos) : null,
    perIntent,
    topConfusions: topConfusions.slice(0, 10),
    confusion,
  };
}
