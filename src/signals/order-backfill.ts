import { DataSource } from 'typeorm';
import { appendEvents } from './event-writer';
import {
  ORDER_EVENT_TYPES,
  orderLifecycleEvents,
  snapshotOfRow,
  StoredOrderRow,
} from './order-events';

/** Orders read and written per transaction. */
const BATCH = 1000;

export interface OrderBackfillResult {
  orders: number;
  eventsWritten: number;
  /** Order events skipped because the shop had already reported them under its own ids. */
  alreadyReported: number;
}

interface OrderRow extends StoredOrderRow {
  id: string;
  items: string;
  reported: string[];
}

/**
 * Writes the behaviour events of orders stored before order writes recorded them (an upgrade),
 * dated by the orders' own dates. An order event the shop already sent through the batch API
 * under its own id (or the bot recorded under the order's row id) is not written again, and the
 * derived ids make a second run write nothing. The outbox relay then feeds them to the profiles
 * as usual (at the next start, when run offline).
 */
export async function backfillOrderEvents(dataSource: DataSource): Promise<OrderBackfillResult> {
  const result: OrderBackfillResult = { orders: 0, eventsWritten: 0, alreadyReported: 0 };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: OrderRow[] = await dataSource.query(
      `SELECT o.id, o.external_id, o.customer_id, o.status, o.total, o.currency, o.placed_at,
              o.shipped_at, o.delivered_at, o.cancelled_at,
              (SELECT COALESCE(sum(i.quantity), 0) FROM order_items i WHERE i.order_id = o.id) AS items,
              ARRAY(SELECT DISTINCT e.type FROM behaviour_events e
                    WHERE e.customer_id = o.customer_id AND e.type = ANY($3::text[])
                      AND e.payload->>'orderId' IN (o.external_id, o.id::text)) AS reported
       FROM orders o WHERE o.id > $1::uuid ORDER BY o.id LIMIT $2`,
      [after, BATCH, ORDER_EVENT_TYPES],
    );
    if (rows.length === 0) return result;
    after = rows[rows.length - 1].id;
    const now = new Date();
    const events = rows.flatMap((r) => {
      const derived = orderLifecycleEvents(snapshotOfRow(r, Number(r.items)), null, now);
      const fresh = derived.filter((e) => !r.reported.includes(e.type));
      result.alreadyReported += derived.length - fresh.length;
      return fresh;
    });
    const written = await dataSource.transaction((manager) => appendEvents(manager, events));
    result.orders += rows.length;
    result.eventsWritten += written.length;
  }
}
