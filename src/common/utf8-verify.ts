import { DomainError } from './domain-error';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** body-parser `verify` hook: reject bodies that are not valid UTF-8 instead of silently mangling them. */
export function verifyUtf8(_req: unknown, _res: unknown, buf: Buffer): void {
  try {
    decoder.decode(buf);
  } catch {
    throw new DomainError('INVALID_UTF8', 'request body is not valid UTF-8', 400);
  }
}
