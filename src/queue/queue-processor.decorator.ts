import { DiscoveryService } from '@nestjs/core';
import { Job, ProcessOptions } from './queue-driver';

/** A provider that handles the jobs of one queue. */
export interface JobProcessor<T = unknown> {
  handle(job: Job<T>): Promise<void>;
}

export interface QueueProcessorMetadata extends ProcessOptions {
  queue: string;
}

/** The discoverable decorator behind `@QueueProcessor` (the explorer looks providers up by it). */
export const queueProcessorDiscovery = DiscoveryService.createDecorator<QueueProcessorMetadata>();

/**
 * Declares an injectable as the processor of `queue`; the QueueModule finds it at start, so a
 * feature module only lists the class among its providers:
 * `@QueueProcessor('signals', { concurrency: 4, retry: { attempts: 5 } })`.
 */
export function QueueProcessor(queue: string, options: ProcessOptions = {}): ClassDecorator {
  return queueProcessorDiscovery({ queue, ...options });
}
