import { compare, hash } from 'bcryptjs';
import { ValidationError } from '../common/domain-error';

/** bcrypt work factor: ~50–100 ms per hash on one core, the usual interactive-login budget. */
const COST = 10;
export const PASSWORD_MIN_LENGTH = 8;
/** bcrypt ignores everything after 72 bytes; refusing longer passwords avoids a silent cut. */
export const PASSWORD_MAX_BYTES = 72;

export function checkPasswordPolicy(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH)
    throw new ValidationError(`password must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES)
    throw new ValidationError(`password must be at most ${PASSWORD_MAX_BYTES} bytes (UTF-8)`);
}

export async function hashPassword(password: string): Promise<string> {
  checkPasswordPolicy(password);
  return hash(password, COST);
}

let dummyHash: Promise<string> | undefined;

/**
 * Compares against the stored hash, or against a throw-away hash when there is no user, so an
 * unknown email costs the same time as a wrong password.
 */
export async function verifyPassword(password: string, storedHash?: string): Promise<boolean> {
  dummyHash ??= hash('not-a-real-password', COST);
  const target = storedHash ?? (await dummyHash);
  const matches = await compare(password, target);
  return matches && storedHash !== undefined;
}
