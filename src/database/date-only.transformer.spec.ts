import { toDateOnly } from './date-only.transformer';

describe('toDateOnly', () => {
  it('gives a Postgres date as YYYY-MM-DD whichever way the driver parsed it', () => {
    expect(toDateOnly('2026-12-06')).toBe('2026-12-06');
    // In-process PGlite: midnight UTC.
    expect(toDateOnly(new Date(Date.UTC(2026, 11, 6)))).toBe('2026-12-06');
    // node-postgres: midnight local time.
    expect(toDateOnly(new Date(2026, 11, 6))).toBe('2026-12-06');
  });
});
