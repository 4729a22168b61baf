import {
  Global,
  Inject,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { HealthRegistry } from '../health/health-registry';
import { QUEUE_DRIVER, QueueDriver } from './queue-driver';
import { createQueueDriver } from './queue-driver.factory';
import { QueueExplorer } from './queue-explorer';
import { QueueController } from './queue.controller';

/**
 * Provides `QUEUE_DRIVER` everywhere. Processors are registered at init (so producers in any
 * process know each queue's retry policy) and start consuming once the app has bootstrapped,
 * only where RUN_PROCESSORS=true. On shutdown (SIGTERM) the driver stops taking jobs and lets
 * running ones finish before the database closes.
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  controllers: [QueueController],
  providers: [
    {
      provide: QUEUE_DRIVER,
      inject: [AppConfig, DataSource],
      useFactory: createQueueDriver,
    },
    QueueExplorer,
  ],
  exports: [QUEUE_DRIVER],
})
export class QueueModule implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('queue');

  constructor(
    @Inject(QUEUE_DRIVER) private readonly driver: QueueDriver,
    private readonly explorer: QueueExplorer,
    private readonly health: HealthRegistry,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.health.register('queue', 'queue', () => this.driver.health());
    const queues = this.explorer.registerProcessors();
    if (queues.length > 0)
      this.logger.log(`${this.driver.kind} queues with processors: ${queues.join(', ')}`);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.RUN_PROCESSORS === 'true') await this.driver.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.driver.close();
  }
}
