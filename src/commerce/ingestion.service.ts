import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BULK_LIMIT, BulkResult } from './dto/bulk-request.dto';
import { CustomerRowDto, OrderRowDto, ProductRowDto } from './dto/bulk-rows.dto';
import { CustomerFieldsDto } from './dto/customer-fields.dto';
import { OrderFieldsDto } from './dto/order-fields.dto';
import { ProductFieldsDto } from './dto/product-fields.dto';
import {
  BulkRowError,
  BulkTooLargeError,
  CommerceError,
  OrderNumberTakenError,
  UnknownReferenceError,
} from './commerce.errors';
import { CustomerRecord, CustomerRepository } from './repositories/customer.repository';
import { OrderItemRecord, OrderRecord, OrderRepository } from './repositories/order.repository';
import { ProductRecord, ProductRef, ProductRepository } from './repositories/product.repository';
import { validateRow } from './row-validation';
import { appendEvents } from '../signals/event-writer';
import { orderLifecycleEvents, snapshotOfRow } from '../signals/order-events';

export interface UpsertResult {
  externalId: string;
  created: boolean;
}

/**
 * Writes the shop's catalogue, customers and orders, keyed by the shop's own ids. Single upserts
 * and bulk requests share one code path; a bulk request is one transaction (all or nothing).
 */
@Injectable()
export class IngestionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly products: ProductRepository,
    private readonly customers: CustomerRepository,
    private readonly orders: OrderRepository,
  ) {}

  async upsertProduct(externalId: string, dto: ProductFieldsDto): Promise<UpsertResult> {
    const created = await this.dataSource.transaction((m) =>
      this.products.upsertMany([productRecord(externalId, dto)], m),
    );
    return { externalId, created: created === 1 };
  }

  async upsertCustomer(externalId: string, dto: CustomerFieldsDto): Promise<UpsertResult> {
    const created = await this.dataSource.transaction((m) =>
      this.customers.upsertMany([customerRecord(externalId, dto)], m),
    );
    return { externalId, created: created === 1 };
  }

  async upsertOrder(externalId: string, dto: OrderFieldsDto): Promise<UpsertResult> {
    const created = await this.dataSource.transaction((m) =>
      this.writeOrders([{ ...dto, externalId }], m, false),
    );
    return { externalId, created: created === 1 };
  }

  async bulkProducts(items: unknown[]): Promise<BulkResult> {
    const rows = validateBulk(items, ProductRowDto);
    const records = rows.map((r) => productRecord(r.externalId, r));
    return this.inTransaction(records.length, (m) => this.products.upsertMany(records, m));
  }

  async bulkCustomers(items: unknown[]): Promise<BulkResult> {
    const rows = validateBulk(items, CustomerRowDto);
    const records = rows.map((r) => customerRecord(r.externalId, r));
    return this.inTransaction(records.length, (m) => this.customers.upsertMany(records, m));
  }

  async bulkOrders(items: unknown[]): Promise<BulkResult> {
    const rows = validateBulk(items, OrderRowDto);
    return this.inTransaction(rows.length, (m) => this.writeOrders(rows, m, true));
  }

  /** Same as the bulk endpoints but for trusted in-process callers (demo seeding, benchmarks). */
  async writeAll(
    data: { products: ProductRowDto[]; customers: CustomerRowDto[]; orders: OrderRowDto[] },
    manager: EntityManager,
  ): Promise<void> {
    await this.products.upsertMany(
      data.products.map((r) => productRecord(r.externalId, r)),
      manager,
    );
    await this.customers.upsertMany(
      data.customers.map((r) => customerRecord(r.externalId, r)),
      manager,
    );
    await this.writeOrders(data.orders, manager, true);
  }

  private async inTransaction(
    count: number,
    write: (m: EntityManager) => Promise<number>,
  ): Promise<BulkResult> {
    const created = await this.dataSource.transaction(write);
    return { created, updated: count - created };
  }

  /**
   * Resolves customer/product references and order numbers, then writes orders with lines and,
   * in the same transaction, the behaviour events their states imply (placed, cancelled,
   * returned, refunded), so profiles and churn scores count synced orders. Event ids are derived
   * from the order and the kind, so a resent order, or the shop also sending the event, adds
   * nothing. Returns how many orders were new.
   */
  private async writeOrders(
    rows: OrderRowDto[],
    manager: EntityManager,
    bulk: boolean,
  ): Promise<number> {
    const fail = (index: number, error: CommerceError): never => {
      if (!bulk) throw error;
      throw new BulkRowError(
        index,
        error.code,
        error.message,
        error.details as Record<string, unknown>,
        error.status,
      );
    };
    const customerIds = await this.customers.idsByExternalId(
      [...new Set(rows.map((r) => r.customerExternalId))],
      manager,
    );
    const lines = rows.flatMap((r) => r.items);
    const refs = await this.products.findRefs(
      [...new Set(lines.flatMap((l) => (l.productExternalId ? [l.productExternalId] : [])))],
      [...new Set(lines.flatMap((l) => (!l.productExternalId && l.sku ? [l.sku] : [])))],
      manager,
    );
    const byExternal = new Map<string, ProductRef>();
    const bySku = new Map<string, ProductRef>();
    for (const ref of refs) {
      byExternal.set(ref.externalId, ref);
      if (ref.sku && !bySku.has(ref.sku)) bySku.set(ref.sku, ref);
    }
    const numbers = rows.map((r) => r.number ?? r.externalId);
    const owners = await this.orders.numberOwners(numbers, manager);
    const seenNumbers = new Map<string, number>();

    const records: OrderRecord[] = [];
    const items: OrderItemRecord[][] = [];
    rows.forEach((row, index) => {
      const customerId = customerIds.get(row.customerExternalId);
      if (!customerId)
        fail(index, new UnknownReferenceError('UNKNOWN_CUSTOMER', row.customerExternalId));
      const number = numbers[index];
      const owner = owners.get(number);
      if ((owner !== undefined && owner !== row.externalId) || seenNumbers.has(number)) {
        fail(index, new OrderNumberTakenError(number));
      }
      seenNumbers.set(number, index);
      const orderLines = row.items.map((line, lineIndex) => {
        const ref = line.productExternalId
          ? byExternal.get(line.productExternalId)
          : bySku.get(line.sku!);
        if (!ref) {
          fail(
            index,
            new UnknownReferenceError('UNKNOWN_PRODUCT', (line.productExternalId ?? line.sku)!, {
              line: lineIndex,
            }),
          );
        }
        return {
          product_id: ref!.id,
          sku: line.sku ?? ref!.sku,
          title: line.title ?? ref!.title,
          quantity: line.quantity,
          unit_price: line.unitPrice ?? ref!.price,
        };
      });
      const total =
        row.total ??
        Math.round(orderLines.reduce((sum, l) => sum + l.unit_price * l.quantity, 0) * 100) / 100;
      records.push({
        external_id: row.externalId,
        number,
        customer_id: customerId!,
        status: row.status,
        total,
        currency: row.currency ?? 'USD',
        shipping_address: row.shippingAddress ? { ...row.shippingAddress } : null,
        carrier: row.carrier ?? null,
        tracking_url: row.trackingUrl ?? null,
        placed_at: row.placedAt,
        shipped_at: row.shippedAt ?? null,
        delivered_at: row.deliveredAt ?? null,
        cancelled_at: row.cancelledAt ?? null,
        eta: row.eta ?? null,
      });
      items.push(orderLines);
    });
    const created = await this.orders.upsertMany(records, items, manager);
    const now = new Date();
    const events = records.flatMap((r, i) =>
      orderLifecycleEvents(
        snapshotOfRow(
          r,
          items[i].reduce((sum, line) => sum + line.quantity, 0),
        ),
        created.has(r.external_id) ? null : now,
        now,
      ),
    );
    await appendEvents(manager, events);
    return created.size;
  }
}

