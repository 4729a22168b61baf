import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CustomerRowDto, OrderRowDto, ProductRowDto } from '../dto/bulk-rows.dto';
import { DEMO_SEGMENTS } from './customer-generator';
import { generateDemoShop } from './demo-shop';

const NOW = new Date('2026-06-15T12:00:00Z');
const DAY = 86_400_000;

describe('demo shop generator', () => {
  const shop = generateDemoShop({ seed: 7, now: NOW });

  it('is deterministic: same seed and time, same shop; another seed, another shop', () => {
    expect(generateDemoShop({ seed: 7, now: NOW })).toEqual(shop);
    const other = generateDemoShop({ seed: 8, now: NOW });
    expect(other.products.map((p) => p.title)).not.toEqual(shop.products.map((p) => p.title));
  });

  it('has the promised sizes: ≥ 200 products in ≥ 8 categories, 500 customers, thousands of orders', () => {
    expect(shop.products.length).toBeGreaterThanOrEqual(200);
    expect(new Set(shop.products.map((p) => p.category)).size).toBeGreaterThanOrEqual(8);
    expect(shop.customers).toHaveLength(500);
    expect(shop.orders.length).toBeGreaterThanOrEqual(3000);
    expect(new Set(shop.products.map((p) => p.title)).size).toBe(shop.products.length);
    expect(new Set(shop.orders.map((o) => o.number)).size).toBe(shop.orders.length);
  });

  it('produces rows the ingestion API itself accepts', () => {
    const invalid = [
      ...shop.products.map((r) =>
        validateSync(plainToInstance(ProductRowDto, r), {
          forbidNonWhitelisted: true,
          whitelist: true,
        }),
      ),
      ...shop.customers.map((r) =>
        validateSync(plainToInstance(CustomerRowDto, r), {
          forbidNonWhitelisted: true,
          whitelist: true,
        }),
      ),
      ...shop.orders.map((r) =>
        validateSync(plainToInstance(OrderRowDto, r), {
          forbidNonWhitelisted: true,
          whitelist: true,
        }),
      ),
    ].filter((errors) => errors.length > 0);
    expect(invalid).toEqual([]);
  });

  it('keeps every order within the last year and references existing rows', () => {
    const customers = new Set(shop.customers.map((c) => c.externalId));
    const products = new Set(shop.products.map((p) => p.externalId));
    const wrong = shop.orders.filter(
      (order) =>
        Date.parse(order.placedAt) > NOW.getTime() ||
        Date.parse(order.placedAt) <= NOW.getTime() - 366 * DAY ||
        !customers.has(order.customerExternalId) ||
        order.items.some((item) => !products.has(item.productExternalId!)),
    );
    expect(wrong).toEqual([]);
  });

  it('has orders in every status: recent ones in flight with tracking and ETA, old ones settled', () => {
    const byStatus = new Map<string, OrderRowDto[]>();
    for (const o of shop.orders) byStatus.set(o.status, [...(byStatus.get(o.status) ?? []), o]);
    for (const s of [
      'pending',
      'paid',
      'processing',
      'shipped',
      'delivered',
      'cancelled',
      'returned',
      'refunded',
    ])
      expect(byStatus.get(s)?.length ?? 0).toBeGreaterThan(0);
    const ageDays = (o: OrderRowDto) => (NOW.getTime() - Date.parse(o.placedAt)) / DAY;
    for (const o of byStatus.get('shipped')!) {
      expect(o.trackingUrl).toMatch(/^https:\/\//);
      expect(o.eta).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(ageDays(o)).toBeLessThan(10);
    }
    for (const s of ['pending', 'paid', 'processing'])
      for (const o of byStatus.get(s)!) expect(ageDays(o)).toBeLessThan(2);
    expect(byStatus.get('delivered')!.length).toBeGreaterThan(shop.orders.length * 0.8);
  });

  it('gives customers Chinese and English locales and @example.com addresses', () => {
    const zh = shop.customers.filter((c) => c.locale === 'zh');
    expect(zh.length).toBeGreaterThan(50);
    expect(zh.length).toBeLessThan(400);
    expect(shop.customers.every((c) => c.email!.endsWith('@example.com'))).toBe(true);
    expect(new Set(shop.customers.map((c) => c.email)).size).toBe(500);
  });

  it('encodes a learnable churn signal: churned and declining customers stopped buying', () => {
    const last = new Map<string, number>();
    for (const o of shop.orders)
      last.set(
        o.customerExternalId,
        Math.max(last.get(o.customerExternalId) ?? 0, Date.parse(o.placedAt)),
      );
    const recency = (segment: string) => {
      const days = shop.customers
        .filter((c) => c.attributes!.demoSegment === segment)
        .map((c) => (NOW.getTime() - last.get(c.externalId)!) / DAY)
        .sort((a, b) => a - b);
      return days[Math.floor(days.length / 2)];
    };
    expect(new Set(shop.customers.map((c) => c.attributes!.demoSegment))).toEqual(
      new Set(DEMO_SEGMENTS),
    );
    // Median days since the last order, by latent segment.
    expect(recency('churned')).toBeGreaterThan(120);
    expect(recency('declining')).toBeGreaterThan(45);
    expect(recency('loyal')).toBeLessThan(40);
    expect(recency('growing')).toBeLessThan(40);
    expect(recency('churned')).toBeGreaterThan(3 * recency('loyal'));
  });
});
