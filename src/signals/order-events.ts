import { createHash } from 'node:crypto';
import { NewBehaviourEvent } from './event-writer';

/** The behaviour events that describe an order's life, one of each kind at most per order. */
export const ORDER_EVENT_TYPES = [
  'order_placed',
  'order_cancelled',
  'order_returned',
  'order_refunded',
] as const;
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];

export function isOrderEventType(type: string): type is OrderEventType {
  return (ORDER_EVENT_TYPES as readonly string[]).includes(type);
}

// Fixed namespace of the name-based ids below (RFC 9562 UUIDv5); never change it, or resent
// orders would count again.
const ORDER_EVENT_NAMESPACE = Buffer.from('5b0f1d8e3c2a4e6f9a7b1c0d2e3f4a5b', 'hex');

/**
 * The id of "order `orderId` was placed / cancelled / returned / refunded": the same whoever
 * reports it (the order sync, the shop's event batch, the bot's cancellation) and however often,
 * so an order counts once in its customer's profile.
 */
export function orderEventId(orderId: string, type: OrderEventType): string {
  const hash = createHash('sha1')
    .update(ORDER_EVENT_NAMESPACE)
    .update(`${type}:${orderId}`, 'utf8')
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What the order rows say about one order (the shop's id, not the row's uuid). */
export interface OrderSnapshot {
  externalId: string;
  customerId: string;
  status: string;
  total: number;
  currency: string;
  items: number;
  placedAt: Date;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  cancelledAt: Date | null;
}

/** An order as the orders table stores it (snake_case columns; dates as the driver or caller gives them). */
export interface StoredOrderRow {
  external_id: string;
  customer_id: string;
  status: string;
  total: number | string;
  currency: string;
  placed_at: Date | string;
  shipped_at: Date | string | null;
  delivered_at: Date | string | null;
  cancelled_at: Date | string | null;
}

/** The snapshot of a stored order row holding `items` units. */
export function snapshotOfRow(row: StoredOrderRow, items: number): OrderSnapshot {
  const date = (value: Date | string | null) => (value === null ? null : new Date(value));
  return {
    externalId: row.external_id,
    customerId: row.customer_id,
    status: row.status,
    total: Number(row.total),
    currency: row.currency,
    items,
    placedAt: new Date(row.placed_at),
    shippedAt: date(row.shipped_at),
    deliveredAt: date(row.delivered_at),
    cancelledAt: date(row.cancelled_at),
  };
}

/**
 * The events an order's current state implies: it was placed, and, by its status, cancelled,
 * returned or refunded. `changedAt` is when the caller saw the status change (a sync of a known
 * order, the bot's cancellation); null for an order seen for the first time, which is history
 * (an import), so a return or refund is dated by the order's own latest date instead of today.
 * No event is dated in the future.
 */
export function orderLifecycleEvents(
  order: OrderSnapshot,
  changedAt: Date | null,
  now: Date = new Date(),
  by?: string,
): NewBehaviourEvent[] {
  const at = (date: Date) => new Date(Math.min(date.getTime(), now.getTime()));
  const event = (
    type: OrderEventType,
    occurredAt: Date,
    payload: Record<string, unknown>,
  ): NewBehaviourEvent => ({
    id: orderEventId(order.externalId, type),
    type,
    customerId: order.customerId,
    occurredAt: at(occurredAt),
    payload: { orderId: order.externalId, ...payload },
  });
  const events = [
    event('order_placed', order.placedAt, {
      total: order.total,
      currency: order.currency,
      items: order.items,
    }),
  ];
  const lastKnown = order.deliveredAt ?? order.shippedAt ?? order.placedAt;
  switch (order.status) {
    case 'cancelled':
      events.push(
        event('order_cancelled', order.cancelledAt ?? changedAt ?? order.placedAt, {
          ...(by ? { by } : {}),
        }),
      );
      break;
    case 'returned':
      events.push(event('order_returned', changedAt ?? lastKnown, { items: order.items }));
      break;
    case 'refunded':
      events.push(event('order_refunded', changedAt ?? lastKnown, { amount: order.total }));
      break;
  }
  return events;
}
