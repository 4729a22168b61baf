import { Queue } from 'bullmq';
import { BullmqQueueDriver } from '../../src/queue/bullmq-queue-driver';
import { MemoryFailedJobStore } from '../../src/queue/failed-job-store';
import { InlineQueueDriver } from '../../src/queue/inline-queue-driver';
import { Job, QueueDriver } from '../../src/queue/queue-driver';
import { dropPrefix, queueDrivers, testPrefix } from '../support/redis';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** The same behaviour, whichever driver runs the jobs (BullMQ on the real Redis of REDIS_URL). */
describe.each(queueDrivers())('queue driver behaviour: %s', (kind) => {
  let driver: QueueDriver;
  let prefix: string;

  beforeEach(() => {
    prefix = testPrefix();
    driver =
      kind === 'inline'
        ? new InlineQueueDriver({ failedJobs: new MemoryFailedJobStore() })
        : new BullmqQueueDriver({ url: process.env.REDIS_URL!, prefix, runProcessors: true });
  });

  afterEach(async () => {
    await driver.close();
    if (kind === 'bullmq') await dropPrefix(prefix);
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    const attempts: number[] = [];
    driver.process<{ orderId: string }>(
      'sync',
      async (job) => {
        attempts.push(job.attempt);
        if (job.attempt < 3) throw new Error('shop API timed out');
        expect(job.data).toEqual({ orderId: 'A-1' });
      },
      { retry: { attempts: 4, backoffMs: 10 } },
    );
    await driver.start();
    await driver.enqueue('sync', 'order', { orderId: 'A-1' });
    await driver.drain(15_000);
    expect(attempts).toEqual([1, 2, 3]);
    expect(await driver.listFailed('sync')).toEqual([]);
  });

  it('keeps a job that exhausted its retries as failed, lists it and retries it to success', async () => {
    let healthy = false;
    const done: unknown[] = [];
    driver.process('mail', async (job) => {
      if (!healthy) throw new Error('SMTP refused the connection');
      done.push(job.data);
    });
    await driver.start();
    await driver.enqueue(
      'mail',
      'receipt',
      { to: 'c-17' },
      { retry: { attempts: 2, backoffMs: 5 } },
    );
    await driver.drain(15_000);

    const failed = await driver.listFailed('mail');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      queue: 'mail',
      name: 'receipt',
      data: { to: 'c-17' },
      error: 'SMTP refused the connection',
      attempts: 2,
    });
    expect((await driver.counts('mail')).failed).toBe(1);

    healthy = true;
    await driver.retryFailed('mail', failed[0].id);
    await driver.drain(15_000);
    expect(done).toEqual([{ to: 'c-17' }]);
    expect(await driver.listFailed('mail')).toEqual([]);
    await expect(driver.retryFailed('mail', failed[0].id)).rejects.toMatchObject({
      code: 'FAILED_JOB_NOT_FOUND',
    });
  });

  it('ignores a second job with the same id while the first is pending', async () => {
    const runs: unknown[] = [];
    driver.process('profiles', async (job) => {
      runs.push(job.data);
    });
    const first = await driver.enqueue('profiles', 'recompute', { v: 1 }, { jobId: 'customer-9' });
    const second = await driver.enqueue('profiles', 'recompute', { v: 2 }, { jobId: 'customer-9' });
    await driver.start();
    await driver.drain(15_000);
    expect(second).toBe(first);
    expect(runs).toEqual([{ v: 1 }]);
  });

  it('enqueues a batch in one call, keeping ids and deduplication', async () => {
    const runs: unknown[] = [];
    driver.process('events', async (job) => {
      runs.push(job.data);
    });
    await driver.enqueue('events', 'event', { n: 0 }, { jobId: 'evt-0' });
    const ids = await driver.enqueueMany('events', [
      { name: 'event', data: { n: 0, resent: true }, options: { jobId: 'evt-0' } },
      { name: 'event', data: { n: 1 }, options: { jobId: 'evt-1' } },
      { name: 'event', data: { n: 2 } },
    ]);
    expect(ids.slice(0, 2)).toEqual(['evt-0', 'evt-1']);
    await driver.start();
    await driver.drain(15_000);
    expect(runs).toHaveLength(3);
    expect(runs).toEqual(expect.arrayContaining([{ n: 0 }, { n: 1 }, { n: 2 }]));
  });

  it('holds a delayed job back, then runs it', async () => {
    const runs: string[] = [];
    driver.process('reminders', async (job) => {
      runs.push(job.id);
    });
    await driver.start();
    const id = await driver.enqueue('reminders', 'nudge', {}, { delayMs: 400 });
    const counts = await driver.counts('reminders');
    expect(counts.delayed).toBe(1);
    expect(runs).toEqual([]);
    await driver.drain(15_000);
    expect(runs).toEqual([id]);
  });

  it('never runs more jobs of a queue at once than its concurrency', async () => {
    let running = 0;
    let peak = 0;
    driver.process(
      'reports',
      async () => {
        running++;
        peak = Math.max(peak, running);
        await sleep(60);
        running--;
      },
      { concurrency: 3 },
    );
    await driver.start();
    for (let i = 0; i < 12; i++) await driver.enqueue('reports', 'rollup', { i });
    await driver.drain(30_000);
    expect(peak).toBe(3);
  });

  it('lets a running job finish when it is closed', async () => {
    const events: string[] = [];
    driver.process('slow', async (job: Job) => {
      events.push(`start ${job.id}`);
      await sleep(400);
      events.push(`end ${job.id}`);
    });
    await driver.start();
    const id = await driver.enqueue('slow', 'work', {});
    await until(() => events.length === 1, 'the job to start');
    await driver.close();
    expect(events).toEqual([`start ${id}`, `end ${id}`]);
    await expect(driver.enqueue('slow', 'work', {})).rejects.toMatchObject({
      code: 'QUEUE_CLOSED',
    });
    if (kind === 'bullmq') {
      const queue = new Queue('slow', { connection: { url: process.env.REDIS_URL }, prefix });
      expect(await queue.getJobState(id)).toBe('completed');
      await queue.close();
    }
  });
});

describe('BullMQ driver without a reachable Redis', () => {
  it('fails an enqueue with QUEUE_UNAVAILABLE instead of hanging, and reports unhealthy', async () => {
    // Port 1 on loopback: nothing listens there, every connection attempt is refused.
    const driver = new BullmqQueueDriver({
      url: 'redis://127.0.0.1:1',
      prefix: testPrefix(),
      runProcessors: false,
      enqueueTimeoutMs: 300,
    });
    await expect(driver.enqueue('events', 'event', {})).rejects.toMatchObject({
      code: 'QUEUE_UNAVAILABLE',
      status: 503,
    });
    expect((await driver.health()).ok).toBe(false);
    await driver.close();
  });
});
