import { FailedJobStore, MemoryFailedJobStore } from './failed-job-store';
import { InlineQueueDriver } from './inline-queue-driver';
import { backoffDelay, resolveRetry } from './retry-policy';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('InlineQueueDriver', () => {
  let driver: InlineQueueDriver;
  afterEach(() => driver?.close());

  it('holds jobs enqueued before start() and runs them once started', async () => {
    driver = new InlineQueueDriver({ failedJobs: new MemoryFailedJobStore() });
    const runs: number[] = [];
    driver.process<number>('q', async (job) => {
      runs.push(job.data);
    });
    await driver.enqueue('q', 'n', 1);
    await driver.enqueue('q', 'n', 2);
    await driver.drain(1000); // not started: nothing can run, so nothing is pending either
    expect(runs).toEqual([]);
    expect((await driver.counts('q')).waiting).toBe(2);
    await driver.start();
    await driver.drain(1000);
    expect(runs).toEqual([1, 2]);
  });

  it('gives the handler its own copy of the data', async () => {
    driver = new InlineQueueDriver({ failedJobs: new MemoryFailedJobStore() });
    const seen: unknown[] = [];
    driver.process<{ tags: string[] }>('q', async (job) => {
      seen.push(job.data);
    });
    await driver.start();
    const data = { tags: ['vip'] };
    await driver.enqueue('q', 'n', data);
    data.tags.push('changed after enqueue');
    await driver.drain(1000);
    expect(seen).toEqual([{ tags: ['vip'] }]);
  });

  it('accepts a job id again once the first job with it has completed', async () => {
    driver = new InlineQueueDriver({ failedJobs: new MemoryFailedJobStore() });
    let runs = 0;
    driver.process('q', async () => {
      runs++;
    });
    await driver.start();
    await driver.enqueue('q', 'n', {}, { jobId: 'customer-1' });
    await driver.drain(1000);
    await driver.enqueue('q', 'n', {}, { jobId: 'customer-1' });
    await driver.drain(1000);
    expect(runs).toBe(2);
  });

  it('on close waits for running jobs, drops waiting ones and refuses new ones', async () => {
    driver = new InlineQueueDriver({ failedJobs: new MemoryFailedJobStore() });
    const finished: number[] = [];
    driver.process<number>('q', async (job) => {
      await sleep(100);
      finished.push(job.data);
    });
    await driver.start();
    await driver.enqueue('q', 'n', 1);
    await driver.enqueue('q', 'n', 2);
    await driver.enqueue('q', 'n', 3, { delayMs: 50 });
    await sleep(10);
    await driver.close();
    expect(finished).toEqual([1]);
    await sleep(150);
    expect(finished).toEqual([1]);
    await expect(driver.enqueue('q', 'n', 4)).rejects.toMatchObject({ code: 'QUEUE_CLOSED' });
    expect(await driver.health()).toEqual({ ok: false, detail: 'shutting down' });
  });

  it('stops waiting for a stuck job after the shutdown timeout', async () => {
    driver = new InlineQueueDriver({
      failedJobs: new MemoryFailedJobStore(),
      shutdownTimeoutMs: 50,
    });
    let started = false;
    driver.process('q', () => {
      started = true;
      return new Promise<void>(() => undefined);
    });
    await driver.start();
    await driver.enqueue('q', 'n', {});
    while (!started) await sleep(5);
    await expect(driver.close()).resolves.toBeUndefined();
  });

  it('reports what is still pending when drain() times out', async () => {
    driver = new InlineQueueDriver({
      failedJobs: new MemoryFailedJobStore(),
      shutdownTimeoutMs: 10,
    });
    driver.process('slow-q', async () => {
      await sleep(300);
    });
    await driver.start();
    await driver.enqueue('slow-q', 'n', {});
    await expect(driver.drain(20)).rejects.toMatchObject({
      code: 'QUEUE_DRAIN_TIMEOUT',
      message: expect.stringContaining('slow-q: 0 waiting, 1 active') as string,
    });
  });

  it('reports a failed job it could not record instead of throwing into the queue', async () => {
    const broken: FailedJobStore = {
      add: () => Promise.reject(new Error('database is down')),
      count: () => Promise.resolve(0),
      list: () => Promise.resolve([]),
      take: () => Promise.resolve(undefined),
    };
    const internal: string[] = [];
    driver = new InlineQueueDriver({
      failedJobs: broken,
      onInternalError: (e) => internal.push((e as Error).message),
    });
    driver.process('q', () => Promise.reject(new Error('bad')), { retry: { attempts: 1 } });
    await driver.start();
    await driver.enqueue('q', 'n', {});
    await driver.drain(1000);
    expect(internal).toEqual(['database is down']);
  });

  it('rejects retrying a failed job that does not exist', async () => {
    driver = new InlineQueueDriver({ failedJobs: new MemoryFailedJobStore() });
    await expect(driver.retryFailed('q', 'nope')).rejects.toMatchObject({
      code: 'FAILED_JOB_NOT_FOUND',
      status: 404,
    });
  });
});

describe('retry policy', () => {
  it('lets the job override the queue, and the queue the platform default', () => {
    expect(resolveRetry(undefined, undefined)).toEqual({ attempts: 5, backoffMs: 500 });
    expect(resolveRetry({ attempts: 3 }, undefined)).toEqual({ attempts: 3, backoffMs: 500 });
    expect(resolveRetry({ attempts: 3, backoffMs: 10 }, { attempts: 1 })).toEqual({
      attempts: 1,
      backoffMs: 10,
    });
    expect(resolveRetry({ attempts: 0 }, undefined).attempts).toBe(1);
  });

  it('doubles the delay after each failed attempt', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(100, attempt))).toEqual([100, 200, 400, 800]);
  });
});
