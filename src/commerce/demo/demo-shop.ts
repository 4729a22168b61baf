import { CustomerRowDto, OrderRowDto, ProductRowDto } from '../dto/bulk-rows.dto';
import { generateCustomers } from './customer-generator';
import { DemoRandom } from './demo-random';
import { generateOrders } from './order-generator';
import { generateProducts } from './product-generator';

export interface DemoShop {
  products: ProductRowDto[];
  customers: CustomerRowDto[];
  orders: OrderRowDto[];
}

/** Seed used by `seed demo` and first start; tests pass others. */
export const DEMO_SEED = 20_241_129;

/**
 * The whole demo shop, deterministic for a given seed and `now` (order dates are relative to
 * `now`, so a freshly seeded shop always has recent orders in flight).
 */
export function generateDemoShop(options: { seed?: number; now?: Date } = {}): DemoShop {
  const random = new DemoRandom(options.seed ?? DEMO_SEED);
  const now = options.now ?? new Date();
  const products = generateProducts(random);
  const customers = generateCustomers(random, now);
  const orders = generateOrders(random, now, customers, products);
  return { products, customers: customers.map((c) => c.row), orders };
}
