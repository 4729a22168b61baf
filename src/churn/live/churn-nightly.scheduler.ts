import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { QUEUE_DRIVER, QueueDriver } from '../../queue/queue-driver';
import { CHURN_SCORE_QUEUE } from '../../signals/profile-change-hook';
import { RESCORE_ALL_JOB } from './churn-score.processor';

const DAY = 86_400_000;

/** Milliseconds from `now` to the next `hour`:00 UTC (tomorrow when it has passed today). */
export function msUntilHour(hour: number, now: Date): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour);
  return next > now.getTime() ? next - now.getTime() : next + DAY - now.getTime();
}

/**
 * Enqueues the nightly full rescoring at `CHURN_NIGHTLY_HOUR` UTC. Every API process runs this
 * timer; the job id carries the date, so several processes still produce one rescoring a night.
 */
@Injectable()
export class ChurnNightlyScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('churn');
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(QUEUE_DRIVER) private readonly queue: QueueDriver,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.CHURN_NIGHTLY_HOUR >= 0) this.schedule();
  }

  onModuleDestroy(): void {
    clearTimeout(this.timer);
  }

  /** Enqueues tonight's rescoring (idempotent per UTC date). */
  async enqueueRescoring(now = new Date()): Promise<void> {
    const date = now.toISOString().slice(0, 10);
    await this.queue.enqueue(
      CHURN_SCORE_QUEUE,
      RESCORE_ALL_JOB,
      {},
      {
        jobId: `churn-nightly-${date}`,
      },
    );
  }

  private schedule(): void {
    this.timer = setTimeout(
      () => {
        this.enqueueRescoring().catch((error: Error) =>
          this.logger.warn(`could not enqueue the nightly churn rescoring: ${error.message}`),
        );
        this.schedule();
      },
      msUntilHour(this.config.CHURN_NIGHTLY_HOUR, new Date()),
    );
    this.timer.unref?.();
  }
}
