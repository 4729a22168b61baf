import { OrderRowDto } from '../../commerce/dto/bulk-rows.dto';
import { demoOrderEvents } from './demo-order-events';

const NOW = new Date('2026-01-01T00:00:00Z');
const order = (status: string, deliveredAt?: string) =>
  ({
    externalId: `o-${status}`,
    customerExternalId: 'c1',
    status,
    placedAt: '2025-11-01T00:00:00.000Z',
    deliveredAt,
    items: [{ productExternalId: 'p', quantity: 2, unitPrice: 12.5 }],
  }) as OrderRowDto;

describe('demo order events', () => {
  it('sends each order as placed, and returns/refunds three days after delivery', () => {
    const events = demoOrderEvents(
      [
        order('delivered', '2025-11-05T00:00:00.000Z'),
        order('refunded', '2025-11-05T00:00:00.000Z'),
        order('returned', '2025-12-30T00:00:00.000Z'),
      ],
      NOW,
    );
    expect(events.map((e) => [e.type, e.payload, e.occurredAt])).toEqual([
      ['order_placed', { orderId: 'o-delivered', total: 25 }, '2025-11-01T00:00:00.000Z'],
      ['order_placed', { orderId: 'o-refunded', total: 25 }, '2025-11-01T00:00:00.000Z'],
      ['order_refunded', { orderId: 'o-refunded', amount: 25 }, '2025-11-08T00:00:00.000Z'],
      ['order_placed', { orderId: 'o-returned', total: 25 }, '2025-11-01T00:00:00.000Z'],
      // Three days after delivery would be in the future: clamped to now.
      ['order_returned', { orderId: 'o-returned' }, NOW.toISOString()],
    ]);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });
});
