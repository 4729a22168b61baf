export type ChurnErrorCode =
  'CHURN_CSV' | 'CHURN_SCHEMA' | 'CHURN_DATA' | 'CHURN_MODEL' | 'CHURN_TRAINING';

/** A churn failure a user can act on: the code says which kind, the message says where. */
export class ChurnError extends Error {
  constructor(
    readonly code: ChurnErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ChurnError';
  }
}
