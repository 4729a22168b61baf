import { msUntilHour } from './churn-nightly.scheduler';

describe('nightly rescoring time', () => {
  it('waits until the hour today, or tomorrow once it has passed', () => {
    expect(msUntilHour(3, new Date('2026-01-01T01:30:00Z'))).toBe(90 * 60_000);
    expect(msUntilHour(3, new Date('2026-01-01T03:00:00Z'))).toBe(24 * 3_600_000);
    expect(msUntilHour(3, new Date('2026-01-01T23:00:00Z'))).toBe(4 * 3_600_000);
  });
});
