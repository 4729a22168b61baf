import {
  applyEffect,
  emptyProfile,
  eventEffect,
  ProfileEvent,
  ProfileState,
} from './profile-effects';

const customer = '00000000-0000-4000-8000-000000000001';
const conversation = '00000000-0000-4000-8000-0000000000c1';
let n = 0;
const ev = (type: string, day: number, payload: Record<string, unknown> = {}): ProfileEvent => ({
  id: `e${++n}`,
  type,
  customerId: customer,
  conversationId: type.startsWith('chat_') ? conversation : null,
  occurredAt: new Date(Date.UTC(2026, 0, day)),
  payload,
});

const history: ProfileEvent[] = [
  ev('order_placed', 1, { orderId: 'o1', total: 19.99 }),
  ev('order_placed', 20, { orderId: 'o2', total: 5.01 }),
  ev('order_placed', 9, { orderId: 'o3', total: 100 }),
  ev('order_refunded', 21, { orderId: 'o2', amount: 5.01 }),
  ev('chat_message', 22, { intent: 'complaint', sentiment: -0.9 }),
  ev('chat_message', 22, { intent: 'track_order', sentiment: 0.1 }),
  ev('chat_escalated', 22, { reason: 'negative_complaint' }),
  ev('chat_rated', 23, { rating: 2 }),
  ev('chat_rated', 3, { rating: 5 }),
  ev('page_view', 2, { url: '/' }),
];

const fold = (events: ProfileEvent[]): ProfileState =>
  events.reduce((s, e) => applyEffect(s, eventEffect(e), e.occurredAt), emptyProfile());

describe('profile effects', () => {
  it('counts orders, money, complaints, negative messages and escalations', () => {
    const p = fold(history);
    expect(p.counters.orders).toBe(3);
    expect(p.counters.order_value).toBe(125);
    expect(p.counters.refund_value).toBe(5.01);
    expect(p.counters.complaints).toBe(1);
    expect(p.counters.negative_messages).toBe(1);
    expect(p.counters.messages).toBe(2);
    expect(p.counters.escalations).toBe(1);
    expect(p.counters.page_views).toBe(1);
    expect(p.lastOrderAt).toEqual(new Date(Date.UTC(2026, 0, 20)));
    expect(p.prevOrderAt).toEqual(new Date(Date.UTC(2026, 0, 9)));
    expect(p.firstOrderAt).toEqual(new Date(Date.UTC(2026, 0, 1)));
  });

  it("counts a message as negative by the model's label, by the score only when there is none", () => {
    const negatives = (payload: Record<string, unknown>) =>
      eventEffect(ev('chat_message', 5, payload)).counters.negative_messages ?? 0;
    expect(negatives({ sentiment: -0.65, sentimentLabel: 'neutral' })).toBe(0);
    expect(negatives({ sentiment: -0.5, sentimentLabel: 'negative' })).toBe(1);
    expect(negatives({ sentiment: -0.65 })).toBe(1);
    expect(negatives({ sentiment: -0.5 })).toBe(0);
  });

  it('keeps the most recent rating, not the last one processed', () => {
    expect(fold(history).lastRating).toBe(2);
  });

  it('gives the same profile whatever order the events are processed in', () => {
    const expected = fold(history);
    for (let seed = 1; seed <= 20; seed++) {
      let x = seed;
      const shuffled = [...history].sort(() => ((x = (x * 16807) % 2147483647) % 3) - 1);
      expect(fold(shuffled)).toEqual(expected);
    }
  });
});
