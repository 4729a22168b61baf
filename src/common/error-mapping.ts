import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, ErrorBody } from './domain-error';

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
};

/** Body-parser errors carry `type`; map the ones a client can cause to clear messages. */
function bodyParserError(error: {
  type?: string;
  status?: number;
}): { status: number; body: ErrorBody } | undefined {
  switch (error.type) {
    case 'entity.too.large':
      return {
        status: 413,
        body: { error: { code: 'PAYLOAD_TOO_LARGE', message: 'request body is too large' } },
      };
    case 'entity.parse.failed':
      return {
        status: 400,
        body: { error: { code: 'MALFORMED_JSON', message: 'request body is not valid JSON' } },
      };
    case 'entity.verify.failed':
      return {
        status: 400,
        body: { error: { code: 'INVALID_UTF8', message: 'request body is not valid UTF-8' } },
      };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return {
        status: 415,
        body: { error: { code: 'UNSUPPORTED_ENCODING', message: 'request body must be UTF-8' } },
      };
    default:
      return undefined;
  }
}

/** Maps any thrown value to a status and a client-safe body. Unknown errors become a bare 500. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof DomainError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details !== undefined) body.error.details = error.details;
    return { status: error.status, body };
  }
  if (error instanceof HttpException) {
    // Express/body-parser failures arrive wrapped by Nest; their `type` says what went wrong.
    const fromParser =
      error.cause && typeof error.cause === 'object' ? bodyParserError(error.cause) : undefined;
    if (fromParser) return fromParser;
    const status = error.getStatus();
    const response = error.getResponse() as string | { message?: string | string[]; code?: string };
    const raw = typeof response === 'string' ? response : response.message;
    const messages = Array.isArray(raw) ? raw : [raw ?? error.message];
    const code =
      (typeof response === 'object' && response.code) ||
      (status === 400 && Array.isArray(raw)
        ? 'VALIDATION_FAILED'
        : (HTTP_CODES[status] ?? 'ERROR'));
    const body: ErrorBody = { error: { code, message: messages.join('; ') } };
    if (Array.isArray(raw) && raw.length > 1) body.error.details = raw;
    return { status, body };
  }
  const parsed =
    error && typeof error === 'object' ? bodyParserError(error as { type?: string }) : undefined;
  if (parsed) return parsed;
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: { error: { code: 'INTERNAL', message: 'internal error' } },
  };
}
