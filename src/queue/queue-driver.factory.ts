import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { BullmqQueueDriver } from './bullmq-queue-driver';
import { FailedJob } from './entities/failed-job.entity';
import { TypeormFailedJobStore } from './failed-job-store';
import { InlineQueueDriver } from './inline-queue-driver';
import { QueueDriver } from './queue-driver';

/** BullMQ when REDIS_URL is set, the in-process driver otherwise. */
export function createQueueDriver(config: AppConfig, dataSource: DataSource): QueueDriver {
  const logger = new Logger('queue');
  if (config.REDIS_URL) {
    return new BullmqQueueDriver({
      url: config.REDIS_URL,
      prefix: config.QUEUE_PREFIX,
      runProcessors: config.RUN_PROCESSORS === 'true',
      stallTimeoutMs: config.QUEUE_STALL_TIMEOUT_MS,
      shutdownTimeoutMs: config.QUEUE_SHUTDOWN_TIMEOUT_MS,
      onWorkerError: (queue, error) => logger.error(`worker of ${queue}: ${error.message}`),
    });
  }
  if (config.RUN_PROCESSORS !== 'true')
    logger.warn('RUN_PROCESSORS=false without REDIS_URL: in-process jobs will never run');
  return new InlineQueueDriver({
    failedJobs: new TypeormFailedJobStore(dataSource.getRepository(FailedJob)),
    shutdownTimeoutMs: config.QUEUE_SHUTDOWN_TIMEOUT_MS,
    onInternalError: (error) =>
      logger.error(`could not record a failed job: ${(error as Error).message}`),
  });
}
