import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { backends } from '../support/databases';
import { dropPrefix, redisAvailable, testPrefix } from '../support/redis';
import { createTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');
const ADMIN = { email: 'admin@concierge.local', password: 'concierge-admin' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => Promise<boolean>, what: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts `npm run worker`'s entry point; resolves once it logged that it started. */
function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`worker did not start:\n${output}`));
    }, 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/worker started/.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code}:\n${output}`));
    });
  });
}

/** A private redis-server, so the test can stop and restart it. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const probe = new IORedis({
    port,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined);
  await until(
    async () => {
      try {
        await probe.connect();
        return (await probe.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    `redis-server on port ${port}`,
    10_000,
  );
  probe.disconnect();
  return child;
}

const runs = redisAvailable() && backends().includes('postgres');
if (!runs && !process.env.CI)
  process.stderr.write(
    '[skip] signals reliability tests need REDIS_URL and DATABASE_URL (they run in CI)\n',
  );
const describeReliability = runs ? describe : describe.skip;
jest.setTimeout(300_000);

describeReliability('behaviour signals reliability (real Redis and PostgreSQL)', () => {
  let t: TestApp | undefined;
  let prefix: string;
  const children: ChildProcess[] = [];

  beforeEach(() => {
    prefix = testPrefix();
  });
  afterEach(async () => {
    // Close the app while its Redis still runs, then stop the helper processes.
    await t?.close();
    t = undefined;
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    await dropPrefix(prefix);
  });

  /** Creates customers and returns a function posting `order_placed` events for them. */
  async function shop(app: TestApp, customers: number) {
    const http = app.app.getHttpServer();
    const ds = app.app.get(DataSource);
    const admin = (await request(http).post('/api/auth/login').send(ADMIN).expect(200)).body
      .accessToken;
    const key = (
      await request(http)
        .post('/api/api-keys')
        .set('authorization', `Bearer ${admin}`)
        .send({ name: 'shop' })
        .expect(201)
    ).body.key;
    const ids: string[] = (
      await ds.query(
        `INSERT INTO customers (external_id) SELECT 'c-' || g FROM generate_series(1, $1) g RETURNING id`,
        [customers],
      )
    ).map((r: { id: string }) => r.id);
    let orders = 0;
    const post = async (count: number) => {
      for (let done = 0; done < count; done += 1000) {
        const events = Array.from({ length: Math.min(1000, count - done) }, (_, i) => ({
          id: randomUUID(),
          type: 'order_placed',
          customerId: ids[(done + i) % ids.length],
          payload: { orderId: `o-${orders++}`, total: 1 },
        }));
        const res = await request(http)
          .post('/api/events/batch')
          .set('x-api-key', key)
          .send({ events });
        expect(res.status).toBe(201);
        expect(res.body.accepted).toBe(events.length);
      }
    };
    const count = async (sql: string) => Number((await ds.query(sql))[0].n);
    return {
      post,
      processed: () => count(`SELECT count(*) AS n FROM processed_events`),
      unpublished: () =>
        count(`SELECT count(*) AS n FROM behaviour_events WHERE published_at IS NULL`),
      orders: async () =>
        (await ds.query(`SELECT orders FROM customer_profiles ORDER BY customer_id`)).map(
          (r: { orders: number }) => Number(r.orders),
        ),
      rollupOrders: () => count(`SELECT COALESCE(sum(orders), 0) AS n FROM customer_daily_rollups`),
    };
  }

  it('counts every event exactly once after a worker is killed with SIGKILL mid-batch', async () => {
    const N = 10_000;
    const CUSTOMERS = 50;
    t = await createTestApp('postgres', {
      env: {
        REDIS_URL: process.env.REDIS_URL!,
        QUEUE_PREFIX: prefix,
        RUN_PROCESSORS: 'false',
        SIGNALS_CHURN_DEBOUNCE_MS: '0',
      },
    });
    const s = await shop(t, CUSTOMERS);
    await s.post(N);
    await until(
      async () => (await s.unpublished()) === 0,
      'the relay to publish every event',
      60_000,
    );

    const dataDir = mkdtempSync(join(tmpdir(), 'concierge-signals-worker-'));
    const env = {
      DATABASE_URL: t.config.DATABASE_URL!,
      REDIS_URL: process.env.REDIS_URL!,
      QUEUE_PREFIX: prefix,
      QUEUE_STALL_TIMEOUT_MS: '1000',
      SIGNALS_RELAY: 'false',
      SIGNALS_CHURN_DEBOUNCE_MS: '0',
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
    };
    try {
      const first = await startWorker(env);
      children.push(first);
      await until(
        async () => (await s.processed()) > 0,
        'the first worker to process events',
        60_000,
      );
      first.kill('SIGKILL');
      await exited(first);
      const atKill = await s.processed();
      expect(atKill).toBeLessThan(N); // killed in the middle, not after the work was done

      children.push(await startWorker(env));
      await until(async () => (await s.processed()) === N, 'every event to be processed', 120_000);
      await sleep(3000); // room for a wrongly redelivered job to count twice
      expect(await s.processed()).toBe(N);
      expect(await s.orders()).toEqual(Array(CUSTOMERS).fill(N / CUSTOMERS));
      expect(await s.rollupOrders()).toBe(N);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('accepts events while Redis is down and processes them once it is back', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    let redis = await startRedis(port);
    children.push(redis);
    t = await createTestApp('postgres', {
      env: {
        REDIS_URL: `redis://127.0.0.1:${port}`,
        QUEUE_PREFIX: prefix,
        SIGNALS_CHURN_DEBOUNCE_MS: '0',
      },
    });
    const s = await shop(t, 10);
    await s.post(500);
    await until(
      async () => (await s.processed()) === 500,
      'the first events to be processed',
      60_000,
    );

    redis.kill('SIGKILL');
    await exited(redis);
    await s.post(500); // accepted into the outbox while the queue is unreachable
    await sleep(1500);
    expect(await s.unpublished()).toBe(500);
    expect(await s.processed()).toBe(500);

    redis = await startRedis(port);
    children.push(redis);
    await until(
      async () => (await s.processed()) === 1000,
      'the backlog to be processed after Redis returned',
      90_000,
    );
    expect(await s.unpublished()).toBe(0);
    expect(await s.orders()).toEqual(Array(10).fill(100));
  });
});
