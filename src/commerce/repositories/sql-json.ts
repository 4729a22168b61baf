import { EntityManager } from 'typeorm';

/**
 * Bulk statements pass their rows as ONE jsonb parameter (`jsonb_to_recordset`,
 * `jsonb_array_elements_text`): a single round trip, no parameter-count limit, and it behaves the
 * same on PostgreSQL and PGlite (which serialise array parameters differently).
 */
export function asJson(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * Runs a statement whose rows we need. UPDATE/DELETE … RETURNING are wrapped in a CTE by callers
 * because TypeORM returns `[rows, count]` for those on `pg` but plain rows on PGlite.
 */
export async function queryRows<T>(
  manager: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  return (await manager.query(sql, params)) as T[];
}
