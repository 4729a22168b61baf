/** Lifecycle stages, documented with their rule in docs/lifecycle.md. */
export const LIFECYCLE_STAGES = [
  'new',
  'active',
  'growing',
  'at_risk',
  'churned',
  'reactivated',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

const DAY = 86_400_000;
/** No order (or, for customers who never ordered, no activity) for longer than this: churned. */
export const CHURN_AFTER_DAYS = 90;
/** No order for longer than this (and not yet churned): at risk. */
export const AT_RISK_AFTER_DAYS = 45;
/** A first order (or first visit, without orders) this recent: new. */
export const NEW_WITHIN_DAYS = 30;

export interface LifecycleInput {
  firstSeenAt: Date | null;
  lastSeenAt: Date | null;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
  prevOrderAt: Date | null;
  /** Orders placed in the 90 days before `now`, and in the 90 days before those. */
  ordersLast90Days: number;
  ordersPrev90Days: number;
}

const daysBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / DAY;

/**
 * The rule, first match wins:
 * 1. reactivated — ordered within 30 days after a gap of more than 90 days between orders;
 * 2. new — first order (or, without orders, first visit) within 30 days;
 * 3. churned — last order (or, without orders, last activity) more than 90 days ago;
 * 4. at_risk — last order more than 45 days ago, or orders in the last 90 days at most half those
 *    of the 90 days before (when there were at least 2);
 * 5. growing — at least 2 orders in the last 90 days and more than in the 90 days before;
 * 6. active — everyone else.
 */
export function lifecycleStage(p: LifecycleInput, now: Date): LifecycleStage {
  if (p.lastOrderAt === null || p.firstOrderAt === null) {
    if (p.firstSeenAt === null || p.lastSeenAt === null) return 'new';
    if (daysBetween(p.firstSeenAt, now) <= NEW_WITHIN_DAYS) return 'new';
    const idle = daysBetween(p.lastSeenAt, now);
    if (idle > CHURN_AFTER_DAYS) return 'churned';
    return idle > AT_RISK_AFTER_DAYS ? 'at_risk' : 'active';
  }
  const sinceLast = daysBetween(p.lastOrderAt, now);
  if (
    sinceLast <= NEW_WITHIN_DAYS &&
    p.prevOrderAt !== null &&
    daysBetween(p.prevOrderAt, p.lastOrderAt) > CHURN_AFTER_DAYS
  )
    return 'reactivated';
  if (daysBetween(p.firstOrderAt, now) <= NEW_WITHIN_DAYS) return 'new';
  if (sinceLast > CHURN_AFTER_DAYS) return 'churned';
  if (sinceLast > AT_RISK_AFTER_DAYS) return 'at_risk';
  if (p.ordersPrev90Days >= 2 && p.ordersLast90Days * 2 <= p.ordersPrev90Days) return 'at_risk';
  if (p.ordersLast90Days >= 2 && p.ordersLast90Days > p.ordersPrev90Days) return 'growing';
  return 'active';
}
