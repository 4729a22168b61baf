import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_SEED, generateDemoShop } from '../../commerce/demo/demo-shop';
import { ChurnModel } from '../churn-model';
import { DEFAULT_TRAINING_OPTIONS, trainChurnModel } from '../churn-trainer';
import { stratifiedSplit } from '../dataset-split';
import { ChurnMetrics, evaluate } from '../metrics';
import { metricsTable, writeModelDir } from '../model-card';
import { buildDemoChurnTable, DemoChurnTable } from './demo-churn-dataset';

/** A fixed `now` so the demo table (and the committed model) is reproducible. */
export const DEMO_NOW = new Date('2026-01-01T00:00:00Z');
const TEST_FRACTION = 0.2;

export interface DemoChurnResult {
  model: string;
  rows: number;
  trainCustomers: number;
  testCustomers: number;
  heldOut: ChurnMetrics;
  /** Mean held-out probability per latent demo segment (ground truth the model never saw). */
  meanProbabilityBySegment: Record<string, number>;
}

function subset(table: DemoChurnTable, rows: number[]): DemoChurnTable {
  const pick = <T>(values: T[]) => rows.map((r) => values[r]);
  return {
    ...table,
    rows: pick(table.rows),
    labels: Uint8Array.from(rows, (r) => table.labels[r]),
    lines: pick(table.lines),
    rowKeys: pick(table.rowKeys),
    customers: pick(table.customers),
    cutoffDays: pick(table.cutoffDays),
    segments: pick(table.segments),
  };
}

/**
 * Trains the demo shop's churn model on its own generated history: customers (all their
 * snapshots together) are split 80/20, the model is trained on the 80 % only and measured on the
 * held-out customers, whose figures go into metrics.json and the model card.
 */
export function trainDemoChurnModel(
  out: string,
  seed = DEFAULT_TRAINING_OPTIONS.params.seed,
  log: (line: string) => void = () => undefined,
): DemoChurnResult {
  const table = buildDemoChurnTable(generateDemoShop({ seed: DEMO_SEED, now: DEMO_NOW }), DEMO_NOW);
  const split = stratifiedSplit(table.labels, TEST_FRACTION, seed, table.customers);
  const train = subset(table, split.train);
  const test = subset(table, split.test);
  log(`demo table: ${table.rows.length} snapshots; training on ${train.rows.length}`);
  const trained = trainChurnModel(
    train,
    {
      ...DEFAULT_TRAINING_OPTIONS,
      // ~1,500 rows of six features: shallow trees, larger leaves.
      params: {
        ...DEFAULT_TRAINING_OPTIONS.params,
        maxDepth: 4,
        maxLeaves: 12,
        minSamplesLeaf: 10,
        minChildWeight: 2,
        seed,
      },
    },
    log,
  );
  const source = `demo shop (seed ${DEMO_SEED}, now ${DEMO_NOW.toISOString()}), cut-offs ${[...new Set(table.cutoffDays)].join('/')} days back`;
  writeModelDir(out, trained, source);

  const model = new ChurnModel(trained.artifact);
  const probabilities = test.rows.map((row) => model.probabilityOf(model.margin(row)));
  const heldOut = evaluate(probabilities, test.labels, model.tiers.high);
  const sums = new Map<string, { sum: number; n: number }>();
  test.segments.forEach((segment, i) => {
    const s = sums.get(segment) ?? { sum: 0, n: 0 };
    s.sum += probabilities[i];
    s.n++;
    sums.set(segment, s);
  });
  const meanProbabilityBySegment = Object.fromEntries(
    [...sums].sort().map(([k, s]) => [k, Number((s.sum / s.n).toFixed(3))]),
  );
  const result: DemoChurnResult = {
    model: out,
    rows: table.rows.length,
    trainCustomers: new Set(train.customers).size,
    testCustomers: new Set(test.customers).size,
    heldOut,
    meanProbabilityBySegment,
  };

  const metricsPath = join(out, 'metrics.json');
  const metrics = JSON.parse(readFileSync(metricsPath, 'utf8')) as Record<string, unknown>;
  metrics.heldOut = {
    method: `${result.testCustomers} demo customers (${test.rows.length} snapshots) never seen in training`,
    ...heldOut,
    meanProbabilityBySegment,
  };
  writeFileSync(metricsPath, JSON.stringify(metrics, null, 2) + '\n');
  appendFileSync(
    join(out, 'MODEL_CARD.md'),
    `
## Demo shop: held-out customers
Features at each cut-off come only from orders placed (and returns settled) before it; the label
is "no order in the 90 days after". Customers were split ${100 - TEST_FRACTION * 100}/${TEST_FRACTION * 100} (stratified, seed ${seed}) with all
their snapshots on one side; these figures are on the ${result.testCustomers} held-out customers (${test.rows.length} snapshots):

${metricsTable(heldOut)}

Mean held-out probability by latent demo segment (never a feature): ${Object.entries(
      meanProbabilityBySegment,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.

The demo history has orders only, so this model uses the six order features; conversation
features (complaints, escalations, ratings, sentiment) need a shop with chat history.
`,
  );
  return result;
}
