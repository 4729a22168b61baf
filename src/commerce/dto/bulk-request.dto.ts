import { ApiProperty } from '@nestjs/swagger';
import { IsArray } from 'class-validator';

/** Most rows one bulk request may carry (documented in the API); more → 413 BULK_TOO_LARGE. */
export const BULK_LIMIT = 1000;

/**
 * `{ items: [...] }`. Rows are validated one by one by the service (not by the global pipe) so
 * that an error names the failing row's index.
 */
export class BulkRequestDto {
  @ApiProperty({
    description: `Up to ${BULK_LIMIT} rows, written all-or-nothing in one transaction.`,
    type: 'array',
    items: { type: 'object' },
    maxItems: BULK_LIMIT,
  })
  @IsArray()
  items: unknown[];
}

export interface BulkResult {
  /** Rows that did not exist before. */
  created: number;
  /** Rows that existed and were replaced. */
  updated: number;
}
