/** Machine-readable reasons the retrieval layer refuses something; the message is user-facing. */
export type RetrievalErrorCode =
  | 'INDEX_NOT_FOUND'
  | 'INDEX_STALE'
  | 'INDEX_CORRUPT'
  | 'VECTOR_DIMENSION'
  | 'VECTOR_INVALID'
  | 'TEMPLATE_INVALID'
  | 'FAQ_CSV_INVALID';

/**
 * A domain error of the retrieval feature. `details` carries structured context (the offending
 * slots, the CSV line) so an HTTP filter can return it without parsing the message.
 */
export class RetrievalError extends Error {
  constructor(
    readonly code: RetrievalErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RetrievalError';
  }
}
