import { CustomerProfileView } from '../../signals/profile.service';
import { CustomerFeatures } from '../feature-schema';

/**
 * The churn features of a live customer profile (names as in FEATURES.md). The profile has no
 * preferred category yet, so that feature is unknown and the trees route it as missing.
 */
export function profileFeatures(profile: CustomerProfileView): CustomerFeatures {
  return {
    daysSinceLastOrder: profile.daysSinceLastOrder,
    ordersLast90Days: profile.ordersLast90Days,
    spendLast90Days: profile.spendLast90Days,
    tenureDays: profile.tenureDays,
    orderTrend: profile.orderTrend,
    returnsLast90Days: profile.returnsLast90Days,
    complaintsLast30Days: profile.complaintsLast30Days,
    escalationsLast90Days: profile.escalationsLast90Days,
    lastSatisfactionScore: profile.lastRating,
    negativeMessagePercent: profile.negativeMessagePercent,
    unresolvedConversations: profile.unresolvedConversations,
    daysSinceLastContact: profile.daysSinceLastContact,
    preferredCategory: null,
  };
}
