import { randomUUID } from 'node:crypto';
import { FailedJobStore } from './failed-job-store';
import {
  BulkJob,
  EnqueueOptions,
  FailedJobInfo,
  Job,
  JobHandler,
  ProcessOptions,
  QueueCounts,
  QueueDriver,
} from './queue-driver';
import {
  errorMessage,
  FailedJobNotFoundError,
  QueueClosedError,
  QueueDrainTimeoutError,
} from './queue.errors';
import { backoffDelay, resolveRetry } from './retry-policy';

interface PendingJob {
  id: string;
  name: string;
  data: unknown;
  attempt: number;
  maxAttempts: number;
  backoffMs: number;
}

interface QueueState {
  handler?: JobHandler<unknown>;
  options: ProcessOptions;
  ready: PendingJob[];
  delayed: Map<string, NodeJS.Timeout>;
  active: Map<string, Promise<void>>;
  /** Ids of jobs waiting, delayed or running: a second enqueue with one of them is ignored. */
  ids: Set<string>;
}

export interface InlineQueueOptions {
  failedJobs: FailedJobStore;
  /** How long `close()` waits for running jobs before giving up on them. */
  shutdownTimeoutMs?: number;
  /** Where a failure to record a failed job is reported (the job itself is then lost). */
  onInternalError?: (error: unknown) => void;
}

/**
 * Runs jobs in this process: the embedded default and the driver of most tests. Jobs live in
 * memory, so waiting jobs are lost when the process stops; that is acceptable because queues only
 * carry derived work that can be recomputed from the database. Jobs that exhaust their retries
 * are written to `queue_failed_jobs` so they survive restarts and can be retried.
 */
