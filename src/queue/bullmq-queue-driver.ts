import { Job as BullJob, Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import {
  BulkJob,
  EnqueueOptions,
  FailedJobInfo,
  JobHandler,
  ProcessOptions,
  QueueCounts,
  QueueDriver,
} from './queue-driver';
import {
  FailedJobNotFoundError,
  QueueClosedError,
  QueueDrainTimeoutError,
  QueueUnavailableError,
} from './queue.errors';
import { resolveRetry } from './retry-policy';

export interface BullmqQueueOptions {
  url: string;
  /** Redis key prefix of every queue (several deployments or tests can share one Redis). */
  prefix: string;
  /** Create Workers in this process (false for API-only instances). */
  runProcessors: boolean;
  /**
   * A job whose worker stopped renewing its lock for this long is handed to another worker;
   * also the interval of the stalled-job check.
   */
  stallTimeoutMs?: number;
  /** How long `close()` waits for running jobs before handing them back to Redis. */
  shutdownTimeoutMs?: number;
  /**
   * BullMQ waits for Redis indefinitely; past this an enqueue fails with QUEUE_UNAVAILABLE so a
   * producer (the outbox relay) can keep the work and try again. The add may still land once
   * Redis is back, so producers that retry should pass a jobId.
   */
  enqueueTimeoutMs?: number;
  /** Completed jobs kept per queue (they also keep deduplicating their jobId). */
  keepCompleted?: number;
  onWorkerError?: (queue: string, error: Error) => void;
}

/**
 * Queues on Redis through BullMQ 6: one Queue per queue name for producers, one Worker per
 * registered processor where processors run (`RUN_PROCESSORS=true` or `npm run worker`).
 * Failed jobs stay in BullMQ's failed set, so they are listed and retried from Redis.
 */
export class BullmqQueueDriver implements QueueDriver {
  readonly kind = 'bullmq' as const;
  private readonly connection: IORedis;
  private readonly queues = new Map<string, Queue>();
  private readonly registrations = new Map<
    string,
    { handler: JobHandler; options: ProcessOptions }
  >();
  private readonly workers = new Map<string, Worker>();
  private started = false;
  /** Queues this process registered or enqueued to (reads by name do not add to it). */
  private readonly known = new Set<string>();
  private closing = false;

  constructor(private readonly options: BullmqQueueOptions) {
    // BullMQ requires maxRetriesPerRequest: null on connections it blocks on.
    this.connection = new IORedis(options.url, { maxRetriesPerRequest: null });
    this.connection.on('error', () => undefined); // reported by health(); ioredis reconnects
  }

  async enqueue<T>(
    queue: string,
    name: string,
    data: T,
    options: EnqueueOptions = {},
  ): Promise<string> {
    if (this.closing) throw new QueueClosedError(queue);
    this.known.add(queue);
    // BullMQ ignores an add whose jobId already exists and returns the existing job.
    const job = await this.bounded(
      queue,
      this.queue(queue).add(name, data ?? null, this.jobOptions(queue, options)),
    );
    return job.id!;
  }

  async enqueueMany<T>(queue: string, jobs: BulkJob<T>[]): Promise<string[]> {
    if (this.closing) throw new QueueClosedError(queue);
    this.known.add(queue);
    const added = await this.bounded(
      queue,
      this.queue(queue).addBulk(
        jobs.map((job) => ({
          name: job.name,
          data: job.data ?? null,
          opts: this.jobOptions(queue, job.options ?? {}),
        })),
      ),
    );
    return added.map((job) => job.id!);
  }

  private async bounded<R>(queue: string, operation: Promise<R>): Promise<R> {
    const ms = this.options.enqueueTimeoutMs ?? 5000;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        operation,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new QueueUnavailableError(queue, ms)), ms);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  private jobOptions(queue: string, options: EnqueueOptions) {
    const policy = resolveRetry(this.registrations.get(queue)?.options.retry, options.retry);
    return {
      jobId: options.jobId,
      delay: options.delayMs && options.delayMs > 0 ? options.delayMs : undefined,
      attempts: policy.attempts,
      backoff: { type: 'exponential' as const, delay: policy.backoffMs },
      removeOnComplete: { count: this.options.keepCompleted ?? 1000 },
      removeOnFail: false,
    };
  }

  /** After `start()`, registering a processor starts its Worker at once (as the inline driver does). */
  process<T>(queue: string, handler: JobHandler<T>, options: ProcessOptions = {}): void {
    if (this.workers.has(queue)) throw new Error(`queue ${queue} already has a running processor`);
    this.registrations.set(queue, { handler: handler as JobHandler, options });
    this.known.add(queue);
    if (this.started && !this.closing) this.startWorker(queue);
  }

  async start(): Promise<void> {
    this.started = true;
    if (!this.options.runProcessors) return;
    for (const queue of this.registrations.keys()) this.startWorker(queue);
    await Promise.all([...this.workers.values()].map((w) => w.waitUntilReady()));
  }

  private startWorker(queue: string): void {
    if (!this.options.runProcessors || this.workers.has(queue)) return;
    const { handler, options } = this.registrations.get(queue)!;
    const stall = this.options.stallTimeoutMs ?? 30_000;
    const worker = new Worker(
      queue,
      (job: BullJob) =>
        handler({
          id: job.id!,
          queue,
          name: job.name,
          data: job.data as unknown,
          attempt: job.attemptsMade + 1,
          maxAttempts: job.opts.attempts ?? 1,
        }),
      {
        connection: this.connection,
        prefix: this.options.prefix,
        concurrency: Math.max(1, options.concurrency ?? 1),
        lockDuration: stall,
        stalledInterval: stall,
      },
    );
    worker.on('error', (error) => this.options.onWorkerError?.(queue, error));
    this.workers.set(queue, worker);
  }

  queueNames(): string[] {
    return [...this.known].sort();
  }

  async listFailed(queue: string, limit = 100): Promise<FailedJobInfo[]> {
    const jobs = await this.queue(queue).getFailed(0, Math.max(1, limit) - 1);
    return jobs.filter(Boolean).map((job) => ({
      id: job.id!,
      queue,
      name: job.name,
      data: job.data as unknown,
      error: job.failedReason ?? 'unknown error',
      attempts: job.attemptsMade,
      failedAt: new Date(job.finishedOn ?? job.timestamp),
    }));
  }

  async retryFailed(queue: string, jobId: string): Promise<void> {
    const job = await this.queue(queue).getJob(jobId);
    if (!job || !(await job.isFailed())) throw new FailedJobNotFoundError(queue, jobId);
    // A retried job gets its full attempts again, like a freshly enqueued one.
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
  }

  async counts(queue: string): Promise<QueueCounts> {
    const c = await this.queue(queue).getJobCounts(
      'waiting',
      'prioritized',
      'active',
      'delayed',
      'failed',
    );
    return {
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      failed: c.failed ?? 0,
    };
  }

  async drain(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const pending: string[] = [];
      for (const name of this.queueNames()) {
        const c = await this.counts(name);
        if (c.waiting + c.active + c.delayed > 0)
          pending.push(`${name}: ${c.waiting} waiting, ${c.active} active, ${c.delayed} delayed`);
      }
      if (pending.length === 0) return;
      if (Date.now() > deadline) throw new QueueDrainTimeoutError(timeoutMs, pending.join('; '));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async health(): Promise<{ ok: boolean; detail?: string }> {
    if (this.closing) return { ok: false, detail: 'shutting down' };
    // A PING would wait in ioredis' offline queue while Redis is down: answer from the state.
    if (this.connection.status !== 'ready')
      return { ok: false, detail: `redis connection ${this.connection.status}` };
    try {
      return (await this.connection.ping()) === 'PONG'
        ? { ok: true }
        : { ok: false, detail: 'redis did not answer PING' };
    } catch (error) {
      return { ok: false, detail: `redis: ${(error as Error).message}` };
    }
  }

  /**
   * Workers stop fetching and let running jobs finish; past the timeout they are closed by force
   * and their jobs, still locked, are picked up again by another worker after the stall timeout.
   */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const grace = this.options.shutdownTimeoutMs ?? 10_000;
    await Promise.all(
      [...this.workers.values()].map(async (worker) => {
        let timer: NodeJS.Timeout | undefined;
        const timedOut = await Promise.race([
          worker.close().then(() => false),
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(true), grace);
          }),
        ]);
        clearTimeout(timer);
        // A forced close still talks to Redis; when Redis is gone it would wait forever.
        if (timedOut) await Promise.race([worker.close(true), sleepUnref(grace)]);
      }),
    );
    if (this.connection.status !== 'ready') {
      // Nothing can be flushed to a Redis that is not there; closing politely would wait for it.
      this.connection.disconnect();
      return;
    }
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.connection.quit().catch(() => this.connection.disconnect());
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.options.prefix });
      queue.on('error', () => undefined); // connection errors surface through health()
      this.queues.set(name, queue);
    }
    return queue;
  }
}

function sleepUnref(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
