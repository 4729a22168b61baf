import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../common/domain-error';
import { Job } from '../../queue/queue-driver';
import { QueueProcessor } from '../../queue/queue-processor.decorator';
import { CHURN_SCORE_QUEUE } from '../../signals/profile-change-hook';
import { ChurnScoringService } from './churn-scoring.service';

/** Job name of the nightly full rescoring on the `churn-score` queue. */
export const RESCORE_ALL_JOB = 'rescore-all';

/**
 * Consumes the debounced `churn-score` jobs the signals hook enqueues after profile changes, and
 * the nightly `rescore-all`. Without a model jobs complete unscored, so the queue never fills up.
 */
@Injectable()
@QueueProcessor(CHURN_SCORE_QUEUE, { concurrency: 2, retry: { attempts: 3, backoffMs: 500 } })
export class ChurnScoreProcessor {
  constructor(private readonly scoring: ChurnScoringService) {}

  async handle(job: Job<{ customerId?: string }>): Promise<void> {
    if (job.name === RESCORE_ALL_JOB) {
      await this.scoring.rescoreAll();
      return;
    }
    if (!job.data.customerId) return;
    try {
      await this.scoring.scoreCustomer(job.data.customerId);
    } catch (error) {
      // A customer deleted since the change has nothing left to score; retrying cannot help.
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
}
