import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../common/domain-error';
import { LifecycleStage, lifecycleStage } from './lifecycle';

const DAY = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A customer's behaviour at `asOf`: totals since the first event and windows ending now. */
export interface CustomerProfileView {
  customerId: string;
  asOf: string;
  lifecycleStage: LifecycleStage;
  firstSeenAt: string | null;
  lastSeenAt: string | null;
  tenureDays: number | null;
  /** Recency / frequency / monetary. */
  lastOrderAt: string | null;
  daysSinceLastOrder: number | null;
  orders: number;
  ordersLast90Days: number;
  ordersPrev90Days: number;
  /** Orders in the last 90 days minus orders in the 90 days before. */
  orderTrend: number;
  orderValue: number;
  refundValue: number;
  /** Order value net of refunds. */
  monetaryValue: number;
  spendLast90Days: number;
  cancellations: number;
  refunds: number;
  returns: number;
  returnsLast90Days: number;
  /** Conversations the customer had with support (bot or agent). */
  supportContacts: number;
  unresolvedConversations: number;
  complaints: number;
  complaintsLast30Days: number;
  escalations: number;
  escalationsLast90Days: number;
  averageRating: number | null;
  lastRating: number | null;
  messages: number;
  /** Share (0–1) of the customer's messages with negative sentiment, all time. */
  negativeSentimentShare: number | null;
  /** Same over the last 90 days, in percent (the churn feature). */
  negativeMessagePercent: number | null;
  lastContactAt: string | null;
  daysSinceLastContact: number | null;
  storefront: { pageViews: number; productViews: number; searches: number; addToCarts: number };
  updatedAt: string | null;
}

type Row = Record<string, string | number | null>;

/** Reads customer profiles for the agent console, churn scoring and the profile endpoint. */
@Injectable()
export class ProfileService {
  constructor(private readonly dataSource: DataSource) {}

  /** The profile of a customer by id or by the shop's external id; NotFound for unknown ones. */
  async getProfile(customerRef: string, now = new Date()): Promise<CustomerProfileView> {
    const customers: { id: string }[] = await this.dataSource.query(
      UUID.test(customerRef)
        ? `SELECT id FROM customers WHERE id = $1::uuid`
        : `SELECT id FROM customers WHERE external_id = $1`,
      [customerRef],
    );
    if (customers.length === 0) throw new NotFoundError('customer', customerRef);
    const customerId = customers[0].id;
    const at = now.toISOString();
    const [profiles, windows, conversations] = await Promise.all([
      this.dataSource.query(`SELECT * FROM customer_profiles WHERE customer_id = $1`, [
        customerId,
      ]) as Promise<Row[]>,
      this.dataSource.query(
        `SELECT
           COALESCE(SUM(orders) FILTER (WHERE day > ($2::timestamptz - interval '90 days')::date), 0) AS orders90,
           COALESCE(SUM(orders) FILTER (WHERE day <= ($2::timestamptz - interval '90 days')::date
                                          AND day > ($2::timestamptz - interval '180 days')::date), 0) AS orders_prev90,
           COALESCE(SUM(order_value - refund_value) FILTER (WHERE day > ($2::timestamptz - interval '90 days')::date), 0) AS spend90,
           COALESCE(SUM(returns + refunds) FILTER (WHERE day > ($2::timestamptz - interval '90 days')::date), 0) AS returns90,
           COALESCE(SUM(complaints) FILTER (WHERE day > ($2::timestamptz - interval '30 days')::date), 0) AS complaints30,
           COALESCE(SUM(escalations) FILTER (WHERE day > ($2::timestamptz - interval '90 days')::date), 0) AS escalations90,
           COALESCE(SUM(messages) FILTER (WHERE day > ($2::timestamptz - interval '90 days')::date), 0) AS messages90,
           COALESCE(SUM(negative_messages) FILTER (WHERE day > ($2::timestamptz - interval '90 days')::date), 0) AS negative90
         FROM customer_daily_rollups WHERE customer_id = $1`,
        [customerId, at],
      ) as Promise<Row[]>,
      this.dataSource.query(
        `SELECT count(*) AS contacts, count(*) FILTER (WHERE resolved_at IS NULL) AS unresolved
         FROM customer_conversations WHERE customer_id = $1`,
        [customerId],
      ) as Promise<Row[]>,
    ]);
    const p: Row = profiles[0] ?? {};
    const w = windows[0];
    const n = (v: unknown) => Number(v ?? 0);
    const d = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
    const days = (from: Date | null) =>
      from === null ? null : Math.max(0, Math.floor((now.getTime() - from.getTime()) / DAY));
    const iso = (v: Date | null) => v?.toISOString() ?? null;
    const firstSeen = d(p.first_seen_at);
    const lastOrder = d(p.last_order_at);
    const lastContact = d(p.last_contact_at);
    const ordersLast90Days = n(w.orders90);
    const ordersPrev90Days = n(w.orders_prev90);
    const messages = n(p.messages);
    const messages90 = n(w.messages90);
    return {
      customerId,
      asOf: at,
      lifecycleStage: lifecycleStage(
        {
          firstSeenAt: firstSeen,
          lastSeenAt: d(p.last_seen_at),
          firstOrderAt: d(p.first_order_at),
          lastOrderAt: lastOrder,
          prevOrderAt: d(p.prev_order_at),
          ordersLast90Days,
          ordersPrev90Days,
        },
        now,
      ),
      firstSeenAt: iso(firstSeen),
      lastSeenAt: iso(d(p.last_seen_at)),
      tenureDays: days(firstSeen),
      lastOrderAt: iso(lastOrder),
      daysSinceLastOrder: days(lastOrder),
      orders: n(p.orders),
      ordersLast90Days,
      ordersPrev90Days,
      orderTrend: ordersLast90Days - ordersPrev90Days,
      orderValue: n(p.order_value),
      refundValue: n(p.refund_value),
      monetaryValue: Math.round((n(p.order_value) - n(p.refund_value)) * 100) / 100,
      spendLast90Days: n(w.spend90),
      cancellations: n(p.cancellations),
      refunds: n(p.refunds),
      returns: n(p.returns),
      returnsLast90Days: n(w.returns90),
      supportContacts: n(conversations[0].contacts),
      unresolvedConversations: n(conversations[0].unresolved),
      complaints: n(p.complaints),
      complaintsLast30Days: n(w.complaints30),
      escalations: n(p.escalations),
      escalationsLast90Days: n(w.escalations90),
      averageRating:
        n(p.ratings_count) > 0
          ? Math.round((n(p.rating_sum) / n(p.ratings_count)) * 100) / 100
          : null,
      lastRating: p.last_rating === null || p.last_rating === undefined ? null : n(p.last_rating),
      messages,
      negativeSentimentShare:
        messages > 0 ? Math.round((n(p.negative_messages) / messages) * 1000) / 1000 : null,
      negativeMessagePercent:
        messages90 > 0 ? Math.round((n(w.negative90) / messages90) * 1000) / 10 : null,
      lastContactAt: iso(lastContact),
      daysSinceLastContact: days(lastContact),
      storefront: {
        pageViews: n(p.page_views),
        productViews: n(p.product_views),
        searches: n(p.searches),
        addToCarts: n(p.add_to_carts),
      },
      updatedAt: iso(d(p.updated_at)),
    };
  }
}
