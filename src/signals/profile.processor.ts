import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Job } from '../queue/queue-driver';
import { QueueProcessor } from '../queue/queue-processor.decorator';
import { RelayJob, SIGNALS_QUEUE } from './outbox-relay';
import { ProfileChangeHook } from './profile-change-hook';
import { applyProfileEvents, loadProfileEvents } from './profile-store';

/**
 * Applies relayed events to customer profiles. Delivery is at least once (relay retries, BullMQ
 * stalled jobs after a crash); the `processed_events` marks written in the same transaction make
 * the result exactly once.
 */
@Injectable()
@QueueProcessor(SIGNALS_QUEUE, { concurrency: 4, retry: { attempts: 10, backoffMs: 200 } })
export class ProfileProcessor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hook: ProfileChangeHook,
  ) {}

  async handle(job: Job<RelayJob>): Promise<void> {
    // Events never change once written, so they are read before the transaction; a job of only
    // anonymous visitors' events (most chat traffic) then needs no transaction at all.
    const events = await loadProfileEvents(this.dataSource.manager, job.data.ids);
    if (events.length === 0) return;
    const changed = await this.dataSource.transaction((manager) =>
      applyProfileEvents(manager, events, new Date()),
    );
    await this.hook.profilesChanged(changed);
  }
}
