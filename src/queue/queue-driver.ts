/** A unit of derived work. Payloads are JSON; the database stays the source of truth. */
export interface Job<T = unknown> {
  id: string;
  queue: string;
  name: string;
  data: T;
  /** 1 on the first run. */
  attempt: number;
  /** Runs allowed in total; `attempt === maxAttempts` is the last try. */
  maxAttempts: number;
}

export type JobHandler<T = unknown> = (job: Job<T>) => Promise<void>;

export interface RetryPolicy {
  /** Total runs including the first (default 5). */
  attempts: number;
  /** Exponential backoff base in ms (default 500): delay = base * 2^(attempt-1). */
  backoffMs: number;
}

export interface EnqueueOptions {
  /** Deduplication key: a second job with the same id is ignored while the first exists. */
  jobId?: string;
  delayMs?: number;
  retry?: Partial<RetryPolicy>;
}

export interface BulkJob<T = unknown> {
  name: string;
  data: T;
  options?: EnqueueOptions;
}

export interface FailedJobInfo {
  id: string;
  queue: string;
  name: string;
  data: unknown;
  error: string;
  attempts: number;
  failedAt: Date;
}

/**
 * The one interface processors and producers see. `InlineQueueDriver` runs jobs in this process
 * (embedded default, tests); `BullmqQueueDriver` runs them on Redis so `npm run worker`
 * processes can scale out. Processors never know which one runs them.
 */
export interface ProcessOptions {
  /** Jobs of this queue run at the same time in this process (default 1). */
  concurrency?: number;
  /** Default retry policy of the queue's jobs; a job's own `EnqueueOptions.retry` wins. */
  retry?: Partial<RetryPolicy>;
}

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export interface QueueDriver {
  readonly kind: 'inline' | 'bullmq';
  enqueue<T>(queue: string, name: string, data: T, options?: EnqueueOptions): Promise<string>;
  /** Several jobs in one round trip (an outbox relay publishing a batch); ids in input order. */
  enqueueMany<T>(queue: string, jobs: BulkJob<T>[]): Promise<string[]>;
  /** Registers the handler of a queue; call `start()` to begin consuming. */
  process<T>(queue: string, handler: JobHandler<T>, options?: ProcessOptions): void;
  /** Begins consuming every registered queue (only where processors run in this process). */
  start(): Promise<void>;
  /** Queues registered or enqueued to in this process, sorted. */
  queueNames(): string[];
  listFailed(queue: string, limit?: number): Promise<FailedJobInfo[]>;
  retryFailed(queue: string, jobId: string): Promise<void>;
  /** Jobs waiting or running, per queue (metrics, tests). */
  counts(queue: string): Promise<QueueCounts>;
  /** Resolves when every queue is empty and idle (tests and CLI). */
  drain(timeoutMs?: number): Promise<void>;
  health(): Promise<{ ok: boolean; detail?: string }>;
  /** Stops taking jobs, lets in-flight ones finish (or hands them back), closes connections. */
  close(): Promise<void>;
}

export const QUEUE_DRIVER = Symbol('QUEUE_DRIVER');
