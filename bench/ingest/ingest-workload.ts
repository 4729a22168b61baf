/**
 * Rows for the ingestion benchmark: realistic sizes (a product with description and attributes,
 * a customer with contact fields, an order with two lines and an address), unique per run so
 * every run measures inserts into a table that keeps growing, as a real import does.
 */
export type Entity = 'products' | 'customers' | 'orders';

export function productRows(run: string, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    externalId: `${run}-p-${i}`,
    sku: `${run.toUpperCase()}-${i}`,
    title: `Bench Product ${i} Wireless Headphones`,
    description: 'Closed-back wireless headphones with 30 hours of battery and a soft carry case.',
    category: `category-${i % 10}`,
    price: 10 + (i % 90) + 0.99,
    currency: 'USD',
    imageUrl: `/img/${run}/${i}.png`,
    stock: i % 50,
    attributes: { color: 'black', weightGrams: 250 + (i % 40) },
  }));
}

export function customerRows(run: string, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    externalId: `${run}-c-${i}`,
    email: `bench.${run}.${i}@example.com`,
    firstName: 'Ada',
    lastName: `Bench${i}`,
    phone: '+1 555 0100',
    locale: i % 5 === 0 ? 'zh' : 'en',
    country: 'US',
    city: 'Portland',
    signedUpAt: '2025-01-01T00:00:00Z',
  }));
}

/** Orders reference the run's customers and products, which must be written first. */
export function orderRows(run: string, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    externalId: `${run}-o-${i}`,
    number: `${run.toUpperCase()}${i}`,
    customerExternalId: `${run}-c-${i}`,
    status: 'delivered',
    placedAt: '2026-10-01T10:00:00Z',
    shippingAddress: { line1: '1 Bench Street', city: 'Portland', country: 'US' },
    items: [
      { productExternalId: `${run}-p-${i}`, quantity: 1 },
      { productExternalId: `${run}-p-${(i + 1) % count}`, quantity: 2 },
    ],
  }));
}

export const ROWS: Record<Entity, (run: string, count: number) => Record<string, unknown>[]> = {
  products: productRows,
  customers: customerRows,
  orders: orderRows,
};
