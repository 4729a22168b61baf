/**
 * A failure the caller can act on: a stable machine `code`, a user-facing `message`, and the
 * HTTP status it maps to. The exception filter turns it into `{ error: { code, message } }` over
 * HTTP and into an error ack over socket.io. Never carries stack traces or secrets to clients.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id?: string) {
    super('NOT_FOUND', id ? `${what} ${id} not found` : `${what} not found`, 404);
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('VALIDATION_FAILED', message, 400, details);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, 409);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = 'authentication required') {
    super('UNAUTHORIZED', message, 401);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'your role does not allow this') {
    super('FORBIDDEN', message, 403);
  }
}

/** Shape of every error response body. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}
