import { DomainError } from '../common/domain-error';

/** An event of a batch failed validation; `details.index` names the row (whole batch refused). */
export class EventRejectedError extends DomainError {
  constructor(index: number, code: string, message: string) {
    super(code, `events[${index}]: ${message}`, 400, { index });
  }
}

/** More events in one request than the documented limit. */
export class EventBatchTooLargeError extends DomainError {
  constructor(limit: number, got: number) {
    super('EVENT_BATCH_TOO_LARGE', `at most ${limit} events per request, got ${got}`, 413, {
      limit,
    });
  }
}
