import { DomainError } from '../common/domain-error';

/** Wrong email or password: one message whether or not the email exists. */
export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('INVALID_CREDENTIALS', 'email or password is incorrect', 401);
  }
}

/** Too many attempts; `retryAfterSeconds` goes into the Retry-After header. */
export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', `too many attempts, retry in ${retryAfterSeconds} s`, 429);
  }
}

/** A shopper token that is forged, malformed, of the wrong kind or expired. */
export class VisitorTokenError extends DomainError {
  constructor(code: 'VISITOR_TOKEN_INVALID' | 'VISITOR_TOKEN_EXPIRED', message: string) {
    super(code, message, 401);
  }
}

/** The shop backend's signature of a customer id does not match. */
export class IdentityVerificationError extends DomainError {
  constructor() {
    super('IDENTITY_INVALID', 'customer identity signature is not valid', 401);
  }
}
