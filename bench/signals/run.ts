/**
 * Behaviour-signal pipeline benchmark, per mode (embedded: PGlite + in-process queue;
 * PostgreSQL + BullMQ when DATABASE_URL and REDIS_URL are set):
 *  1. ingestion rate through `POST /api/events/batch` (1,000 events per request, API key, 4
 *     requests in flight), with the relay and profile processor running in the same process;
 *     same-run baseline: the same batches written in-process with `appendEvents` (no HTTP, no
 *     validation, no customer lookup; visitor-only, so the profile processor skips them) — the ceiling of the table insert alone;
 *  2. end-to-end lag at a steady 1,000 events/s: 50 events every 50 ms, each request for its own
 *     customer; lag = time from the request's 201 until that customer's profile shows all 50
 *     events (polled every 10 ms, so it overstates by up to 10 ms);
 *  3. integrity: every accepted event counted exactly once (profile totals vs events sent).
 * One unrecorded warm-up run, then the median of the runs.
 *
 *   npm run bench:signals -- [--events 10000] [--runs 5] [--lag-seconds 15] [--out bench/results]
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { ApiKeyService } from '../../src/auth/api-key.service';
import { loadConfig } from '../../src/config/app-config';
import { QUEUE_DRIVER, QueueDriver } from '../../src/queue/queue-driver';
import { appendEvents } from '../../src/signals/event-writer';
import { SIGNALS_QUEUE } from '../../src/signals/outbox-relay';
import { createScratchDatabase } from '../../test/support/databases';
import { renderSignalsMarkdown, SignalsResult } from './signals-report';

const BATCH = 1000;
const IN_FLIGHT = 4;
const flag = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Mode = 'embedded' | 'postgres-bullmq';

async function benchMode(
  mode: Mode,
  opts: { events: number; runs: number; lagSeconds: number },
): Promise<SignalsResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'concierge-bench-signals-'));
  const scratch = mode === 'postgres-bullmq' ? await createScratchDatabase() : undefined;
  const prefix = `bench_sig_${Date.now()}`;
  let app: INestApplication | undefined;
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      ...(process.env.INTENT_MODEL_DIR ? { INTENT_MODEL_DIR: process.env.INTENT_MODEL_DIR } : {}),
      ...(scratch
        ? { DATABASE_URL: scratch.url, REDIS_URL: process.env.REDIS_URL!, QUEUE_PREFIX: prefix }
        : {}),
    });
    app = await createApp(config);
    await app.listen(0, '127.0.0.1');
    (app.getHttpServer() as { keepAliveTimeout: number }).keepAliveTimeout = 120_000;
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const key = (await app.get(ApiKeyService).create('bench', null)).key;
    const ds = app.get(DataSource);
    const queue = app.get<QueueDriver>(QUEUE_DRIVER);
    const customerCount = Math.max(100, Math.ceil((opts.lagSeconds * 1000) / 50) + 10);
    const customers: string[] = (
      await ds.query(
        `INSERT INTO customers (external_id) SELECT 'bench-' || g FROM generate_series(1, $1) g RETURNING id`,
        [customerCount],
      )
    ).map((r: { id: string }) => r.id);
    let sent = 0;
    const makeEvents = (n: number, customer?: string) =>
      Array.from({ length: n }, (_, i) => ({
        id: randomUUID(),
        type: i % 3 === 0 ? 'order_placed' : 'product_view',
        customerId: customer ?? customers[(sent + i) % customers.length],
        payload:
          i % 3 === 0 ? { orderId: `o-${sent + i}`, total: 10 } : { productId: `p-${i % 50}` },
      }));
    const post = async (events: unknown[]) => {
      const res = await fetch(`${base}/api/events/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ events }),
      });
      if (res.status !== 201) throw new Error(`batch → ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { accepted: number };
      if (body.accepted !== events.length)
        throw new Error(`accepted ${body.accepted} of ${events.length}`);
      sent += events.length;
    };
    const settle = async () => {
      for (;;) {
        const [{ n }] = await ds.query(
          `SELECT count(*) AS n FROM behaviour_events WHERE published_at IS NULL`,
        );
        if (Number(n) === 0) break;
        await sleep(20);
      }
      // Only the signals queue: churn-score jobs wait for the churn processor, not run here.
      for (;;) {
        const c = await queue.counts(SIGNALS_QUEUE);
        if (c.waiting + c.active + c.delayed === 0) break;
        await sleep(20);
      }
    };

    const http: number[] = [];
    const direct: number[] = [];
    for (let run = -1; run < opts.runs; run++) {
      const batches = Array.from({ length: Math.ceil(opts.events / BATCH) }, () =>
        makeEvents(BATCH),
      );
      let next = 0;
      const started = process.hrtime.bigint();
      await Promise.all(
        Array.from({ length: IN_FLIGHT }, async () => {
          while (next < batches.length) await post(batches[next++]);
        }),
      );
      const httpSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      await settle();
      const rows = Array.from({ length: Math.ceil(opts.events / BATCH) }, () =>
        makeEvents(BATCH).map((e) => ({ ...e, customerId: null, visitorId: 'bench-baseline' })),
      );
      const t0 = process.hrtime.bigint();
      for (const batch of rows) await ds.transaction((m) => appendEvents(m, batch));
      const directSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
      await settle();
      if (run >= 0) {
        http.push(opts.events / httpSeconds);
        direct.push(opts.events / directSeconds);
      }
      process.stderr.write(
        `[${mode}] ingestion ${run < 0 ? 'warm-up' : `run ${run + 1}/${opts.runs}`}: ${Math.round(opts.events / httpSeconds)} events/s over HTTP, ${Math.round(opts.events / directSeconds)} direct\n`,
      );
    }

    // Steady 1,000 events/s: 50 events per 50 ms, each request for its own customer.
    const lagCustomers = customers.slice(0, Math.ceil((opts.lagSeconds * 1000) / 50));
    const [{ n: before }] = await ds.query(`SELECT count(*) AS n FROM processed_events`);
    const baseline = new Map<string, number>(
      (
        await ds.query(
          `SELECT customer_id, events FROM customer_profiles WHERE customer_id = ANY($1::uuid[])`,
          [lagCustomers],
        )
      ).map((r: { customer_id: string; events: number }) => [r.customer_id, Number(r.events)]),
    );
    const accepted = new Map<string, number>();
    const lags: number[] = [];
    let stop = false;
    const poller = (async () => {
      while (!stop || accepted.size > 0) {
        const pending = [...accepted.keys()];
        if (pending.length > 0) {
          const rows: { customer_id: string; events: number }[] = await ds.query(
            `SELECT customer_id, events FROM customer_profiles WHERE customer_id = ANY($1::uuid[])`,
            [pending],
          );
          const now = performance.now();
          for (const r of rows)
            if (Number(r.events) >= (baseline.get(r.customer_id) ?? 0) + 50) {
              lags.push(now - accepted.get(r.customer_id)!);
              accepted.delete(r.customer_id);
            }
        }
        await sleep(10);
      }
    })();
    const t0 = performance.now();
    const requests: Promise<void>[] = [];
    let late = 0;
    for (let i = 0; i < lagCustomers.length; i++) {
      const due = t0 + i * 50;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      else if (wait < -50) late++;
      const customer = lagCustomers[i];
      requests.push(
        post(makeEvents(50, customer)).then(() => void accepted.set(customer, performance.now())),
      );
    }
    await Promise.all(requests);
    const achievedRate = (lagCustomers.length * 50) / ((performance.now() - t0) / 1000);
    stop = true;
    await poller;
    await settle();

    const [{ n: processed }] = await ds.query(`SELECT count(*) AS n FROM processed_events`);
    const [{ n: counted }] = await ds.query(
      `SELECT COALESCE(sum(events), 0) AS n FROM customer_profiles`,
    );
    const [{ n: stored }] = await ds.query(`SELECT count(*) AS n FROM behaviour_events`);
    return {
      mode,
      eventsPerRun: opts.events,
      runs: opts.runs,
      ingestion: {
        httpEventsPerSecond: http.map(Math.round),
        medianHttpEventsPerSecond: Math.round(median(http)),
        directInsertEventsPerSecond: direct.map(Math.round),
        medianDirectInsertEventsPerSecond: Math.round(median(direct)),
        ratioToDirectInsert: Math.round((median(http) / median(direct)) * 100) / 100,
      },
      lag: {
        targetEventsPerSecond: 1000,
        achievedEventsPerSecond: Math.round(achievedRate),
        lateRequests: late,
        samples: lags.length,
        p50Ms: Math.round(quantile(lags, 0.5)),
        p99Ms: Math.round(quantile(lags, 0.99)),
        maxMs: Math.round(Math.max(...lags)),
      },
      integrity: {
        eventsSent: sent,
        eventsStored: Number(stored),
        eventsCountedInProfiles: Number(counted),
        processedMarks: Number(processed),
        lost: sent - Number(counted),
        doubleCounted: Math.max(0, Number(counted) - sent),
        processedDuringLag: Number(processed) - Number(before),
      },
    };
  } finally {
    await app?.close();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const opts = {
    events: flag('events', 10_000),
    runs: flag('runs', 5),
    lagSeconds: flag('lag-seconds', 15),
  };
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex >= 0 ? process.argv[outIndex + 1] : 'bench/results';
  const modes: Mode[] = ['embedded'];
  if (process.env.DATABASE_URL && process.env.REDIS_URL) modes.unshift('postgres-bullmq');
  else process.stderr.write('PostgreSQL + BullMQ skipped: set DATABASE_URL and REDIS_URL\n');
  const results: SignalsResult[] = [];
  for (const mode of modes) results.push(await benchMode(mode, opts));
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model,
      loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
    },
    options: opts,
    results,
  };
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'signals.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(out, 'signals.md'), renderSignalsMarkdown(report));
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`bench:signals failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
