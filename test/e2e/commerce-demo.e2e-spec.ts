import request from 'supertest';
import { DataSource } from 'typeorm';
import { DemoSeedService } from '../../src/commerce/demo/demo-seed.service';
import { backends } from '../support/databases';
import { createTestApp, TestApp } from '../support/test-app';

const ADMIN = { email: 'admin@concierge.local', password: 'concierge-admin' };

async function tableCounts(t: TestApp) {
  const [row] = await t.app.get(DataSource).query(
    `SELECT (SELECT COUNT(*) FROM products) AS products, (SELECT COUNT(*) FROM customers) AS customers,
            (SELECT COUNT(*) FROM orders) AS orders, (SELECT COUNT(*) FROM order_items) AS items`,
  );
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

describe.each(backends())('demo shop on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    // SEED_DEMO=auto: loaded at start because the catalogue is empty.
    t = await createTestApp(backend, { env: { SEED_DEMO: 'auto' } });
  });
  afterAll(() => t?.close());

  it('is loaded on first start with the promised sizes, listed for an admin', async () => {
    const counts = await tableCounts(t);
    expect(counts.products).toBeGreaterThanOrEqual(200);
    expect(counts.customers).toBe(500);
    expect(counts.orders).toBeGreaterThanOrEqual(3000);
    const http = t.app.getHttpServer();
    const token = (await request(http).post('/api/auth/login').send(ADMIN).expect(200)).body
      .accessToken;
    const products = await request(http)
      .get('/api/products?pageSize=5')
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    expect(products.body.total).toBe(counts.products);
    expect(products.body.items).toHaveLength(5);
    expect(products.body.items[0].imageUrl).toMatch(/^data:image\/svg\+xml,/);
    const shipped = await request(http)
      .get('/api/orders?status=shipped')
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    expect(shipped.body.total).toBeGreaterThan(0);
    expect(shipped.body.items[0].trackingUrl).toBeTruthy();
  });

  it('shows the storefront in Chinese with Chinese category names and product titles', async () => {
    const http = t.app.getHttpServer();
    const zh = (await request(http).get('/zh').expect(200)).text;
    expect(zh).toContain('<span>鞋类</span>');
    expect(zh).not.toContain('<span>shoes</span>');
    // Every demo product has a Chinese title ("Brand 跑步鞋"): the cards use them.
    const titles = [...zh.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1]);
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.every((title) => /\p{Script=Han}/u.test(title))).toBe(true);
    const en = (await request(http).get('/').expect(200)).text;
    expect(en).toContain('<span>Shoes</span>');
    expect([...en.matchAll(/<h3>([^<]+)<\/h3>/g)].some((m) => /\p{Script=Han}/u.test(m[1]))).toBe(
      false,
    );
  });

  it("serves the demo products' own pages, linked from the storefront", async () => {
    const http = t.app.getHttpServer();
    const home = (await request(http).get('/').expect(200)).text;
    const link = /class="product" href="(\/shop\/products\/[^"]+)"/.exec(home)![1];
    const page = await request(http).get(link).expect(200);
    expect(page.text).toContain('<h1>');
    expect(page.text).toContain('"product_view"');
    const zhLink = /class="product" href="(\/zh\/shop\/products\/[^"]+)"/.exec(
      (await request(http).get('/zh').expect(200)).text,
    )![1];
    const zh = (await request(http).get(zhLink).expect(200)).text;
    expect(/<h1>[^<]*\p{Script=Han}/u.test(zh)).toBe(true);
    await request(http).get('/shop/products/no-such-sku').expect(404);
  });

  it('does not duplicate on a re-run, and --reset reloads to the same sizes', async () => {
    const before = await tableCounts(t);
    const seeder = t.app.get(DemoSeedService);
    const again = await seeder.seed();
    expect(again.loaded).toBe(false);
    expect(await tableCounts(t)).toEqual(before);
    const reset = await seeder.seed({ reset: true });
    expect(reset).toMatchObject({ loaded: true, customers: 500 });
    expect(await tableCounts(t)).toEqual(before);
  });

  it('keeps the latent segment of each demo customer as ground truth', async () => {
    const rows: { segment: string; n: string | number }[] = await t.app
      .get(DataSource)
      .query(
        `SELECT attributes->>'demoSegment' AS segment, COUNT(*) AS n FROM customers GROUP BY 1 ORDER BY 1`,
      );
    expect(rows.map((r) => r.segment)).toEqual([
      'churned',
      'declining',
      'growing',
      'loyal',
      'new',
      'occasional',
    ]);
  });
});
