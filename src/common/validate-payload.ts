import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError as ClassValidationError } from 'class-validator';
import { ValidationError } from './domain-error';

/** Validates a socket.io payload like the HTTP ValidationPipe does (whitelist, no unknown fields). */
export function validatePayload<T extends object>(type: new () => T, payload: unknown): T {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new ValidationError('payload must be an object');
  }
  const instance = plainToInstance(type, payload);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const messages = flatten(errors);
    throw new ValidationError(messages.join('; '), messages);
  }
  return instance;
}

function flatten(errors: ClassValidationError[]): string[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}),
    ...flatten(e.children ?? []),
  ]);
}
