import request from 'supertest';
import { CommerceService } from '../../src/commerce/commerce.service';
import { backends } from '../support/databases';
import { rawPost } from '../support/raw-request';
import { createTestApp, TestApp } from '../support/test-app';

const ADMIN = { email: 'admin@concierge.local', password: 'concierge-admin' };
const AGENT = {
  email: 'agent@example.com',
  password: 'agent-password-1',
  role: 'agent',
  name: 'Agent',
};

const product = (overrides: Record<string, unknown> = {}) => ({
  title: 'Aurora Wireless Headphones',
  price: 79.9,
  sku: 'EL-1',
  category: 'electronics',
  ...overrides,
});
const order = (overrides: Record<string, unknown> = {}) => ({
  customerExternalId: 'c-1',
  status: 'paid',
  placedAt: new Date().toISOString(),
  items: [{ productExternalId: 'p-1', quantity: 2 }],
  ...overrides,
});

describe.each(backends())('commerce ingestion on %s', (backend) => {
  let t: TestApp;
  let http: ReturnType<TestApp['app']['getHttpServer']>;
  let key: string;
  let admin: string;
  let agent: string;

  const put = (path: string, body: unknown) =>
    request(http)
      .put(path)
      .set('x-api-key', key)
      .send(body as object);
  const bulk = (what: string, items: unknown[]) =>
    request(http).post(`/api/${what}/bulk`).set('x-api-key', key).send({ items });
  const asAgent = (path: string) => request(http).get(path).set('authorization', `Bearer ${agent}`);

  beforeAll(async () => {
    t = await createTestApp(backend, { env: { LOGIN_RATE_LIMIT: '1000' } });
    http = t.app.getHttpServer();
    admin = (await request(http).post('/api/auth/login').send(ADMIN).expect(200)).body.accessToken;
    key = (
      await request(http)
        .post('/api/api-keys')
        .set('authorization', `Bearer ${admin}`)
        .send({ name: 'shop backend' })
        .expect(201)
    ).body.key;
    await request(http)
      .post('/api/staff')
      .set('authorization', `Bearer ${admin}`)
      .send(AGENT)
      .expect(201);
    agent = (
      await request(http)
        .post('/api/auth/login')
        .send({ email: AGENT.email, password: AGENT.password })
        .expect(200)
    ).body.accessToken;
  });
  afterAll(() => t?.close());

  it('upserts products, a customer and an order by external id, and lists them for staff', async () => {
    expect((await put('/api/products/p-1', product()).expect(200)).body).toEqual({
      externalId: 'p-1',
      created: true,
    });
    await put(
      '/api/products/p-2',
      product({ title: 'Lumen Table Lamp', sku: 'HK-7', price: 40, category: 'home' }),
    ).expect(200);
    await put('/api/customers/c-1', {
      email: 'ada@example.com',
      firstName: 'Ada',
      locale: 'zh',
      country: 'CN',
    }).expect(200);
    await put(
      '/api/orders/o-1',
      order({
        number: 'A1001',
        items: [
          { productExternalId: 'p-1', quantity: 2 },
          { sku: 'HK-7', quantity: 1 },
        ],
      }),
    ).expect(200);

    // A second PUT replaces, it does not duplicate.
    expect(
      (await put('/api/products/p-1', product({ price: 69.5 })).expect(200)).body.created,
    ).toBe(false);
    const list = await asAgent('/api/products?category=electronics').expect(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ externalId: 'p-1', price: 69.5 });
    const search = await asAgent('/api/products?q=lamp').expect(200);
    expect(search.body.items.map((p: { externalId: string }) => p.externalId)).toEqual(['p-2']);

    const customers = await asAgent('/api/customers').expect(200);
    const customerId = customers.body.items.find(
      (c: { externalId: string }) => c.externalId === 'c-1',
    ).id;
    const orders = await asAgent(`/api/orders?customerId=${customerId}&status=paid`).expect(200);
    expect(orders.body.total).toBe(1);
    // Lines took the product prices at ingestion time (79.9 × 2 + 40).
    expect(orders.body.items[0]).toMatchObject({ number: 'A1001', total: 199.8, status: 'paid' });
    expect(orders.body.items[0].items).toHaveLength(2);
    const detail = await asAgent(`/api/customers/${customerId}`).expect(200);
    expect(detail.body.orders.map((o: { number: string }) => o.number)).toEqual(['A1001']);
    const one = await asAgent(`/api/orders/${orders.body.items[0].id}`).expect(200);
    expect(one.body.customer.externalId).toBe('c-1');
    await asAgent('/api/orders/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('refuses an order naming an unknown customer or product with 422 and the missing id', async () => {
    const c = await put('/api/orders/o-x', order({ customerExternalId: 'ghost' })).expect(422);
    expect(c.body.error.code).toBe('UNKNOWN_CUSTOMER');
    expect(c.body.error.message).toContain('ghost');
    const p = await put(
      '/api/orders/o-x',
      order({ items: [{ sku: 'NOPE-1', quantity: 1 }] }),
    ).expect(422);
    expect(p.body.error.code).toBe('UNKNOWN_PRODUCT');
    expect(p.body.error.message).toContain('NOPE-1');
    const all = await asAgent('/api/orders').expect(200);
    expect(all.body.items.map((o: { externalId: string }) => o.externalId)).not.toContain('o-x');
  });

  it.each([
    ['a wrong type', product({ price: '12' })],
    ['a missing field', { price: 10 }],
    ['an unknown field', product({ colour: 'red' })],
    ['a negative price', product({ price: -1 })],
    ['three decimals', product({ price: 1.005 })],
  ])('rejects a product with %s: 400 VALIDATION_FAILED, nothing written', async (_, body) => {
    const res = await put('/api/products/bad-1', body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toBeTruthy();
    expect((await asAgent('/api/products?q=bad').expect(200)).body.total).toBe(0);
    expect(
      (await asAgent('/api/products').expect(200)).body.items.map(
        (p: { externalId: string }) => p.externalId,
      ),
    ).not.toContain('bad-1');
  });

  it('rejects an order with an unknown status or an empty item list', async () => {
    const status = await put('/api/orders/o-bad', order({ status: 'lost' })).expect(400);
    expect(status.body.error.message).toMatch(/status/);
    await put('/api/orders/o-bad', order({ items: [] })).expect(400);
    await put('/api/orders/o-bad', order({ items: [{ quantity: 1 }] })).expect(400);
  });

  it('rejects a 10 MB body (413) and invalid UTF-8 (400) without writing', async () => {
    const big = await bulk('products', [product({ description: 'x'.repeat(10 * 1024 * 1024) })]);
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const bytes = Buffer.concat([
      Buffer.from('{"items":[{"externalId":"utf","title":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('","price":1}]}'),
    ]);
    const bad = await rawPost(http, '/api/products/bulk', bytes, 'application/json', {
      'x-api-key': key,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('INVALID_UTF8');
    expect(
      (await asAgent('/api/products?q=x').expect(200)).body.items.map(
        (p: { externalId: string }) => p.externalId,
      ),
    ).not.toContain('utf');
  });

  it('writes a bulk request all or nothing and names the failing row', async () => {
    const good = [0, 1, 2].map((i) => ({
      externalId: `b-${i}`,
      ...product({ title: `Bulk Widget ${i}`, sku: `BW-${i}` }),
    }));
    const bad = await bulk('products', [
      ...good,
      { externalId: 'b-3', title: 'Broken', price: -5 },
    ]).expect(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.details.index).toBe(3);
    expect((await asAgent('/api/products?q=Bulk').expect(200)).body.total).toBe(0);

    expect((await bulk('products', good).expect(200)).body).toEqual({ created: 3, updated: 0 });
    expect((await bulk('products', good).expect(200)).body).toEqual({ created: 0, updated: 3 });

    const dup = await bulk('customers', [{ externalId: 'bc-1' }, { externalId: 'bc-1' }]).expect(
      400,
    );
    expect(dup.body.error).toMatchObject({
      code: 'DUPLICATE_EXTERNAL_ID',
      details: { index: 1, firstIndex: 0 },
    });

    await bulk('customers', [{ externalId: 'bc-1', email: 'b@example.com' }]).expect(200);
    const orders = await bulk('orders', [
      { externalId: 'bo-1', ...order({ customerExternalId: 'bc-1' }) },
      {
        externalId: 'bo-2',
        ...order({
          customerExternalId: 'bc-1',
          items: [{ productExternalId: 'gone', quantity: 1 }],
        }),
      },
    ]).expect(422);
    expect(orders.body.error).toMatchObject({
      code: 'UNKNOWN_PRODUCT',
      details: { index: 1, reference: 'gone' },
    });
    const listed = await asAgent('/api/orders').expect(200);
    expect(listed.body.items.map((o: { externalId: string }) => o.externalId)).not.toContain(
      'bo-1',
    );

    const taken = await bulk('orders', [
      { externalId: 'bo-3', ...order({ customerExternalId: 'bc-1', number: 'N-3' }) },
      { externalId: 'bo-4', ...order({ customerExternalId: 'bc-1', number: 'A1001' }) },
    ]).expect(409);
    expect(taken.body.error).toMatchObject({ code: 'ORDER_NUMBER_TAKEN', details: { index: 1 } });
    const single = await put('/api/orders/o-other', order({ number: 'A1001' })).expect(409);
    expect(single.body.error.code).toBe('ORDER_NUMBER_TAKEN');

    const notAnObject = await bulk('customers', [{ externalId: 'ok' }, 'nope']).expect(400);
    expect(notAnObject.body.error.details.index).toBe(1);
  });

  it('refuses more rows than the documented limit with 413 BULK_TOO_LARGE', async () => {
    const items = Array.from({ length: 1001 }, (_, i) => ({ externalId: `many-${i}` }));
    const res = await bulk('customers', items).expect(413);
    expect(res.body.error).toMatchObject({ code: 'BULK_TOO_LARGE', details: { limit: 1000 } });
  });

  it('requires a valid API key to write, and staff roles to read', async () => {
    const none = await request(http).put('/api/products/p-9').send(product()).expect(401);
    expect(none.body.error.code).toBe('UNAUTHORIZED');
    await request(http)
      .put('/api/products/p-9')
      .set('x-api-key', 'ck_wrong')
      .send(product())
      .expect(401);
    await request(http).post('/api/products/bulk').send({ items: [] }).expect(401);
    const agentWrite = await request(http)
      .put('/api/products/p-9')
      .set('authorization', `Bearer ${agent}`)
      .send(product())
      .expect(403);
    expect(agentWrite.body.error.code).toBe('FORBIDDEN');
    await request(http)
      .post('/api/api-keys')
      .set('authorization', `Bearer ${agent}`)
      .send({ name: 'x' })
      .expect(403);
    // An admin's JWT may write too (e.g. a manual fix from the console).
    await request(http)
      .put('/api/products/p-9')
      .set('authorization', `Bearer ${admin}`)
      .send(product({ title: 'Admin Fix' }))
      .expect(200);
    await request(http).get('/api/products').expect(401);
    await request(http).get('/api/products').set('x-api-key', key).expect(401);
  });

  it('cancels and re-addresses orders only while their status allows, and reports the change', async () => {
    const commerce = t.app.get(CommerceService);
    await put('/api/orders/o-ship', order({ number: 'A2001', status: 'shipped' })).expect(200);
    await put('/api/orders/o-new', order({ number: 'A2002', status: 'pending' })).expect(200);
    const shipped = (await commerce.findOrderByNumber('A2001'))!;
    const pending = (await commerce.findOrderByNumber(' A2002 '))!;
    expect(pending.items).toHaveLength(1);

    const moved = await commerce.changeShippingAddress(pending.id, {
      line1: '1 New Road',
      city: 'Leeds',
      country: 'GB',
    });
    expect(moved.order.shippingAddress).toMatchObject({ city: 'Leeds' });
    expect(moved.change).toMatchObject({ kind: 'order.address_changed', from: null });
    await expect(
      commerce.changeShippingAddress(pending.id, { line1: '', city: 'Leeds', country: 'gb' }),
    ).rejects.toMatchObject({ code: 'INVALID_ADDRESS' });

    const cancelled = await commerce.cancelOrder(pending.id, {
      kind: 'customer',
      id: pending.customerId,
    });
    expect(cancelled.order.status).toBe('cancelled');
    expect(cancelled.order.cancelledAt).not.toBeNull();
    expect(cancelled.change).toMatchObject({
      kind: 'order.cancelled',
      from: 'pending',
      to: 'cancelled',
    });

    await expect(commerce.cancelOrder(shipped.id, { kind: 'bot' })).rejects.toMatchObject({
      code: 'ORDER_NOT_CANCELLABLE',
      status: 409,
    });
    await expect(commerce.cancelOrder(pending.id, { kind: 'bot' })).rejects.toMatchObject({
      code: 'ORDER_NOT_CANCELLABLE',
    });
    await expect(
      commerce.changeShippingAddress(shipped.id, {
        line1: '2 Old Road',
        city: 'York',
        country: 'GB',
      }),
    ).rejects.toMatchObject({ code: 'ADDRESS_CHANGE_NOT_ALLOWED' });
    expect((await commerce.findOrderByNumber('A2001'))!.status).toBe('shipped');
    expect(await commerce.findOrderByNumber('A9999')).toBeNull();
  });

  it('ranks popular products by units sold and searches the catalogue', async () => {
    const commerce = t.app.get(CommerceService);
    await put('/api/customers/c-pop', {}).expect(200);
    await put(
      '/api/products/pop-a',
      product({ title: 'Kestrel Trail Shoes', sku: 'SH-A', category: 'shoes' }),
    ).expect(200);
    await put(
      '/api/products/pop-b',
      product({ title: 'Pebble Canvas Sneakers', sku: 'SH-B', category: 'shoes' }),
    ).expect(200);
    await put(
      '/api/orders/pop-1',
      order({
        customerExternalId: 'c-pop',
        number: 'P1',
        items: [{ productExternalId: 'pop-b', quantity: 5 }],
      }),
    ).expect(200);
    await put(
      '/api/orders/pop-2',
      order({
        customerExternalId: 'c-pop',
        number: 'P2',
        items: [{ productExternalId: 'pop-a', quantity: 1 }],
      }),
    ).expect(200);
    // Units in a cancelled order do not count.
    await put(
      '/api/orders/pop-3',
      order({
        customerExternalId: 'c-pop',
        number: 'P3',
        status: 'cancelled',
        items: [{ productExternalId: 'pop-a', quantity: 9 }],
      }),
    ).expect(200);
    // The best seller, sold out: shown last (it cannot be bought right now).
    await put(
      '/api/products/pop-c',
      product({ title: 'Juniper Court Shoes', sku: 'SH-C', category: 'shoes', stock: 0 }),
    ).expect(200);
    await put(
      '/api/orders/pop-4',
      order({
        customerExternalId: 'c-pop',
        number: 'P4',
        items: [{ productExternalId: 'pop-c', quantity: 20 }],
      }),
    ).expect(200);
    const popular = await commerce.popularProducts({ category: 'shoes', limit: 5 });
    expect(popular.map((p) => [p.externalId, p.unitsSold])).toEqual([
      ['pop-b', 5],
      ['pop-a', 1],
      ['pop-c', 20],
    ]);
    expect((await commerce.categories()).map((c) => c.category)).toEqual(
      expect.arrayContaining(['electronics', 'home', 'shoes']),
    );
    expect((await commerce.searchProducts('trail shoes')).map((p) => p.externalId)).toEqual([
      'pop-a',
    ]);
    expect(await commerce.searchProducts('100%')).toEqual([]);
    const byExternal = await commerce.getCustomerByExternalId('c-pop');
    expect((await commerce.ordersForCustomer(byExternal!.id, 2)).map((o) => o.number)).toHaveLength(
      2,
    );
    expect(await commerce.getCustomer('not-a-uuid')).toBeNull();
  });
});
