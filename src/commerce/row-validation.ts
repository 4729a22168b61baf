import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError as ClassValidationError } from 'class-validator';
import { BulkRowError } from './commerce.errors';

/** Flattens class-validator's nested errors into `path: message` strings. */
export function describeErrors(errors: ClassValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => (prefix ? `${path}: ${m}` : m));
    return [...own, ...describeErrors(e.children ?? [], path)];
  });
}

/**
 * Validates one bulk row with the same rules the global ValidationPipe applies to single
 * upserts (unknown fields rejected), so both paths accept exactly the same rows.
 */
export function validateRow<T extends object>(cls: new () => T, row: unknown, index: number): T {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) {
    throw new BulkRowError(index, 'VALIDATION_FAILED', 'must be a JSON object');
  }
  const instance = plainToInstance(cls, row);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const messages = describeErrors(errors);
    throw new BulkRowError(index, 'VALIDATION_FAILED', messages.join('; '), { errors: messages });
  }
  return instance;
}
