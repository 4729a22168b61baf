import { DomainError } from '../common/domain-error';

export class QueueClosedError extends DomainError {
  constructor(queue: string) {
    super('QUEUE_CLOSED', `queue ${queue} is shutting down and takes no new jobs`, 503);
  }
}

export class FailedJobNotFoundError extends DomainError {
  constructor(queue: string, id: string) {
    super('FAILED_JOB_NOT_FOUND', `no failed job ${id} in queue ${queue}`, 404);
  }
}

export class QueueDrainTimeoutError extends DomainError {
  constructor(ms: number, pending: string) {
    super('QUEUE_DRAIN_TIMEOUT', `queues not drained after ${ms} ms (${pending})`, 500);
  }
}

/** Message kept for a failed job: the error's message, never its stack (it may reach the admin API). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
}

export class QueueUnavailableError extends DomainError {
  constructor(queue: string, ms: number) {
    super(
      'QUEUE_UNAVAILABLE',
      `queue ${queue} did not accept the job within ${ms} ms (Redis down?)`,
      503,
    );
  }
}
