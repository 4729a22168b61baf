import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Order, OrderStatus, PostalAddress } from '../entities/order.entity';
import { Page } from '../dto/list-query.dto';
import { asJson, queryRows } from './sql-json';

export interface OrderRecord {
  external_id: string;
  number: string;
  customer_id: string;
  status: OrderStatus;
  total: number;
  currency: string;
  shipping_address: PostalAddress | null;
  carrier: string | null;
  tracking_url: string | null;
  placed_at: string;
  shipped_at: string | null;
  delivered_at: string | null;
  cancelled_at: string | null;
  eta: string | null;
}

export interface OrderItemRecord {
  product_id: string | null;
  sku: string | null;
  title: string;
  quantity: number;
  unit_price: number;
}

const ORDER_COLUMNS =
  'external_id, number, customer_id, status, total, currency, shipping_address, carrier, tracking_url, placed_at, shipped_at, delivered_at, cancelled_at, eta';

@Injectable()
export class OrderRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts or replaces orders by external id together with their lines (an order's old lines
   * are replaced by the new ones). `items[i]` belongs to `rows[i]`. Returns the external ids of
   * the orders that were new.
   */
  async upsertMany(
    rows: OrderRecord[],
    items: OrderItemRecord[][],
    manager: EntityManager,
  ): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const upserted = await queryRows<{ id: string; external_id: string; inserted: boolean }>(
      manager,
      `INSERT INTO orders (${ORDER_COLUMNS})
       SELECT ${ORDER_COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS x(
         external_id text, number text, customer_id uuid, status text, total numeric,
         currency text, shipping_address jsonb, carrier text, tracking_url text,
         placed_at timestamptz, shipped_at timestamptz, delivered_at timestamptz,
         cancelled_at timestamptz, eta date)
       ON CONFLICT (external_id) DO UPDATE SET
         number = EXCLUDED.number, customer_id = EXCLUDED.customer_id, status = EXCLUDED.status,
         total = EXCLUDED.total, currency = EXCLUDED.currency,
         shipping_address = EXCLUDED.shipping_address, carrier = EXCLUDED.carrier,
         tracking_url = EXCLUDED.tracking_url, placed_at = EXCLUDED.placed_at,
         shipped_at = EXCLUDED.shipped_at, delivered_at = EXCLUDED.delivered_at,
         cancelled_at = EXCLUDED.cancelled_at, eta = EXCLUDED.eta, updated_at = now()
       RETURNING id, external_id, (xmax = 0) AS inserted`,
      [asJson(rows)],
    );
    const idByExternal = new Map(upserted.map((r) => [r.external_id, r.id]));
    const updatedIds = upserted.filter((r) => !r.inserted).map((r) => r.id);
    if (updatedIds.length > 0) {
      await manager.query(
        `DELETE FROM order_items WHERE order_id IN (SELECT (jsonb_array_elements_text($1::jsonb))::uuid)`,
        [asJson(updatedIds)],
      );
    }
    const lines = rows.flatMap((row, i) =>
      items[i].map((item) => ({ ...item, order_id: idByExternal.get(row.external_id) })),
    );
    if (lines.length > 0) {
      await manager.query(
        `INSERT INTO order_items (order_id, product_id, sku, title, quantity, unit_price)
         SELECT order_id, product_id, sku, title, quantity, unit_price
         FROM jsonb_to_recordset($1::jsonb) AS x(
           order_id uuid, product_id uuid, sku text, title text, quantity integer, unit_price numeric)`,
        [asJson(lines)],
      );
    }
    return new Set(upserted.filter((r) => r.inserted).map((r) => r.external_id));
  }

  /** Order numbers among `numbers` already used, with the external id of the order using each. */
  async numberOwners(numbers: string[], manager: EntityManager): Promise<Map<string, string>> {
    if (numbers.length === 0) return new Map();
    const rows = await queryRows<{ number: string; external_id: string }>(
      manager,
      `SELECT number, external_id FROM orders
       WHERE number IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      [asJson(numbers)],
    );
    return new Map(rows.map((r) => [r.number, r.external_id]));
  }

  async findById(id: string): Promise<Order | null> {
    return this.dataSource
      .getRepository(Order)
      .findOne({ where: { id }, relations: { items: true, customer: true } });
  }

  async findByNumber(number: string): Promise<Order | null> {
    return this.dataSource
      .getRepository(Order)
      .findOne({ where: { number }, relations: { items: true } });
  }

  /** The customer's most recent orders first, with their lines. */
  async forCustomer(customerId: string, limit: number): Promise<Order[]> {
    const orders = await this.dataSource.getRepository(Order).find({
      where: { customerId },
      order: { placedAt: 'DESC', id: 'ASC' },
      take: limit,
    });
    return this.withItems(orders);
  }

  async list(filter: {
    customerId?: string;
    status?: OrderStatus;
    page: number;
    pageSize: number;
  }): Promise<Page<Order>> {
    const where: { customerId?: string; status?: OrderStatus } = {};
    if (filter.customerId) where.customerId = filter.customerId;
    if (filter.status) where.status = filter.status;
    const [orders, total] = await this.dataSource.getRepository(Order).findAndCount({
      where,
      order: { placedAt: 'DESC', id: 'ASC' },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
    return {
      items: await this.withItems(orders),
      total,
      page: filter.page,
      pageSize: filter.pageSize,
    };
  }

  /**
   * Applies `set` only when the order's status is one of `allowed`, atomically (no window in
   * which a concurrent shipment could slip between check and write). Returns the previous
   * status, or undefined when the row was not updated.
   */
  async updateIfStatus(
    id: string,
    allowed: readonly OrderStatus[],
    set: { status?: OrderStatus; cancelledAt?: Date; shippingAddress?: PostalAddress },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ previousStatus: OrderStatus; previousAddress: PostalAddress | null } | undefined> {
    const rows = await queryRows<{ status: OrderStatus; shipping_address: PostalAddress | null }>(
      manager,
      `WITH prev AS (
         SELECT id, status, shipping_address FROM orders
         WHERE id = $1::uuid AND status IN (SELECT jsonb_array_elements_text($2::jsonb))
         FOR UPDATE
       ), changed AS (
         UPDATE orders o SET
           status = COALESCE($3::text, o.status),
           cancelled_at = COALESCE($4::timestamptz, o.cancelled_at),
           shipping_address = COALESCE($5::jsonb, o.shipping_address),
           updated_at = now()
         FROM prev WHERE o.id = prev.id
         RETURNING prev.status, prev.shipping_address
       )
       SELECT status, shipping_address FROM changed`,
      [
        id,
        asJson(allowed),
        set.status ?? null,
        set.cancelledAt?.toISOString() ?? null,
        set.shippingAddress ? asJson(set.shippingAddress) : null,
      ],
    );
    if (rows.length === 0) return undefined;
    return { previousStatus: rows[0].status, previousAddress: rows[0].shipping_address };
  }

  async statusOf(id: string): Promise<OrderStatus | undefined> {
    const rows = await queryRows<{ status: OrderStatus }>(
      this.dataSource.manager,
      'SELECT status FROM orders WHERE id = $1::uuid',
      [id],
    );
    return rows[0]?.status;
  }

  private async withItems(orders: Order[]): Promise<Order[]> {
    if (orders.length === 0) return orders;
    const withLines = await this.dataSource.getRepository(Order).find({
      where: orders.map((o) => ({ id: o.id })),
      relations: { items: true },
    });
    const byId = new Map(withLines.map((o) => [o.id, o.items ?? []]));
    for (const order of orders) order.items = byId.get(order.id) ?? [];
    return orders;
  }
}
