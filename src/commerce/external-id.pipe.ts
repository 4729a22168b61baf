import { Injectable, PipeTransform } from '@nestjs/common';
import { ValidationError } from '../common/domain-error';

/** External ids in the path: 1–200 characters (the same rule as `externalId` in bulk rows). */
@Injectable()
export class ExternalIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (value.length === 0 || value.length > 200)
      throw new ValidationError('externalId must be 1 to 200 characters');
    return value;
  }
}