export class InlineQueueDriver implements QueueDriver {
  readonly kind = 'inline' as const;
  private readonly queues = new Map<string, QueueState>();
  private started = false;
  private closing = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: InlineQueueOptions) {}

  enqueue<T>(queue: string, name: string, data: T, options: EnqueueOptions = {}): Promise<string> {
    if (this.closing) return Promise.reject(new QueueClosedError(queue));
    const state = this.state(queue);
    const id = options.jobId ?? randomUUID();
    if (state.ids.has(id)) return Promise.resolve(id);
    const policy = resolveRetry(state.options.retry, options.retry);
    // A JSON round trip gives handlers the same copy semantics as Redis would.
    const job: PendingJob = {
      id,
      name,
      data: JSON.parse(JSON.stringify(data ?? null)) as unknown,
      attempt: 1,
      maxAttempts: policy.attempts,
      backoffMs: policy.backoffMs,
    };
    state.ids.add(id);
    if (options.delayMs && options.delayMs > 0) this.delay(queue, state, job, options.delayMs);
    else {
      state.ready.push(job);
      this.dispatch(queue, state);
    }
    return Promise.resolve(id);
  }

  enqueueMany<T>(queue: string, jobs: BulkJob<T>[]): Promise<string[]> {
    return Promise.all(jobs.map((job) => this.enqueue(queue, job.name, job.data, job.options)));
  }

  process<T>(queue: string, handler: JobHandler<T>, options: ProcessOptions = {}): void {
    const state = this.state(queue);
    state.handler = handler as JobHandler<unknown>;
    state.options = options;
    if (this.started) this.dispatch(queue, state);
  }

  start(): Promise<void> {
    this.started = true;
    for (const [name, state] of this.queues) this.dispatch(name, state);
    return Promise.resolve();
  }

  queueNames(): string[] {
    return [...this.queues.keys()].sort();
  }

  listFailed(queue: string, limit = 100): Promise<FailedJobInfo[]> {
    return this.options.failedJobs.list(queue, limit);
  }

  async retryFailed(queue: string, jobId: string): Promise<void> {
    const failed = await this.options.failedJobs.take(queue, jobId);
    if (!failed) throw new FailedJobNotFoundError(queue, jobId);
    await this.enqueue(queue, failed.name, failed.data);
  }

  async counts(queue: string): Promise<QueueCounts> {
    const state = this.queues.get(queue);
    return {
      waiting: state?.ready.length ?? 0,
      active: state?.active.size ?? 0,
      delayed: state?.delayed.size ?? 0,
      failed: await this.options.failedJobs.count(queue),
    };
  }

  drain(timeoutMs = 30_000): Promise<void> {
    if (this.idle()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.idleWaiters = this.idleWaiters.filter((w) => w !== waiter);
        reject(new QueueDrainTimeoutError(timeoutMs, this.describePending()));
      }, timeoutMs);
      const waiter = () => {
        clearTimeout(timer);
        resolve();
      };
      this.idleWaiters.push(waiter);
    });
  }

  health(): Promise<{ ok: boolean; detail?: string }> {
    return Promise.resolve(this.closing ? { ok: false, detail: 'shutting down' } : { ok: true });
  }

  /** Stops dispatching, drops waiting and delayed jobs, waits for running ones (bounded). */
  async close(): Promise<void> {
    this.closing = true;
    const running: Promise<void>[] = [];
    for (const state of this.queues.values()) {
      for (const timer of state.delayed.values()) clearTimeout(timer);
      state.delayed.clear();
      state.ready.length = 0;
      running.push(...state.active.values());
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled(running),
      new Promise((resolve) => {
        timer = setTimeout(resolve, this.options.shutdownTimeoutMs ?? 10_000);
      }),
    ]);
    clearTimeout(timer);
  }

  private state(queue: string): QueueState {
    let state = this.queues.get(queue);
    if (!state) {
      state = { options: {}, ready: [], delayed: new Map(), active: new Map(), ids: new Set() };
      this.queues.set(queue, state);
    }
    return state;
  }

  private delay(queue: string, state: QueueState, job: PendingJob, ms: number): void {
    const timer = setTimeout(() => {
      state.delayed.delete(job.id);
      state.ready.push(job);
      this.dispatch(queue, state);
    }, ms);
    state.delayed.set(job.id, timer);
  }

  private dispatch(queue: string, state: QueueState): void {
    const limit = Math.max(1, state.options.concurrency ?? 1);
    while (
      this.started &&
      !this.closing &&
      state.handler &&
      state.ready.length > 0 &&
      state.active.size < limit
    ) {
      const job = state.ready.shift()!;
      const run = this.run(queue, state, state.handler, job).finally(() => {
        state.active.delete(job.id);
        this.dispatch(queue, state);
        this.notifyIfIdle();
      });
      state.active.set(job.id, run);
    }
  }

  private async run(
    queue: string,
    state: QueueState,
    handler: JobHandler<unknown>,
    job: PendingJob,
  ): Promise<void> {
    const view: Job = {
      id: job.id,
      queue,
      name: job.name,
      data: job.data,
      attempt: job.attempt,
      maxAttempts: job.maxAttempts,
    };
    try {
      // The macrotask hop keeps a synchronous handler from starving the event loop in a burst.
      await new Promise((resolve) => setImmediate(resolve));
      await handler(view);
      state.ids.delete(job.id);
    } catch (error) {
      if (job.attempt < job.maxAttempts && !this.closing) {
        this.delay(
          queue,
          state,
          { ...job, attempt: job.attempt + 1 },
          backoffDelay(job.backoffMs, job.attempt),
        );
        return;
      }
      state.ids.delete(job.id);
      await this.options.failedJobs
        .add({
          queue,
          name: job.name,
          data: job.data,
          error: errorMessage(error),
          attempts: job.attempt,
        })
        .catch((storeError: unknown) => this.options.onInternalError?.(storeError));
    }
  }

  private idle(): boolean {
    for (const state of this.queues.values()) {
      if (state.active.size > 0 || state.delayed.size > 0) return false;
      if (state.ready.length > 0 && state.handler && this.started) return false;
    }
    return true;
  }

  private notifyIfIdle(): void {
    if (!this.idle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const waiter of waiters) waiter();
  }

  private describePending(): string {
    return [...this.queues]
      .map(
        ([name, s]) =>
          `${name}: ${s.ready.length} waiting, ${s.active.size} active, ${s.delayed.size} delayed`,
      )
      .join('; ');
  }
}
