import { DemoShop } from '../../commerce/demo/demo-shop';
import { ChurnDataset } from '../churn-dataset';
import { CUSTOMER_PROFILE_SCHEMA } from '../customer-profile.schema';
import { CustomerFeatures, DatasetSchema } from '../feature-schema';

const DAY = 86_400_000;
/** The label window: churned = no order in the 90 days after the cut-off. */
const HORIZON_DAYS = 90;
/**
 * A return or refund only shows in an order's final status; it is counted once the order was
 * delivered at least this long before the cut-off (the demo history records no return date).
 */
const RETURN_SETTLED_DAYS = 7;
/** Cut-offs (days before the shop's `now`): each has 90 labelled days after it and ≥ 180 before. */
export const DEMO_CUTOFF_DAYS = [90, 120, 150, 180];

/** The order features the demo history carries; it has no conversations, ratings or messages. */
const ORDER_FEATURES = [
  'daysSinceLastOrder',
  'ordersLast90Days',
  'spendLast90Days',
  'tenureDays',
  'orderTrend',
  'returnsLast90Days',
];

export const DEMO_CHURN_SCHEMA: DatasetSchema = {
  ...CUSTOMER_PROFILE_SCHEMA,
  name: 'demo-shop-orders',
  features: CUSTOMER_PROFILE_SCHEMA.features.filter((f) => ORDER_FEATURES.includes(f.name)),
};

export interface DemoChurnTable extends ChurnDataset {
  /** External id of the customer of each row (rows of one customer share it: split by it). */
  customers: string[];
  /** Cut-off (days before now) of each row. */
  cutoffDays: number[];
  /** Latent demo segment of each row's customer: ground truth for the demo report only. */
  segments: string[];
}

interface OrderFacts {
  placed: number;
  total: number;
  /** When the return/refund became visible (delivery + settle time), if the order ended so. */
  returnedAt: number | null;
}

/**
 * Snapshots of the demo shop's customers at several past cut-offs: features from the orders
 * placed (and returns settled) strictly before the cut-off, label from the 90 days after it.
 * Customers without an order before a cut-off have no recency and are not in that snapshot.
 */
export function buildDemoChurnTable(
  shop: DemoShop,
  now: Date,
  cutoffDays = DEMO_CUTOFF_DAYS,
): DemoChurnTable {
  const ordersOf = new Map<string, OrderFacts[]>();
  for (const order of shop.orders) {
    const total = order.items.reduce((s, i) => s + (i.unitPrice ?? 0) * (i.quantity ?? 1), 0);
    const delivered = order.deliveredAt ? Date.parse(order.deliveredAt) : null;
    const returned = order.status === 'returned' || order.status === 'refunded';
    const facts: OrderFacts = {
      placed: Date.parse(order.placedAt!),
      total,
      returnedAt: returned && delivered !== null ? delivered + RETURN_SETTLED_DAYS * DAY : null,
    };
    const list = ordersOf.get(order.customerExternalId);
    if (list) list.push(facts);
    else ordersOf.set(order.customerExternalId, [facts]);
  }

  const table: DemoChurnTable = {
    schema: DEMO_CHURN_SCHEMA,
    rows: [],
    labels: new Uint8Array(0),
    lines: [],
    rowKeys: [],
    customers: [],
    cutoffDays: [],
    segments: [],
  };
  const labels: number[] = [];
  for (const days of cutoffDays) {
    const t = now.getTime() - days * DAY;
    for (const customer of shop.customers) {
      const orders = ordersOf.get(customer.externalId) ?? [];
      const before = orders.filter((o) => o.placed < t);
      if (before.length === 0) continue;
      const within = (o: OrderFacts, from: number, to: number) =>
        o.placed >= t - from * DAY && o.placed < t - to * DAY;
      const last90 = before.filter((o) => within(o, 90, 0));
      const prev90 = before.filter((o) => within(o, 180, 90));
      const returned = last90.filter((o) => o.returnedAt !== null && o.returnedAt < t);
      const firstOrder = Math.min(...before.map((o) => o.placed));
      const signedUp = customer.signedUpAt ? Date.parse(customer.signedUpAt) : firstOrder;
      const lastOrder = Math.max(...before.map((o) => o.placed));
      const spend =
        last90.reduce((s, o) => s + o.total, 0) - returned.reduce((s, o) => s + o.total, 0);
      const row: CustomerFeatures = {
        daysSinceLastOrder: Math.floor((t - lastOrder) / DAY),
        ordersLast90Days: last90.length,
        spendLast90Days: Math.round(spend * 100) / 100,
        tenureDays: Math.floor((t - Math.min(signedUp, firstOrder)) / DAY),
        orderTrend: last90.length - prev90.length,
        returnsLast90Days: returned.length,
      };
      const orderedAfter = orders.some((o) => o.placed >= t && o.placed < t + HORIZON_DAYS * DAY);
      table.rows.push(row);
      labels.push(orderedAfter ? 0 : 1);
      table.lines.push(table.rows.length);
      table.customers.push(customer.externalId);
      table.rowKeys.push(customer.externalId);
      table.cutoffDays.push(days);
      table.segments.push(String(customer.attributes?.demoSegment ?? 'unknown'));
    }
  }
  table.labels = Uint8Array.from(labels);
  return table;
}