/** Checks the row limit, each row, and that no external id appears twice. */
function validateBulk<T extends { externalId: string }>(items: unknown[], cls: new () => T): T[] {
  if (items.length > BULK_LIMIT) throw new BulkTooLargeError(BULK_LIMIT, items.length);
  const seen = new Map<string, number>();
  return items.map((item, index) => {
    const row = validateRow(cls, item, index);
    const first = seen.get(row.externalId);
    if (first !== undefined) {
      throw new BulkRowError(
        index,
        'DUPLICATE_EXTERNAL_ID',
        `externalId "${row.externalId}" already appears at item ${first}`,
        { externalId: row.externalId, firstIndex: first },
      );
    }
    seen.set(row.externalId, index);
    return row;
  });
}

function productRecord(externalId: string, dto: ProductFieldsDto): ProductRecord {
  return {
    external_id: externalId,
    sku: dto.sku ?? null,
    title: dto.title,
    description: dto.description ?? null,
    category: dto.category ?? null,
    price: dto.price,
    currency: dto.currency ?? 'USD',
    image_url: dto.imageUrl ?? null,
    url: dto.url ?? null,
    stock: dto.stock ?? null,
    active: dto.active ?? true,
    attributes: dto.attributes ?? {},
  };
}

function customerRecord(externalId: string, dto: CustomerFieldsDto): CustomerRecord {
  return {
    external_id: externalId,
    email: dto.email ?? null,
    first_name: dto.firstName ?? null,
    last_name: dto.lastName ?? null,
    phone: dto.phone ?? null,
    locale: dto.locale ?? null,
    country: dto.country ?? null,
    city: dto.city ?? null,
    signed_up_at: dto.signedUpAt ?? null,
    attributes: dto.attributes ?? {},
  };
}
