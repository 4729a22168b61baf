import { LifecycleInput, lifecycleStage } from './lifecycle';

const now = new Date('2026-06-01T12:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
const base: LifecycleInput = {
  firstSeenAt: ago(400),
  lastSeenAt: ago(1),
  firstOrderAt: ago(400),
  lastOrderAt: ago(10),
  prevOrderAt: ago(40),
  ordersLast90Days: 2,
  ordersPrev90Days: 2,
};

describe('lifecycleStage', () => {
  it('calls a steady customer active', () => {
    expect(lifecycleStage(base, now)).toBe('active');
  });

  it('calls a first order this month new, and a first visit without orders new', () => {
    expect(
      lifecycleStage(
        { ...base, firstOrderAt: ago(5), lastOrderAt: ago(5), prevOrderAt: null },
        now,
      ),
    ).toBe('new');
    expect(
      lifecycleStage(
        { ...base, firstSeenAt: ago(3), firstOrderAt: null, lastOrderAt: null, prevOrderAt: null },
        now,
      ),
    ).toBe('new');
  });

  it('moves from at risk to churned as the last order ages', () => {
    expect(lifecycleStage({ ...base, lastOrderAt: ago(60), prevOrderAt: ago(80) }, now)).toBe(
      'at_risk',
    );
    expect(lifecycleStage({ ...base, lastOrderAt: ago(120), prevOrderAt: ago(150) }, now)).toBe(
      'churned',
    );
  });

  it('flags a sharp drop in orders as at risk even after a recent order', () => {
    expect(lifecycleStage({ ...base, ordersLast90Days: 1, ordersPrev90Days: 4 }, now)).toBe(
      'at_risk',
    );
  });

  it('calls more orders than the previous quarter growing', () => {
    expect(lifecycleStage({ ...base, ordersLast90Days: 5, ordersPrev90Days: 2 }, now)).toBe(
      'growing',
    );
  });

  it('calls an order after a gap of more than 90 days reactivated', () => {
    expect(
      lifecycleStage(
        {
          ...base,
          lastOrderAt: ago(3),
          prevOrderAt: ago(200),
          ordersLast90Days: 1,
          ordersPrev90Days: 0,
        },
        now,
      ),
    ).toBe('reactivated');
  });

  it('churns visitors who never ordered and went quiet', () => {
    expect(
      lifecycleStage(
        { ...base, lastSeenAt: ago(100), firstOrderAt: null, lastOrderAt: null, prevOrderAt: null },
        now,
      ),
    ).toBe('churned');
  });
});
