import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { MetricsService } from '../metrics/metrics.service';
import { MemoryFailedJobStore } from './failed-job-store';
import { InlineQueueDriver } from './inline-queue-driver';
import { Job, QUEUE_DRIVER } from './queue-driver';
import { QueueExplorer } from './queue-explorer';
import { JobProcessor, QueueProcessor } from './queue-processor.decorator';

@Injectable()
class Greeter {
  greet(name: string): string {
    return `hello ${name}`;
  }
}

/** A processor as a feature module would declare it: injectable, with its own dependencies. */
@QueueProcessor('greetings', { concurrency: 2, retry: { attempts: 2, backoffMs: 1 } })
@Injectable()
class GreetingProcessor implements JobProcessor<{ name: string; fail?: boolean }> {
  readonly greeted: string[] = [];
  constructor(private readonly greeter: Greeter) {}

  handle(job: Job<{ name: string; fail?: boolean }>): Promise<void> {
    if (job.data.fail) return Promise.reject(new Error(`cannot greet ${job.data.name}`));
    this.greeted.push(this.greeter.greet(job.data.name));
    return Promise.resolve();
  }
}

@QueueProcessor('greetings')
@Injectable()
class SecondGreetingProcessor {
  handle(): Promise<void> {
    return Promise.resolve();
  }
}

async function boot(providers: unknown[]) {
  const driver = new InlineQueueDriver({ failedJobs: new MemoryFailedJobStore() });
  const moduleRef = await Test.createTestingModule({
    imports: [DiscoveryModule],
    providers: [
      ...(providers as never[]),
      Greeter,
      MetricsService,
      QueueExplorer,
      { provide: QUEUE_DRIVER, useValue: driver },
    ],
  }).compile();
  return { moduleRef, driver, explorer: moduleRef.get(QueueExplorer) };
}

describe('QueueExplorer', () => {
  it('finds @QueueProcessor providers, runs their handle() and counts the outcomes', async () => {
    const { moduleRef, driver, explorer } = await boot([GreetingProcessor]);
    expect(explorer.registerProcessors()).toEqual(['greetings']);
    await driver.start();
    await driver.enqueue('greetings', 'greet', { name: 'Mei' });
    await driver.enqueue('greetings', 'greet', { name: 'Bob', fail: true });
    await driver.drain(5000);

    expect(moduleRef.get(GreetingProcessor).greeted).toEqual(['hello Mei']);
    const failed = await driver.listFailed('greetings');
    expect(failed.map((f) => [f.error, f.attempts])).toEqual([['cannot greet Bob', 2]]);
    const metrics = await moduleRef.get(MetricsService).registry.metrics();
    expect(metrics).toContain('queue_jobs_completed_total{queue="greetings"} 1');
    expect(metrics).toContain('queue_jobs_retried_total{queue="greetings"} 1');
    expect(metrics).toContain('queue_jobs_failed_total{queue="greetings"} 1');
    expect(metrics).toContain(
      'queue_job_duration_seconds_count{queue="greetings",outcome="completed"} 1',
    );
    await driver.close();
  });

  it('refuses two processors for one queue', async () => {
    const { explorer, driver } = await boot([GreetingProcessor, SecondGreetingProcessor]);
    expect(() => explorer.registerProcessors()).toThrow(
      'queue greetings has more than one @QueueProcessor',
    );
    await driver.close();
  });
});
