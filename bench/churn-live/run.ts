/**
 * Live churn scoring on the demo shop (embedded: PGlite + in-process queue), end to end:
 *  1. seeds the demo shop (its orders write their behaviour events: order_placed, and
 *     order_cancelled / order_returned / order_refunded by status), then measures how long the
 *     signals pipeline plus the `churn-score` processor take until every customer is scored;
 *  2. times the nightly full rescoring (no explanations, reasons for the high tier only) and,
 *     as the same-run baseline, the same customers scored one by one with explanations;
 *  3. reports the live scores by the demo's latent segment (never a model input), separately for
 *     the customers the committed model held out in training.
 *
 *   npm run bench:churn-live -- [--out bench/results]
 */
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { buildDemoChurnTable } from '../../src/churn/demo/demo-churn-dataset';
import { DEMO_NOW } from '../../src/churn/demo/demo-churn-trainer';
import { ChurnScoringService } from '../../src/churn/live/churn-scoring.service';
import { stratifiedSplit } from '../../src/churn/dataset-split';
import { DEFAULT_TRAINING_OPTIONS } from '../../src/churn/churn-trainer';
import { DEMO_SEED, generateDemoShop } from '../../src/commerce/demo/demo-shop';
import { DemoSeeder } from '../../src/commerce/demo/demo-seeder';
import { IngestionService } from '../../src/commerce/ingestion.service';
import { loadConfig } from '../../src/config/app-config';
import { QUEUE_DRIVER, QueueDriver } from '../../src/queue/queue-driver';
import { OutboxRelay } from '../../src/signals/outbox-relay';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const outDir = (() => {
  const i = process.argv.indexOf('--out');
  return i >= 0 ? process.argv[i + 1] : 'bench/results';
})();

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'concierge-bench-churn-live-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    SIGNALS_CHURN_DEBOUNCE_MS: '0',
    CHURN_NIGHTLY_HOUR: '-1',
  });
  const app = await createApp(config);
  await app.init();
  try {
    const now = new Date();
    const shop = generateDemoShop({ seed: DEMO_SEED, now });
    const ds = app.get(DataSource);
    await new DemoSeeder(ds, app.get(IngestionService)).seed({ shop });
    const events = Number(
      (await ds.query(`SELECT count(*) AS n FROM behaviour_events`))[0].n as string,
    );
    const started = performance.now();
    await app.get(OutboxRelay).flush();
    await app.get<QueueDriver>(QUEUE_DRIVER).drain(600_000);
    const pipelineSeconds = (performance.now() - started) / 1000;
    const scoredRows = Number(
      (await ds.query(`SELECT count(*) AS n FROM churn_scores`))[0].n as string,
    );

    const scoring = app.get(ChurnScoringService);
    const ids: { id: string }[] = await ds.query(`SELECT id FROM customers ORDER BY id`);
    const nightlyStart = performance.now();
    const nightlyScored = await scoring.rescoreAll();
    const nightlySeconds = (performance.now() - nightlyStart) / 1000;
    const perCustomerMs: number[] = [];
    const explainedStart = performance.now();
    for (const { id } of ids) {
      const t0 = performance.now();
      await scoring.scoreCustomer(id);
      perCustomerMs.push(performance.now() - t0);
    }
    const explainedSeconds = (performance.now() - explainedStart) / 1000;

    // Customers the committed model never trained on (same split as `train churn --demo`).
    const table = buildDemoChurnTable(
      generateDemoShop({ seed: DEMO_SEED, now: DEMO_NOW }),
      DEMO_NOW,
    );
    const split = stratifiedSplit(
      table.labels,
      0.2,
      DEFAULT_TRAINING_OPTIONS.params.seed,
      table.customers,
    );
    const heldOut = new Set(split.test.map((r) => table.customers[r]));
    const latest = await scoring.atRisk({ tier: 'low', limit: 5000 });
    const bySegment = (filter: (externalId: string) => boolean) => {
      const groups = new Map<string, { p: number[]; high: number }>();
      for (const row of latest) {
        if (!row.externalId || !filter(row.externalId)) continue;
        const segment = String(
          shop.customers.find((c) => c.externalId === row.externalId)?.attributes?.demoSegment,
        );
        const g = groups.get(segment) ?? { p: [], high: 0 };
        g.p.push(row.probability);
        if (row.tier === 'high') g.high++;
        groups.set(segment, g);
      }
      return Object.fromEntries(
        [...groups].sort().map(([k, g]) => [
          k,
          {
            customers: g.p.length,
            medianProbability: Number(median(g.p).toFixed(3)),
            highTier: g.high,
          },
        ]),
      );
    };
    const result = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, loadavg: loadavg().map((l) => Number(l.toFixed(2))) },
      customers: ids.length,
      events,
      pipeline: { seconds: Number(pipelineSeconds.toFixed(2)), scoreRowsWritten: scoredRows },
      nightly: {
        scored: nightlyScored,
        seconds: Number(nightlySeconds.toFixed(2)),
        msPerCustomer: Number(((nightlySeconds * 1000) / nightlyScored).toFixed(2)),
      },
      explainedOneByOne: {
        seconds: Number(explainedSeconds.toFixed(2)),
        p50MsPerCustomer: Number(median(perCustomerMs).toFixed(2)),
      },
      bySegmentAll: bySegment(() => true),
      bySegmentHeldOut: bySegment((id) => heldOut.has(id)),
    };
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'churn-live.json'), JSON.stringify(result, null, 2) + '\n');
    writeFileSync(join(outDir, 'churn-live.md'), markdown(result));
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type Segments = Record<string, { customers: number; medianProbability: number; highTier: number }>;

function markdown(r: {
  date: string;
  machine: { cpus: number; loadavg: number[] };
  customers: number;
  events: number;
  pipeline: { seconds: number; scoreRowsWritten: number };
  nightly: { scored: number; seconds: number; msPerCustomer: number };
  explainedOneByOne: { seconds: number; p50MsPerCustomer: number };
  bySegmentAll: Segments;
  bySegmentHeldOut: Segments;
}): string {
  const table = (s: Segments) =>
    `| segment | customers | median probability | high tier |\n|---|---|---|---|\n` +
    Object.entries(s)
      .map(([k, v]) => `| ${k} | ${v.customers} | ${v.medianProbability} | ${v.highTier} |`)
      .join('\n');
  return `# Live churn scoring on the demo shop

${r.date}, ${r.machine.cpus} CPUs (load ${r.machine.loadavg.join(' ')}), PGlite + in-process queue.
${r.customers} customers, ${r.events} order events (the demo shop's year of history).

| step | figure |
|---|---|
| events → profiles → churn scores (all customers) | ${r.pipeline.seconds} s, ${r.pipeline.scoreRowsWritten} score rows |
| nightly rescoring (no explanations, reasons for high tier) | ${r.nightly.seconds} s for ${r.nightly.scored} (${r.nightly.msPerCustomer} ms/customer) |
| baseline: one by one with explanations | ${r.explainedOneByOne.seconds} s (p50 ${r.explainedOneByOne.p50MsPerCustomer} ms/customer) |

Live scores by latent demo segment (ground truth of the generator, never a model input), all
customers (their earlier snapshots were partly training data):

${table(r.bySegmentAll)}

Only the customers the committed model held out in training:

${table(r.bySegmentHeldOut)}
`;
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
