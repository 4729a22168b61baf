import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiExtraModels, getSchemaPath } from '@nestjs/swagger';
import { BULK_LIMIT } from './dto/bulk-request.dto';

/** Documents `{ items: Row[] }` with the real row schema (rows are validated by the service). */
export function ApiBulkBody(row: new () => object) {
  return applyDecorators(
    ApiExtraModels(row),
    ApiBody({
      schema: {
        type: 'object',
        required: ['items'],
        properties: {
          items: { type: 'array', maxItems: BULK_LIMIT, items: { $ref: getSchemaPath(row) } },
        },
      },
    }),
  );
}
