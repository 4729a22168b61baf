import { ValueTransformer } from 'typeorm';

/**
 * A Postgres `date` as `YYYY-MM-DD`. Drivers disagree on how to hand it back: node-postgres and
 * in-process PGlite parse it into a JS Date (local or UTC midnight), the PGlite worker passes the
 * string through. Unconverted, a Date reached shoppers as "Expected delivery: Sun Dec 06 2026
 * 00:00:00 GMT+0000 (Coordinated Universal Time)".
 */
export const dateOnlyTransformer: ValueTransformer = {
  to: (value: string | null | undefined) => value,
  from: (value: Date | string | null) => (value === null ? null : toDateOnly(value)),
};

export function toDateOnly(value: Date | string): string {
  if (typeof value === 'string') return value.slice(0, 10);
  // Midnight UTC (PGlite) reads in UTC; a local midnight (node-postgres) reads in local time.
  const utc = value.getUTCHours() === 0 && value.getUTCMinutes() === 0;
  const [y, m, d] = utc
    ? [value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()]
    : [value.getFullYear(), value.getMonth(), value.getDate()];
  return `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
