import { DomainError } from '../common/domain-error';

/** Machine-readable reasons the retrieval layer refuses something; the message is user-facing. */
export type RetrievalErrorCode =
  | 'INDEX_NOT_FOUND'
  | 'INDEX_STALE'
  | 'INDEX_CORRUPT'
  | 'VECTOR_DIMENSION'
  | 'VECTOR_INVALID'
  | 'TEMPLATE_INVALID'
  | 'FAQ_CSV_INVALID';

/** Staff input errors are the client's to fix (400); index and vector errors are ours (500). */
const STATUS: Record<RetrievalErrorCode, number> = {
  INDEX_NOT_FOUND: 500,
  INDEX_STALE: 500,
  INDEX_CORRUPT: 500,
  VECTOR_DIMENSION: 500,
  VECTOR_INVALID: 500,
  TEMPLATE_INVALID: 400,
  FAQ_CSV_INVALID: 400,
};

/**
 * A domain error of the retrieval feature. `details` carries structured context (the offending
 * slots, the CSV line) so the error filter can return it without parsing the message.
 */
export class RetrievalError extends DomainError {
  declare readonly code: RetrievalErrorCode;

  constructor(code: RetrievalErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, STATUS[code], details);
    this.name = 'RetrievalError';
  }
}
