import { randomUUID } from 'node:crypto';
import { OrderRowDto } from '../../commerce/dto/bulk-rows.dto';

const DAY = 86_400_000;
/** A return or refund is recorded this long after delivery (the demo history has no date). */
const RETURN_AFTER_DAYS = 3;

export interface DemoOrderEvent {
  id: string;
  type: 'order_placed' | 'order_returned' | 'order_refunded';
  customerExternalId: string;
  occurredAt: string;
  payload: { orderId: string; total?: number; amount?: number };
}

/**
 * The behaviour events a shop integration would have sent for the demo orders (`POST
 * /api/events/batch` shape), so the live profiles — and churn scores — of a seeded demo shop
 * reflect its generated history. Events after `now` are clamped to `now`.
 */
export function demoOrderEvents(orders: OrderRowDto[], now: Date): DemoOrderEvent[] {
  return orders.flatMap((o) => {
    const total =
      Math.round(o.items.reduce((s, i) => s + (i.unitPrice ?? 0) * (i.quantity ?? 1), 0) * 100) /
      100;
    const placed: DemoOrderEvent = {
      id: randomUUID(),
      type: 'order_placed',
      customerExternalId: o.customerExternalId,
      occurredAt: o.placedAt,
      payload: { orderId: o.externalId, total },
    };
    if ((o.status !== 'returned' && o.status !== 'refunded') || !o.deliveredAt) return [placed];
    const at = Math.min(Date.parse(o.deliveredAt) + RETURN_AFTER_DAYS * DAY, now.getTime());
    return [
      placed,
      {
        id: randomUUID(),
        type: o.status === 'returned' ? 'order_returned' : 'order_refunded',
        customerExternalId: o.customerExternalId,
        occurredAt: new Date(at).toISOString(),
        payload:
          o.status === 'returned'
            ? { orderId: o.externalId }
            : { orderId: o.externalId, amount: total },
      },
    ];
  });
}
