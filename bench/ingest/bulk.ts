/**
 * Bulk ingestion throughput through the real HTTP API (`POST /api/{entity}/bulk`, 1,000 rows per
 * request, API key) on PGlite and, when DATABASE_URL is set, on PostgreSQL. In the same run, two
 * baselines on the same back end: the same rows through the same IngestionService call in-process
 * (row validation + SQL, without HTTP and JSON: the ceiling for the HTTP path) and one `PUT` per
 * row (what a shop without the bulk endpoint would do). One unrecorded warm-up run, then the
 * median of the runs.
 *
 *   npm run bench:ingest -- [--rows 3000] [--runs 5] [--single 100] [--out bench/results]
 *
 * Writes bench/results/ingest.{json,md}.
 */
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { createApp } from '../../src/app.factory';
import { ApiKeyService } from '../../src/auth/api-key.service';
import { IngestionService } from '../../src/commerce/ingestion.service';
import { loadConfig } from '../../src/config/app-config';
import { createScratchDatabase } from '../../test/support/databases';
import { Entity, ROWS } from './ingest-workload';
import { renderIngestMarkdown } from './ingest-report';

const ENTITIES: Entity[] = ['products', 'customers', 'orders'];
const BULK_SIZE = 1000;

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

export interface Measurement {
  backend: 'pglite' | 'postgres';
  entity: Entity;
  mode: 'http-bulk' | 'in-process-bulk' | 'http-single-put';
  rowsPerRun: number;
  rowsPerSecond: number[];
  medianRowsPerSecond: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function send(base: string, key: string, method: string, path: string, body: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function benchBackend(
  backend: 'pglite' | 'postgres',
  options: { rows: number; runs: number; single: number },
): Promise<Measurement[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'concierge-bench-'));
  const scratch = backend === 'postgres' ? await createScratchDatabase() : undefined;
  let app: INestApplication | undefined;
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      ...(process.env.INTENT_MODEL_DIR ? { INTENT_MODEL_DIR: process.env.INTENT_MODEL_DIR } : {}),
      ...(scratch ? { DATABASE_URL: scratch.url } : {}),
    });
    app = await createApp(config);
    await app.listen(0, '127.0.0.1');
    // The in-process phases leave the client's keep-alive socket idle for seconds; Node's 5 s
    // default would close it under the client's feet ("fetch failed").
    (app.getHttpServer() as { keepAliveTimeout: number }).keepAliveTimeout = 120_000;
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const key = (await app.get(ApiKeyService).create('bench', null)).key;
    const ingestion = app.get(IngestionService);
    const samples = new Map<string, number[]>();
    let warm = false;
    const record = (entity: Entity, mode: Measurement['mode'], rows: number, seconds: number) => {
      if (!warm) return;
      const id = `${entity}|${mode}|${rows}`;
      samples.set(id, [...(samples.get(id) ?? []), rows / seconds]);
    };
    const bulkWriters: Record<Entity, (items: unknown[]) => Promise<unknown>> = {
      products: (items) => ingestion.bulkProducts(items),
      customers: (items) => ingestion.bulkCustomers(items),
      orders: (items) => ingestion.bulkOrders(items),
    };

    // Run -1 warms up (JIT, connection pool, prepared plans) and is not recorded.
    for (let run = -1; run < options.runs; run++) {
      warm = run >= 0;
      // Alternate which mode goes first so that table growth does not favour one of them.
      const modes = run % 2 === 0 ? (['http', 'inproc'] as const) : (['inproc', 'http'] as const);
      for (const mode of modes) {
        const tag = `r${run + 1}${mode === 'http' ? 'h' : 'i'}`;
        for (const entity of ENTITIES) {
          const rows = ROWS[entity](tag, options.rows);
          const seconds = await timed(async () => {
            for (let i = 0; i < rows.length; i += BULK_SIZE) {
              const items = rows.slice(i, i + BULK_SIZE);
              if (mode === 'http') await send(base, key, 'POST', `/api/${entity}/bulk`, { items });
              else await bulkWriters[entity](items);
            }
          });
          record(entity, mode === 'http' ? 'http-bulk' : 'in-process-bulk', rows.length, seconds);
        }
      }
      const tag = `r${run + 1}s`;
      for (const entity of ENTITIES) {
        const rows = ROWS[entity](tag, options.single);
        const seconds = await timed(async () => {
          for (const { externalId, ...fields } of rows) {
            await send(base, key, 'PUT', `/api/${entity}/${externalId as string}`, fields);
          }
        });
        record(entity, 'http-single-put', rows.length, seconds);
      }
      process.stderr.write(
        `[${backend}] ${warm ? `run ${run + 1}/${options.runs}` : 'warm-up'} done\n`,
      );
    }
    return [...samples.entries()].map(([id, values]) => {
      const [entity, mode, rows] = id.split('|');
      return {
        backend,
        entity: entity as Entity,
        mode: mode as Measurement['mode'],
        rowsPerRun: Number(rows),
        rowsPerSecond: values.map((v) => Math.round(v)),
        medianRowsPerSecond: Math.round(median(values)),
      };
    });
  } finally {
    await app?.close();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const options = { rows: flag('rows', 3000), runs: flag('runs', 5), single: flag('single', 100) };
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex >= 0 ? process.argv[outIndex + 1] : 'bench/results';
  const backends: ('pglite' | 'postgres')[] = process.env.DATABASE_URL
    ? ['pglite', 'postgres']
    : ['pglite'];
  if (!process.env.DATABASE_URL) process.stderr.write('DATABASE_URL not set: PGlite only\n');
  const loadAtStart = loadavg()[0];
  const measurements: Measurement[] = [];
  for (const backend of backends) measurements.push(...(await benchBackend(backend, options)));
  const result = {
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      node: process.version,
      loadAverage: { start: loadAtStart, end: loadavg()[0] },
    },
    options: { ...options, bulkRequestSize: BULK_SIZE },
    measurements,
  };
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'ingest.json'), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(join(out, 'ingest.md'), renderIngestMarkdown(result));
  process.stdout.write(renderIngestMarkdown(result));
}

main().then(
  () => process.exit(0),
  (error) => {
    const cause = (error as Error & { cause?: Error }).cause;
    process.stderr.write(
      `bench:ingest failed: ${(error as Error).message}${cause ? ` (${cause.message})` : ''}\n`,
    );
    process.exit(1);
  },
);
