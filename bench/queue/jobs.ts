/**
 * bench:queue — jobs/s through the QueueDriver interface, inline vs BullMQ (Redis of REDIS_URL,
 * default redis://127.0.0.1:6379), for trivial jobs and for jobs that wait 1 ms (I/O-like).
 * Producer and worker share this process; a run times enqueue-to-drained for N jobs.
 * Median of RUNS runs after one warm-up; BullMQ is reported as a ratio of inline in the same run.
 * Writes bench/results/queue.{json,md}.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import IORedis from 'ioredis';
import { BullmqQueueDriver } from '../../src/queue/bullmq-queue-driver';
import { MemoryFailedJobStore } from '../../src/queue/failed-job-store';
import { InlineQueueDriver } from '../../src/queue/inline-queue-driver';
import { QueueDriver } from '../../src/queue/queue-driver';

type DriverKind = 'inline' | 'bullmq';
type Workload = 'trivial' | 'trivial-bulk' | '1ms' | 'enqueue-only' | 'enqueue-only-bulk';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Jobs per run: enough for a run to last about a second on a small shared machine. */
const JOBS: Record<DriverKind, number> = {
  inline: Number(process.env.BENCH_INLINE_JOBS ?? 20_000),
  bullmq: Number(process.env.BENCH_BULLMQ_JOBS ?? 3_000),
};
/** Enqueues in flight at once (BullMQ pipelines them over one connection). */
const ENQUEUE_WINDOW = 100;

async function oneRun(kind: DriverKind, workload: Workload): Promise<number> {
  const prefix = `cq_bench_${randomBytes(4).toString('hex')}`;
  // Producer-only runs measure what an API instance can accept; no worker takes the jobs.
  const consume = !workload.startsWith('enqueue-only');
  const driver: QueueDriver =
    kind === 'inline'
      ? new InlineQueueDriver({ failedJobs: new MemoryFailedJobStore() })
      : new BullmqQueueDriver({
          url: REDIS_URL,
          prefix,
          runProcessors: consume,
          keepCompleted: 100,
        });
  let done = 0;
  driver.process(
    'bench',
    workload !== '1ms'
      ? () => {
          done++;
          return Promise.resolve();
        }
      : () =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              done++;
              resolve();
            }, 1),
          ),
    { concurrency: CONCURRENCY, retry: { attempts: 1 } },
  );
  if (consume) await driver.start();
  const n = JOBS[kind];
  const t0 = performance.now();
  for (let i = 0; i < n; i += ENQUEUE_WINDOW) {
    if (workload.endsWith('-bulk')) {
      const jobs = [];
      for (let j = i; j < Math.min(n, i + ENQUEUE_WINDOW); j++)
        jobs.push({ name: 'job', data: { i: j } });
      await driver.enqueueMany('bench', jobs);
      continue;
    }
    const batch: Promise<string>[] = [];
    for (let j = i; j < Math.min(n, i + ENQUEUE_WINDOW); j++)
      batch.push(driver.enqueue('bench', 'job', { i: j }));
    await Promise.all(batch);
  }
  if (consume) await driver.drain(300_000);
  const seconds = (performance.now() - t0) / 1000;
  await driver.close();
  if (consume && done !== n) throw new Error(`${kind}/${workload}: ${done} of ${n} jobs ran`);
  if (kind === 'bullmq') await dropPrefix(prefix);
  return n / seconds;
}

async function dropPrefix(prefix: string): Promise<void> {
  const redis = new IORedis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function redisReachable(): Promise<boolean> {
  const redis = new IORedis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  const kinds: DriverKind[] = (await redisReachable()) ? ['inline', 'bullmq'] : ['inline'];
  if (kinds.length === 1)
    process.stderr.write(`[bench:queue] no Redis at ${REDIS_URL}: inline only\n`);
  const rows: {
    driver: DriverKind;
    workload: Workload;
    jobs: number;
    runs: number[];
    medianJobsPerSec: number;
    vsInline?: number;
  }[] = [];
  for (const workload of [
    'trivial',
    'trivial-bulk',
    '1ms',
    'enqueue-only',
    'enqueue-only-bulk',
  ] as Workload[]) {
    for (const kind of kinds) {
      process.stderr.write(
        `[bench:queue] ${kind} ${workload}: warm-up + ${RUNS} runs of ${JOBS[kind]} jobs\n`,
      );
      await oneRun(kind, workload);
      const runs: number[] = [];
      for (let r = 0; r < RUNS; r++) runs.push(await oneRun(kind, workload));
      rows.push({
        driver: kind,
        workload,
        jobs: JOBS[kind],
        runs: runs.map(Math.round),
        medianJobsPerSec: Math.round(median(runs)),
      });
    }
    const inline = rows.find((r) => r.workload === workload && r.driver === 'inline')!;
    for (const row of rows.filter((r) => r.workload === workload))
      row.vsInline = Math.round((row.medianJobsPerSec / inline.medianJobsPerSec) * 1000) / 1000;
  }

  const result = {
    benchmark: 'queue jobs/s',
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      node: process.version,
      loadAverageAtEnd: loadavg().map((l) => Math.round(l * 10) / 10),
    },
    settings: {
      concurrency: CONCURRENCY,
      runs: RUNS,
      enqueueWindow: ENQUEUE_WINDOW,
      redis: kinds.includes('bullmq') ? REDIS_URL : null,
    },
    results: rows,
  };
  const dir = join(__dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'queue.json'), JSON.stringify(result, null, 2) + '\n');
  const md = [
    '# Queue throughput (jobs/s)',
    '',
    `${result.date} · node ${process.version} · ${cpus().length} CPUs (${result.machine.cpuModel}) · ` +
      `concurrency ${CONCURRENCY} per queue · median of ${RUNS} runs after a warm-up · ` +
      'producer and worker in one process, time from first enqueue to queue drained. ' +
      `Load average at the end: ${result.machine.loadAverageAtEnd.join(' / ')} (shared machine).`,
    '',
    '| workload | driver | jobs/run | median jobs/s | vs inline | runs (jobs/s) |',
    '|---|---|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.workload} | ${r.driver} | ${r.jobs} | ${r.medianJobsPerSec} | ${r.vsInline?.toFixed(3)} | ${r.runs.join(', ')} |`,
    ),
    '',
    'trivial: the handler returns at once; jobs enqueued one call each, 100 calls in flight.',
    'trivial-bulk: the same jobs enqueued with `enqueueMany` in batches of 100 (BullMQ addBulk).',
    '1ms: the handler waits 1 ms on a timer (I/O-like), so',
    `at concurrency ${CONCURRENCY} the ideal is about ${CONCURRENCY * 1000} jobs/s minus timer granularity.`,
    'enqueue-only / enqueue-only-bulk: producer alone (no worker): jobs accepted per second, what an',
    'API instance with RUN_PROCESSORS=false can hand to the queue (single calls / batches of 100).',
    '',
    'Reproduce: `npm run bench:queue` (REDIS_URL, BENCH_RUNS, BENCH_CONCURRENCY, BENCH_INLINE_JOBS, BENCH_BULLMQ_JOBS).',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'queue.md'), md);
  process.stdout.write(md);
}

main().catch((error: Error) => {
  process.stderr.write(`bench:queue failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
