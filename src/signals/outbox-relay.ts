import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { isEmbeddedDatabase } from '../database/data-source.factory';
import { QUEUE_DRIVER, QueueDriver } from '../queue/queue-driver';

export const SIGNALS_QUEUE = 'signals';
/** Events per queued job: one job is one processor transaction. */
export const EVENTS_PER_JOB = 100;
/** Longest a publish may take before the relay gives up and rolls back (Redis down). */
const PUBLISH_TIMEOUT_MS = 5000;
const MAX_BACKOFF_MS = 5000;

export interface RelayJob {
  ids: string[];
}

/**
 * Moves committed, unpublished events from the outbox (`behaviour_events.published_at IS NULL`)
 * to the `signals` queue in `seq` order, and marks them published (on PostgreSQL in the same
 * transaction, rows claimed with FOR UPDATE SKIP LOCKED, so several instances relay side by
 * side). When the queue is unreachable nothing is marked, the events stay unpublished and the relay
 * retries with exponential backoff; a publish that later reaches Redis anyway is harmless because
 * processors skip events they already applied.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('signals');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(QUEUE_DRIVER) private readonly queue: QueueDriver,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.SIGNALS_RELAY !== 'true') return;
    this.stopped = false;
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Asks for a relay pass soon (after a write), without waiting for the interval. */
  poke(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** Publishes everything unpublished right now (tests, CLI); returns how many events. */
  async flush(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.relayOnce();
      total += n;
      if (n < this.config.SIGNALS_RELAY_BATCH) return total;
    }
  }

  /** Claims up to a batch of unpublished events, publishes them and marks them published. */
  relayOnce(): Promise<number> {
    // PGlite is one session: a transaction would hold it, and every shopper's message queued
    // behind it, for as long as the publish takes. There is one relay there, so claiming needs no
    // lock; a failure between publishing and marking only publishes those events again, which
    // the processors skip (they record what they applied).
    if (isEmbeddedDatabase(this.dataSource)) return this.relayBatch(this.dataSource.manager, '');
    // On PostgreSQL, SKIP LOCKED lets several instances relay side by side without overlapping.
    return this.dataSource.transaction((manager) =>
      this.relayBatch(manager, ' FOR UPDATE SKIP LOCKED'),
    );
  }

  private async relayBatch(manager: EntityManager, lock: string): Promise<number> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM behaviour_events WHERE published_at IS NULL ORDER BY seq LIMIT $1${lock}`,
      [this.config.SIGNALS_RELAY_BATCH],
    );
    if (rows.length === 0) return 0;
    const ids = rows.map((r) => r.id);
    const jobs = [];
    for (let i = 0; i < ids.length; i += EVENTS_PER_JOB)
      jobs.push({ name: 'events', data: { ids: ids.slice(i, i + EVENTS_PER_JOB) } as RelayJob });
    await withTimeout(this.queue.enqueueMany(SIGNALS_QUEUE, jobs), PUBLISH_TIMEOUT_MS);
    await manager.query(
      `UPDATE behaviour_events SET published_at = now() WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return ids.length;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delayMs);
    this.timer.unref?.();
  }

  private async run(): Promise<void> {
    if (this.running || this.stopped) return;
    let next = this.config.SIGNALS_RELAY_INTERVAL_MS;
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.flush();
        } while (this.again && !this.stopped);
        if (this.failures > 0) this.logger.log('outbox relay caught up after queue failures');
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        next = Math.min(MAX_BACKOFF_MS, this.config.SIGNALS_RELAY_INTERVAL_MS * 2 ** this.failures);
        if (this.failures === 1 || this.failures % 20 === 0)
          this.logger.warn(`outbox relay: ${(error as Error).message}; retrying in ${next} ms`);
      }
    })();
    await this.running;
    this.running = null;
    if (!this.stopped) this.schedule(this.again ? 0 : next);
  }
}

class PublishTimeoutError extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(
        () => reject(new PublishTimeoutError(`queue did not accept events within ${ms} ms`)),
        ms,
      );
    }),
  ]);
}
