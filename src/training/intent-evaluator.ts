import { performance } from 'node:perf_hooks';
import { IntentModel } from '../nlu/intent-model';
import { OUT_OF_SCOPE } from '../nlu/intent-decision';
import { IntentMetrics, computeIntentMetrics } from './intent-metrics';

export interface IntentEvaluation extends IntentMetrics {
  latencyMs: { p50: number; p99: number };
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * Runs the served model (ONNX) on every example, one at a time as in production, and returns the
 * metrics with per-message latency; `report` is a markdown report with the confusion matrix.
 */
export async function evaluateIntentModel(
  model: IntentModel,
  examples: readonly { text: string; label: string }[],
): Promise<{ evaluation: IntentEvaluation; report: string }> {
  const predicted: string[] = [];
  const times: number[] = [];
  for (const example of examples) {
    const started = performance.now();
    const prediction = await model.predict(example.text);
    times.push(performance.now() - started);
    predicted.push(prediction.outOfScope ? OUT_OF_SCOPE : prediction.intent);
  }
  times.sort((a, b) => a - b);
  const gold = examples.map((e) => e.label);
  const { confusion, ...metrics } = computeIntentMetrics(gold, predicted);
  const latencyMs = {
    p50: Math.round(percentile(times, 0.5) * 1000) / 1000,
    p99: Math.round(percentile(times, 0.99) * 1000) / 1000,
  };
  const evaluation = { ...metrics, latencyMs };
  return { evaluation, report: markdownReport(evaluation, confusion) };
}

const pct = (value: number | null): string =>
  value === null ? '–' : `${(value * 100).toFixed(2)}%`;

/** Full matrix up to 40 labels; beyond that, the non-zero off-diagonal cells. */
function markdownReport(e: IntentEvaluation, confusion: Map<string, Map<string, number>>): string {
  const labels = [...confusion.keys()];
  const lines = [
    '# Intent evaluation',
    '',
    `| examples | accuracy | macro-F1 | in-scope accuracy | OOS recall | OOS precision | p50 ms | p99 ms |`,
    '|---|---|---|---|---|---|---|---|',
    `| ${e.examples} | ${pct(e.accuracy)} | ${pct(e.macroF1)} | ${pct(e.inScopeAccuracy)} | ${pct(e.oosRecall)} | ${pct(e.oosPrecision)} | ${e.latencyMs.p50} | ${e.latencyMs.p99} |`,
    '',
    '## Per intent',
    '',
    '| intent | precision | recall | F1 | support |',
    '|---|---|---|---|---|',
    ...Object.entries(e.perIntent).map(
      ([label, m]) =>
        `| ${label} | ${pct(m.precision)} | ${pct(m.recall)} | ${pct(m.f1)} | ${m.support} |`,
    ),
    '',
    '## Confusion matrix (rows: gold, columns: predicted)',
    '',
  ];
  if (labels.length <= 40) {
    lines.push(
      `| gold \\ predicted | ${labels.join(' | ')} |`,
      `|---|${labels.map(() => '---').join('|')}|`,
    );
    for (const gold of labels) {
      lines.push(
        `| ${gold} | ${labels.map((p) => confusion.get(gold)?.get(p) ?? 0).join(' | ')} |`,
      );
    }
  } else {
    lines.push(
      'Too many labels for a grid: every non-zero cell off the diagonal.',
      '',
      '| gold | predicted | count |',
      '|---|---|---|',
    );
    const cells: [string, string, number][] = [];
    for (const [gold, row] of confusion)
      for (const [p, n] of row) if (p !== gold) cells.push([gold, p, n]);
    cells.sort((a, b) => b[2] - a[2]);
    for (const [gold, p, n] of cells) lines.push(`| ${gold} | ${p} | ${n} |`);
  }
  return lines.join('\n') + '\n';
}
