/**
 * What one behaviour event does to its customer's profile, as pure data: counter increments and
 * timestamps. Every effect is commutative (sums, minimums, maximums, the two latest order times),
 * so the profile does not depend on the order events are processed in — which is what lets
 * concurrent workers, redelivered jobs and a replay from the event table all agree.
 */
export const COUNTERS = [
  'events',
  'orders',
  'order_value',
  'cancellations',
  'refunds',
  'refund_value',
  'returns',
  'messages',
  'negative_messages',
  'complaints',
  'escalations',
  'resolutions',
  'ratings_count',
  'rating_sum',
  'page_views',
  'product_views',
  'searches',
  'add_to_carts',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counters = Record<Counter, number>;

/**
 * A chat message counts as negative when the sentiment model labelled it so (`sentimentLabel`,
 * which follows the model's own neutral band). Events without a label (imported through the
 * batch API, or written before the label was recorded) fall back to a score below this.
 */
export const NEGATIVE_SENTIMENT_BELOW = -0.6;

/** The NLU intent that marks a shopper message as a complaint. */
export const COMPLAINT_INTENT = 'complaint';

export interface ProfileEvent {
  id: string;
  type: string;
  customerId: string;
  conversationId: string | null;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

export interface EventEffect {
  counters: Partial<Counters>;
  orderAt?: Date;
  contactAt?: Date;
  rating?: { value: number; at: Date };
  conversation?: { id: string; at: Date; escalated: boolean; resolvedAt: Date | null };
}

const num = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : 0;

function isNegativeMessage(payload: Record<string, unknown>): boolean {
  if (typeof payload.sentimentLabel === 'string') return payload.sentimentLabel === 'negative';
  return num(payload.sentiment) < NEGATIVE_SENTIMENT_BELOW;
}

export function eventEffect(event: ProfileEvent): EventEffect {
  const at = event.occurredAt;
  const p = event.payload;
  const effect: EventEffect = { counters: { events: 1 } };
  const c = effect.counters;
  const conversation = (escalated: boolean, resolvedAt: Date | null) =>
    event.conversationId ? { id: event.conversationId, at, escalated, resolvedAt } : undefined;
  switch (event.type) {
    case 'order_placed':
      c.orders = 1;
      c.order_value = num(p.total);
      effect.orderAt = at;
      break;
    case 'order_cancelled':
      c.cancellations = 1;
      break;
    case 'order_refunded':
      c.refunds = 1;
      c.refund_value = num(p.amount);
      break;
    case 'order_returned':
      c.returns = 1;
      break;
    case 'chat_message':
      c.messages = 1;
      if (isNegativeMessage(p)) c.negative_messages = 1;
      if (p.intent === COMPLAINT_INTENT) c.complaints = 1;
      effect.contactAt = at;
      effect.conversation = conversation(false, null);
      break;
    case 'chat_escalated':
      c.escalations = 1;
      effect.contactAt = at;
      effect.conversation = conversation(true, null);
      break;
    case 'chat_resolved':
      c.resolutions = 1;
      effect.conversation = conversation(false, at);
      break;
    case 'chat_rated':
      c.ratings_count = 1;
      c.rating_sum = num(p.rating);
      effect.rating = { value: num(p.rating), at };
      break;
    case 'page_view':
      c.page_views = 1;
      break;
    case 'product_view':
      c.product_views = 1;
      break;
    case 'search':
      c.searches = 1;
      break;
    case 'add_to_cart':
      c.add_to_carts = 1;
      break;
  }
  return effect;
}

/** The stored, order-independent part of a customer profile. */
export interface ProfileState {
  counters: Counters;
  firstSeenAt: Date | null;
  lastSeenAt: Date | null;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
  /** The order before the latest one: a long gap between the two marks a reactivation. */
  prevOrderAt: Date | null;
  lastContactAt: Date | null;
  lastRating: number | null;
  lastRatingAt: Date | null;
}

export function emptyCounters(): Counters {
  return Object.fromEntries(COUNTERS.map((k) => [k, 0])) as Counters;
}

export function emptyProfile(): ProfileState {
  return {
    counters: emptyCounters(),
    firstSeenAt: null,
    lastSeenAt: null,
    firstOrderAt: null,
    lastOrderAt: null,
    prevOrderAt: null,
    lastContactAt: null,
    lastRating: null,
    lastRatingAt: null,
  };
}

const min = (a: Date | null, b: Date) => (a === null || b < a ? b : a);
const max = (a: Date | null, b: Date | undefined) =>
  b === undefined ? a : a === null || b > a ? b : a;

/** Applies one event's effect (returns a new state; `state` is not changed). */
export function applyEffect(state: ProfileState, effect: EventEffect, at: Date): ProfileState {
  const next: ProfileState = { ...state, counters: { ...state.counters } };
  for (const [key, value] of Object.entries(effect.counters) as [Counter, number][])
    next.counters[key] = roundMoney(next.counters[key] + value);
  next.firstSeenAt = min(state.firstSeenAt, at);
  next.lastSeenAt = max(state.lastSeenAt, at);
  next.lastContactAt = max(state.lastContactAt, effect.contactAt);
  if (effect.orderAt) {
    const t = effect.orderAt;
    next.firstOrderAt = min(state.firstOrderAt, t);
    // Keep the two latest order times (a commutative "top two").
    const times = [state.lastOrderAt, state.prevOrderAt, t]
      .filter((d): d is Date => d !== null)
      .sort((a, b) => b.getTime() - a.getTime());
    next.lastOrderAt = times[0];
    next.prevOrderAt = times[1] ?? null;
  }
  if (effect.rating) {
    const r = effect.rating;
    const newer =
      state.lastRatingAt === null ||
      r.at > state.lastRatingAt ||
      (r.at.getTime() === state.lastRatingAt.getTime() && r.value > (state.lastRating ?? 0));
    if (newer) {
      next.lastRating = r.value;
      next.lastRatingAt = r.at;
    }
  }
  return next;
}

/** Money and rating sums stay exact to the cent despite binary floating point. */
function roundMoney(value: number): number {
  return Math.round(value * 100) / 100;
}
