import { Inject, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { MetricsService } from '../metrics/metrics.service';
import { JobHandler, QUEUE_DRIVER, QueueDriver } from './queue-driver';
import { errorMessage } from './queue.errors';
import { JobProcessor, queueProcessorDiscovery } from './queue-processor.decorator';

/**
 * Finds every `@QueueProcessor` provider and registers its `handle` with the driver, wrapped so
 * each run is counted and timed the same way whichever driver runs it.
 */
@Injectable()
export class QueueExplorer {
  private readonly logger = new Logger('queue');
  private readonly completed;
  private readonly failed;
  private readonly retried;
  private readonly duration;

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(QUEUE_DRIVER) private readonly driver: QueueDriver,
    metrics: MetricsService,
  ) {
    this.completed = metrics.counter(
      'queue_jobs_completed_total',
      'Jobs that completed, per queue',
      ['queue'],
    );
    this.failed = metrics.counter(
      'queue_jobs_failed_total',
      'Jobs that failed their last allowed attempt, per queue',
      ['queue'],
    );
    this.retried = metrics.counter(
      'queue_jobs_retried_total',
      'Job runs that failed and will be retried, per queue',
      ['queue'],
    );
    this.duration = metrics.histogram(
      'queue_job_duration_seconds',
      'Duration of one job run, per queue and outcome',
      ['queue', 'outcome'],
      [0.001, 0.005, 0.025, 0.1, 0.5, 1, 5, 30],
    );
  }

  /** Registers every discovered processor; returns the queues found. */
  registerProcessors(): string[] {
    const queues: string[] = [];
    const wrappers = this.discovery.getProviders({ metadataKey: queueProcessorDiscovery.KEY });
    for (const wrapper of wrappers) {
      const meta = this.discovery.getMetadataByDecorator(queueProcessorDiscovery, wrapper);
      const instance = wrapper.instance as Partial<JobProcessor> | undefined;
      if (!meta || !instance) continue;
      if (typeof instance.handle !== 'function')
        throw new Error(
          `@QueueProcessor('${meta.queue}') ${wrapper.name} has no handle(job) method`,
        );
      if (queues.includes(meta.queue))
        throw new Error(`queue ${meta.queue} has more than one @QueueProcessor`);
      const { queue, ...options } = meta;
      this.driver.process(queue, this.instrument(queue, instance.handle.bind(instance)), options);
      queues.push(queue);
    }
    return queues;
  }

  private instrument(queue: string, handle: JobHandler): JobHandler {
    return async (job) => {
      const stop = this.duration.startTimer({ queue });
      try {
        await handle(job);
        stop({ outcome: 'completed' });
        this.completed.inc({ queue });
      } catch (error) {
        const last = job.attempt >= job.maxAttempts;
        stop({ outcome: last ? 'failed' : 'retried' });
        (last ? this.failed : this.retried).inc({ queue });
        // Job data may carry customer text: log ids and the error only.
        this.logger[last ? 'warn' : 'debug'](
          `job ${job.name} ${job.id} on ${queue} failed attempt ${job.attempt}/${job.maxAttempts}: ${errorMessage(error)}`,
        );
        throw error;
      }
    };
  }
}
