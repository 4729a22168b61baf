import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { QUEUE_DRIVER, QueueDriver } from '../queue/queue-driver';

/** The queue rescoring a customer's churn risk; its processor belongs to churn scoring. */
export const CHURN_SCORE_QUEUE = 'churn-score';

/**
 * Tells downstream consumers that customer profiles changed: one `churn-score` job per customer
 * and debounce window (job id `churn-<customer>-<window>`, delayed to the window's end), so a
 * burst of events costs one rescoring that already sees all of them.
 */
@Injectable()
export class ProfileChangeHook {
  private readonly logger = new Logger('signals');

  constructor(
    @Inject(QUEUE_DRIVER) private readonly queue: QueueDriver,
    private readonly config: AppConfig,
  ) {}

  async profilesChanged(customerIds: string[], now = Date.now()): Promise<void> {
    if (customerIds.length === 0) return;
    const window = this.config.SIGNALS_CHURN_DEBOUNCE_MS;
    const bucket = window > 0 ? Math.floor(now / window) : now;
    const delayMs = window > 0 ? (bucket + 1) * window - now : 0;
    try {
      await this.queue.enqueueMany(
        CHURN_SCORE_QUEUE,
        customerIds.map((customerId) => ({
          name: 'score',
          data: { customerId },
          options: window > 0 ? { jobId: `churn-${customerId}-${bucket}`, delayMs } : {},
        })),
      );
    } catch (error) {
      // The profile is committed; a missed rescoring is caught by the nightly full rescoring.
      this.logger.warn(`could not enqueue churn rescoring: ${(error as Error).message}`);
    }
  }
}
