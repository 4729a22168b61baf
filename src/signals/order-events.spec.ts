import { orderEventId, orderLifecycleEvents, OrderSnapshot } from './order-events';

const order = (over: Partial<OrderSnapshot> = {}): OrderSnapshot => ({
  externalId: 'o-1',
  customerId: '00000000-0000-4000-8000-000000000001',
  status: 'processing',
  total: 42.5,
  currency: 'EUR',
  items: 3,
  placedAt: new Date('2026-10-01T10:00:00Z'),
  shippedAt: null,
  deliveredAt: null,
  cancelledAt: null,
  ...over,
});
const NOW = new Date('2026-12-01T00:00:00Z');
const summary = (events: ReturnType<typeof orderLifecycleEvents>) =>
  events.map((e) => [e.type, e.occurredAt?.toISOString(), e.payload]);

describe('orderEventId', () => {
  it('is one RFC 9562 version-5 UUID per order and kind, the same on every call', () => {
    const id = orderEventId('o-1', 'order_placed');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(orderEventId('o-1', 'order_placed')).toBe(id);
    expect(orderEventId('o-2', 'order_placed')).not.toBe(id);
    expect(orderEventId('o-1', 'order_cancelled')).not.toBe(id);
  });
});

describe('orderLifecycleEvents', () => {
  it('an open order was placed, at its placing time, with its value and item count', () => {
    const events = orderLifecycleEvents(order(), null, NOW);
    expect(summary(events)).toEqual([
      [
        'order_placed',
        '2026-10-01T10:00:00.000Z',
        { orderId: 'o-1', total: 42.5, currency: 'EUR', items: 3 },
      ],
    ]);
    expect(events[0].id).toBe(orderEventId('o-1', 'order_placed'));
  });

  it('a cancelled order is also cancelled: at its cancellation time, else when seen changing', () => {
    const cancelledAt = new Date('2026-10-02T00:00:00Z');
    expect(
      summary(orderLifecycleEvents(order({ status: 'cancelled', cancelledAt }), null, NOW))[1],
    ).toEqual(['order_cancelled', cancelledAt.toISOString(), { orderId: 'o-1' }]);
    const seen = new Date('2026-11-30T00:00:00Z');
    expect(
      summary(orderLifecycleEvents(order({ status: 'cancelled' }), seen, NOW, 'bot'))[1],
    ).toEqual(['order_cancelled', seen.toISOString(), { orderId: 'o-1', by: 'bot' }]);
  });

  it('a returned or refunded order seen first (an import) is dated by its own latest date', () => {
    const deliveredAt = new Date('2026-10-05T00:00:00Z');
    expect(
      summary(orderLifecycleEvents(order({ status: 'refunded', deliveredAt }), null, NOW))[1],
    ).toEqual(['order_refunded', deliveredAt.toISOString(), { orderId: 'o-1', amount: 42.5 }]);
    const shippedAt = new Date('2026-10-03T00:00:00Z');
    expect(
      summary(orderLifecycleEvents(order({ status: 'returned', shippedAt }), null, NOW))[1],
    ).toEqual(['order_returned', shippedAt.toISOString(), { orderId: 'o-1', items: 3 }]);
  });

  it('a status change seen on a known order is dated when it was seen', () => {
    const seen = new Date('2026-11-20T00:00:00Z');
    const events = orderLifecycleEvents(
      order({ status: 'returned', deliveredAt: new Date('2026-10-05T00:00:00Z') }),
      seen,
      NOW,
    );
    expect(summary(events).map(([type, at]) => [type, at])).toEqual([
      ['order_placed', '2026-10-01T10:00:00.000Z'],
      ['order_returned', seen.toISOString()],
    ]);
  });

  it('delivered and shipped orders were only placed; no event is dated in the future', () => {
    expect(orderLifecycleEvents(order({ status: 'delivered' }), null, NOW)).toHaveLength(1);
    const future = orderLifecycleEvents(
      order({ placedAt: new Date('2027-01-01T00:00:00Z') }),
      null,
      NOW,
    );
    expect(future[0].occurredAt).toEqual(NOW);
  });
});
