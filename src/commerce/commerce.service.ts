import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { NotFoundError } from '../common/domain-error';
import { Customer } from './entities/customer.entity';
import { Order, PostalAddress } from './entities/order.entity';
import { Product } from './entities/product.entity';
import { CommerceError, OrderStatusError } from './commerce.errors';
import { Page } from './dto/list-query.dto';
import { PostalAddressDto } from './dto/postal-address.dto';
import {
  ADDRESS_CHANGEABLE_STATUSES,
  CANCELLABLE_STATUSES,
  ChangeActor,
  OrderChange,
} from './order-change';
import { describeErrors } from './row-validation';
import { CustomerRepository } from './repositories/customer.repository';
import { OrderRepository } from './repositories/order.repository';
import { PopularProduct, ProductRepository } from './repositories/product.repository';
import { OrderStatus } from './entities/order.entity';
import { appendEvents } from '../signals/event-writer';
import { orderLifecycleEvents } from '../signals/order-events';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Window for "popular": units sold in the last 90 days. */
const POPULAR_WINDOW_DAYS = 90;

/**
 * Read access to the shop's data and the order actions the chat engine and the agent console
 * may take. Other modules call this service, never the commerce repositories.
 */
@Injectable()
export class CommerceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly products: ProductRepository,
    private readonly customers: CustomerRepository,
    private readonly orders: OrderRepository,
  ) {}

  listProducts(filter: { category?: string; q?: string; page: number; pageSize: number }) {
    return this.products.list(filter);
  }

  /** The active product with this SKU, or null (storefront pages). */
  productBySku(sku: string): Promise<Product | null> {
    return this.products.findActiveBySku(sku);
  }

  /** Names of the active products (the bot finds products a shopper names among them). */
  activeProductNames() {
    return this.products.activeNames();
  }

  /** The product, or null when there is none with this id. */
  findProduct(id: string): Promise<Product | null> {
    return UUID.test(id) ? this.products.findById(id) : Promise.resolve(null);
  }

  /** Throws NOT_FOUND when absent (staff API). */
  async getProduct(id: string): Promise<Product> {
    const product = await this.findProduct(id);
    if (!product) throw new NotFoundError('product', id);
    return product;
  }

  listCustomers(filter: { q?: string; page: number; pageSize: number }): Promise<Page<Customer>> {
    return this.customers.list(filter);
  }

  /** The customer, or null when no customer has this id. */
  async getCustomer(id: string): Promise<Customer | null> {
    return UUID.test(id) ? this.customers.findById(id) : null;
  }

  /** The customer the shop knows by `externalId` (identity verification hands us that), or null. */
  getCustomerByExternalId(externalId: string): Promise<Customer | null> {
    return this.customers.findByExternalId(externalId);
  }

  /** Customer with their most recent orders (staff API); NOT_FOUND when absent. */
  async customerWithOrders(id: string, limit = 50): Promise<Customer & { orders: Order[] }> {
    const customer = await this.getCustomer(id);
    if (!customer) throw new NotFoundError('customer', id);
    return Object.assign(customer, { orders: await this.orders.forCustomer(id, limit) });
  }

  /** Most recent orders first, with lines. */
  ordersForCustomer(customerId: string, limit = 20): Promise<Order[]> {
    if (!UUID.test(customerId)) return Promise.resolve([]);
    return this.orders.forCustomer(customerId, limit);
  }

  listOrders(filter: {
    customerId?: string;
    status?: OrderStatus;
    page: number;
    pageSize: number;
  }) {
    return this.orders.list(filter);
  }

  /** Throws NOT_FOUND when absent (staff API). */
  async getOrder(id: string): Promise<Order> {
    const order = UUID.test(id) ? await this.orders.findById(id) : null;
    if (!order) throw new NotFoundError('order', id);
    return order;
  }

  /** The order with this shopper-facing number (with lines), or null. Callers check ownership. */
  findOrderByNumber(number: string): Promise<Order | null> {
    return this.orders.findByNumber(number.trim());
  }

  /**
   * Cancels the order if it has not shipped yet (pending, paid, processing); otherwise
   * ORDER_NOT_CANCELLABLE (409). The customer's `order_cancelled` behaviour event is written in
   * the same transaction (the same event a later sync of the cancelled order would imply, so it
   * counts once). Returns the change for the caller to record in its own history.
   */
  async cancelOrder(
    orderId: string,
    by: ChangeActor,
  ): Promise<{ order: Order; change: OrderChange }> {
    const at = new Date();
    const before = await this.getOrder(orderId);
    const prev = await this.dataSource.transaction(async (manager: EntityManager) => {
      const changed = await this.orders.updateIfStatus(
        orderId,
        CANCELLABLE_STATUSES,
        { status: 'cancelled', cancelledAt: at },
        manager,
      );
      if (changed) {
        const events = orderLifecycleEvents(
          {
            ...before,
            status: 'cancelled',
            cancelledAt: at,
            items: (before.items ?? []).reduce((sum, line) => sum + line.quantity, 0),
          },
          at,
          at,
          by.kind,
        );
        await appendEvents(manager, events);
      }
      return changed;
    });
    if (!prev) {
      throw new OrderStatusError(
        'ORDER_NOT_CANCELLABLE',
        (await this.orders.statusOf(orderId)) ?? before.status,
      );
    }
    return {
      order: await this.getOrder(orderId),
      change: {
        kind: 'order.cancelled',
        orderId,
        customerId: before.customerId,
        from: prev.previousStatus,
        to: 'cancelled',
        by,
        at,
      },
    };
  }

  /**
   * Replaces the shipping address while the order has not shipped; otherwise
   * ADDRESS_CHANGE_NOT_ALLOWED (409). An incomplete address is INVALID_ADDRESS (400).
   */
  async changeShippingAddress(
    orderId: string,
    address: PostalAddress,
    by: ChangeActor = { kind: 'system' },
  ): Promise<{ order: Order; change: OrderChange }> {
    const checked = checkAddress(address);
    const before = await this.getOrder(orderId);
    const prev = await this.orders.updateIfStatus(orderId, ADDRESS_CHANGEABLE_STATUSES, {
      shippingAddress: checked,
    });
    if (!prev) {
      throw new OrderStatusError(
        'ADDRESS_CHANGE_NOT_ALLOWED',
        (await this.orders.statusOf(orderId)) ?? before.status,
      );
    }
    return {
      order: await this.getOrder(orderId),
      change: {
        kind: 'order.address_changed',
        orderId,
        customerId: before.customerId,
        from: prev.previousAddress,
        to: checked,
        by,
        at: new Date(),
      },
    };
  }

  /**
   * Active products by units sold in the last 90 days (then the rest), those out of stock last,
   * optionally in a category.
   */
  popularProducts(options: { category?: string; limit: number }): Promise<PopularProduct[]> {
    return this.products.popular({ ...options, days: POPULAR_WINDOW_DAYS });
  }

  /** Categories of active products with their product counts, alphabetically. */
  categories(): Promise<{ category: string; productCount: number }[]> {
    return this.products.categories();
  }

  /** Active products matching every word of `q` (title, SKU, description, category). */
  searchProducts(q: string, limit = 10): Promise<Product[]> {
    return this.products.search(q, limit);
  }
}

function checkAddress(address: PostalAddress): PostalAddress {
  const dto = plainToInstance(PostalAddressDto, address);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const messages = describeErrors(errors);
    throw new CommerceError(
      'INVALID_ADDRESS',
      `invalid address: ${messages.join('; ')}`,
      400,
      messages,
    );
  }
  return { ...dto };
}
