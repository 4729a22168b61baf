import { createHmac, randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { QUEUE_DRIVER, QueueDriver } from '../../src/queue/queue-driver';
import { OutboxRelay } from '../../src/signals/outbox-relay';
import { backfillOrderEvents } from '../../src/signals/order-backfill';
import { replayProfiles } from '../../src/signals/profile-replay';
import { backends } from '../support/databases';
import { createTestApp, TestApp } from '../support/test-app';

const ADMIN = { email: 'admin@concierge.local', password: 'concierge-admin' };
const AGENT = {
  email: 'agent@example.com',
  name: 'Agent',
  password: 'agent-password-1',
  role: 'agent',
};
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();

/** Rows that make up the derived state, without the bookkeeping timestamps of the write. */
async function derivedState(ds: DataSource) {
  return {
    profiles: (await ds.query(`SELECT * FROM customer_profiles ORDER BY customer_id`)).map(
      (row: Record<string, unknown>) => {
        // When the row was written differs between live and replay; nothing else may.
        const copy = { ...row };
        delete copy.updated_at;
        delete copy.stage_computed_at;
        return copy;
      },
    ),
    rollups: await ds.query(`SELECT * FROM customer_daily_rollups ORDER BY customer_id, day`),
    conversations: await ds.query(
      `SELECT * FROM customer_conversations ORDER BY customer_id, conversation_id`,
    ),
  };
}

describe.each(backends())('behaviour signals on %s', (backend) => {
  let t: TestApp;
  let http: ReturnType<TestApp['app']['getHttpServer']>;
  let key: string;
  let agent: string;
  let ds: DataSource;

  const batch = (events: unknown[]) =>
    request(http).post('/api/events/batch').set('x-api-key', key).send({ events });
  const profile = (id: string) =>
    request(http).get(`/api/customers/${id}/profile`).set('authorization', `Bearer ${agent}`);
  /** Relays everything committed and waits until the processors are idle. */
  const settle = async () => {
    await t.app.get(OutboxRelay).flush();
    await t.app.get<QueueDriver>(QUEUE_DRIVER).drain(30_000);
  };

  beforeAll(async () => {
    t = await createTestApp(backend, {
      env: {
        LOGIN_RATE_LIMIT: '1000',
        SIGNALS_TRACK_PER_MINUTE: '5',
        SIGNALS_CHURN_DEBOUNCE_MS: '0',
      },
    });
    http = t.app.getHttpServer();
    ds = t.app.get(DataSource);
    const admin = (await request(http).post('/api/auth/login').send(ADMIN).expect(200)).body
      .accessToken;
    key = (
      await request(http)
        .post('/api/api-keys')
        .set('authorization', `Bearer ${admin}`)
        .send({ name: 'shop' })
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
    for (const id of ['c-1', 'c-2', 'c-3'])
      await request(http)
        .put(`/api/customers/${id}`)
        .set('x-api-key', key)
        .send({ email: `${id}@example.com` })
        .expect(200);
  });
  afterAll(() => t?.close());

  it('turns shop and chat events into a profile, ignoring a resent batch', async () => {
    const events = [
      {
        id: randomUUID(),
        type: 'order_placed',
        customerExternalId: 'c-1',
        occurredAt: daysAgo(200),
        payload: { orderId: 'o1', total: 80 },
      },
      {
        id: randomUUID(),
        type: 'order_placed',
        customerExternalId: 'c-1',
        occurredAt: daysAgo(5),
        payload: { orderId: 'o2', total: 40.5 },
      },
      {
        id: randomUUID(),
        type: 'order_refunded',
        customerExternalId: 'c-1',
        occurredAt: daysAgo(4),
        payload: { orderId: 'o2', amount: 10.25 },
      },
      {
        id: randomUUID(),
        type: 'order_returned',
        customerExternalId: 'c-1',
        occurredAt: daysAgo(4),
        payload: { orderId: 'o2' },
      },
      {
        id: randomUUID(),
        type: 'chat_message',
        customerExternalId: 'c-1',
        occurredAt: daysAgo(3),
        payload: { intent: 'complaint', sentiment: -0.9 },
      },
      {
        id: randomUUID(),
        type: 'chat_message',
        customerExternalId: 'c-1',
        occurredAt: daysAgo(3),
        payload: { intent: 'track_order', sentiment: 0.2 },
      },
      {
        id: randomUUID(),
        type: 'chat_escalated',
        customerExternalId: 'c-1',
        occurredAt: daysAgo(3),
        payload: { reason: 'negative_complaint' },
      },
      {
        id: randomUUID(),
        type: 'chat_rated',
        customerExternalId: 'c-1',
        occurredAt: daysAgo(2),
        payload: { rating: 2 },
      },
      {
        id: randomUUID(),
        type: 'product_view',
        customerExternalId: 'c-1',
        occurredAt: daysAgo(1),
        payload: { productId: 'p-1' },
      },
    ];
    expect((await batch(events).expect(201)).body).toEqual({ accepted: 9, duplicates: 0 });
    expect((await batch(events).expect(201)).body).toEqual({ accepted: 0, duplicates: 9 });
    await settle();
    await settle();

    const p = (await profile('c-1').expect(200)).body;
    expect(p).toMatchObject({
      lifecycleStage: 'reactivated',
      orders: 2,
      ordersLast90Days: 1,
      orderValue: 120.5,
      refundValue: 10.25,
      monetaryValue: 110.25,
      spendLast90Days: 30.25,
      refunds: 1,
      returns: 1,
      complaints: 1,
      complaintsLast30Days: 1,
      escalations: 1,
      messages: 2,
      negativeSentimentShare: 0.5,
      averageRating: 2,
      lastRating: 2,
      daysSinceLastOrder: 5,
      daysSinceLastContact: 3,
      tenureDays: 200,
      storefront: { pageViews: 0, productViews: 1, searches: 0, addToCarts: 0 },
    });
    // The same profile by internal id; staff only.
    expect((await profile(p.customerId).expect(200)).body.orders).toBe(2);
    await request(http).get('/api/customers/c-1/profile').expect(401);
    await profile('nobody').expect(404);
  });

  it('counts the orders the shop syncs, each once however often and however it is reported', async () => {
    await request(http)
      .put('/api/products/p-sync')
      .set('x-api-key', key)
      .send({ title: 'Tent', price: 120 })
      .expect(200);
    const syncOrder = (id: string, fields: Record<string, unknown>) =>
      request(http)
        .put(`/api/orders/${id}`)
        .set('x-api-key', key)
        .send({
          customerExternalId: 'c-3',
          status: 'processing',
          placedAt: daysAgo(30),
          items: [{ productExternalId: 'p-sync', quantity: 2 }],
          ...fields,
        })
        .expect(200);
    await syncOrder('sync-1', {});
    await syncOrder('sync-1', {}); // the same order sent again
    await syncOrder('sync-2', { placedAt: daysAgo(10) });
    // The shop's own order_placed for sync-2 (a new event id) is the same fact: a duplicate.
    expect(
      (
        await batch([
          {
            id: randomUUID(),
            type: 'order_placed',
            customerExternalId: 'c-3',
            occurredAt: daysAgo(10),
            payload: { orderId: 'sync-2', total: 240 },
          },
        ]).expect(201)
      ).body,
    ).toEqual({ accepted: 0, duplicates: 1 });
    await settle();
    expect((await profile('c-3').expect(200)).body).toMatchObject({
      orders: 2,
      orderValue: 480,
      daysSinceLastOrder: 10,
      cancellations: 0,
    });

    // Later syncs change the statuses: sync-1 cancelled, sync-2 refunded (twice over: resent).
    await syncOrder('sync-1', { status: 'cancelled', cancelledAt: daysAgo(29) });
    await syncOrder('sync-2', { placedAt: daysAgo(10), status: 'refunded' });
    await syncOrder('sync-2', { placedAt: daysAgo(10), status: 'refunded' });
    // Bulk sync of a third order, delivered.
    await request(http)
      .post('/api/orders/bulk')
      .set('x-api-key', key)
      .send({
        items: [
          {
            externalId: 'sync-3',
            customerExternalId: 'c-3',
            status: 'delivered',
            placedAt: daysAgo(3),
            items: [{ productExternalId: 'p-sync', quantity: 1 }],
          },
        ],
      })
      .expect(200);
    await settle();
    expect((await profile('c-3').expect(200)).body).toMatchObject({
      orders: 3,
      orderValue: 600,
      cancellations: 1,
      refunds: 1,
      refundValue: 240,
      daysSinceLastOrder: 3,
    });
    const cancelled = await ds.query(
      `SELECT occurred_at FROM behaviour_events WHERE type = 'order_cancelled' AND payload->>'orderId' = 'sync-1'`,
    );
    expect(new Date(cancelled[0].occurred_at).toISOString().slice(0, 10)).toBe(
      daysAgo(29).slice(0, 10),
    );
  });

  it('refuses a whole batch naming the bad row: unknown type, bad payload, unknown customer, too many', async () => {
    const good = {
      id: randomUUID(),
      type: 'order_placed',
      customerExternalId: 'c-2',
      payload: { orderId: 'x', total: 1 },
    };
    const unknown = await batch([
      good,
      { id: randomUUID(), type: 'order_teleported', customerExternalId: 'c-2' },
    ]).expect(400);
    expect(unknown.body.error).toMatchObject({ code: 'UNKNOWN_EVENT_TYPE', details: { index: 1 } });
    expect(unknown.body.error.message).toContain('order_placed');
    const bad = await batch([
      good,
      { ...good, id: randomUUID(), payload: { orderId: 'x' } },
    ]).expect(400);
    expect(bad.body.error).toMatchObject({ code: 'INVALID_EVENT', details: { index: 1 } });
    expect(bad.body.error.message).toContain('payload.total is required');
    const stranger = await batch([{ ...good, id: randomUUID(), customerExternalId: 'who' }]).expect(
      400,
    );
    expect(stranger.body.error).toMatchObject({ code: 'UNKNOWN_CUSTOMER', details: { index: 0 } });
    await batch([{ ...good, id: 'not-a-uuid' }]).expect(400);
    const many = Array.from({ length: 1001 }, () => ({ ...good, id: randomUUID() }));
    expect((await batch(many).expect(413)).body.error.code).toBe('EVENT_BATCH_TOO_LARGE');
    await request(http)
      .post('/api/events/batch')
      .send({ events: [good] })
      .expect(401);
    await settle();
    expect((await profile('c-2').expect(200)).body.orders).toBe(0);
  });

  it('takes storefront events from the widget with a visitor token, rate-limited, storefront types only', async () => {
    await request(http).post('/api/events/track').send({ events: [] }).expect(401);
    const customerId = 'c-3';
    const signature = createHmac('sha256', t.config.IDENTITY_SECRET)
      .update(customerId)
      .digest('hex');
    const session = await request(http)
      .post('/api/chat/session')
      .send({ customerId, identitySignature: signature })
      .expect(200);
    const track = (events: unknown[]) =>
      request(http)
        .post('/api/events/track')
        .set('x-visitor-token', session.body.visitorToken)
        .send({ events });
    expect(
      (
        await track([
          { id: randomUUID(), type: 'page_view', payload: { url: '/' } },
          { id: randomUUID(), type: 'add_to_cart', payload: { productId: 'p-1', quantity: 2 } },
        ]).expect(201)
      ).body,
    ).toEqual({ accepted: 2, duplicates: 0 });
    const shopType = await track([
      { id: randomUUID(), type: 'order_placed', payload: { orderId: 'o', total: 1 } },
    ]).expect(400);
    expect(shopType.body.error.code).toBe('EVENT_TYPE_NOT_ALLOWED');
    await track([{ id: randomUUID(), type: 'search', payload: { query: 'shoes' } }]).expect(201);
    await track([{ id: randomUUID(), type: 'search', payload: { query: 'boots' } }]).expect(201);
    await track([{ id: randomUUID(), type: 'search', payload: { query: 'hats' } }]).expect(201);
    expect(
      (await track([{ id: randomUUID(), type: 'search', payload: { query: 'x' } }]).expect(429))
        .body.error.code,
    ).toBe('RATE_LIMITED');
    await settle();
    const p = (await profile('c-3').expect(200)).body;
    expect(p.storefront).toEqual({ pageViews: 1, productViews: 0, searches: 3, addToCarts: 1 });
    const visitors = await ds.query(
      `SELECT DISTINCT visitor_id FROM behaviour_events WHERE type = 'search'`,
    );
    expect(visitors).toEqual([{ visitor_id: session.body.visitorId }]);
  });

  it('replays profiles from the event table to exactly the live result', async () => {
    await settle();
    const live = await derivedState(ds);
    // c-2's only events were refused, so two customers have profiles.
    expect(live.profiles.length).toBe(2);
    const result = await replayProfiles(ds, new Date('2000-01-01'));
    expect(result.customers).toBe(2);
    expect(await derivedState(ds)).toEqual(live);
  });

  it('backfills the events of orders stored before order writes recorded them, once', async () => {
    await request(http)
      .put('/api/customers/c-old')
      .set('x-api-key', key)
      .send({ email: 'old@example.com' })
      .expect(200);
    const [{ id: customerId }] = await ds.query(
      `SELECT id FROM customers WHERE external_id = 'c-old'`,
    );
    // Order rows as an older version stored them: no events. The shop had sent its own
    // order_placed for old-2 (a random id), which must not be counted twice.
    const [{ id: old1 }] = await ds.query(
      `INSERT INTO orders (external_id, number, customer_id, status, total, currency, placed_at, delivered_at)
       VALUES ('old-1', 'old-1', $1, 'delivered', 30, 'USD', $2, $3) RETURNING id`,
      [customerId, daysAgo(60), daysAgo(55)],
    );
    await ds.query(
      `INSERT INTO order_items (order_id, title, quantity, unit_price) VALUES ($1, 'Mug', 3, 10)`,
      [old1],
    );
    await ds.query(
      `INSERT INTO orders (external_id, number, customer_id, status, total, currency, placed_at, delivered_at)
       VALUES ('old-2', 'old-2', $1, 'refunded', 50, 'USD', $2, $3)`,
      [customerId, daysAgo(20), daysAgo(15)],
    );
    await ds.query(
      `INSERT INTO behaviour_events (id, type, customer_id, occurred_at, payload)
       VALUES ($1, 'order_placed', $2, $3, '{"orderId": "old-2", "total": 50}')`,
      [randomUUID(), customerId, daysAgo(20)],
    );

    await backfillOrderEvents(ds);
    const events = async () =>
      ds.query(
        `SELECT type, payload->>'orderId' AS "order", payload->>'items' AS items,
                (occurred_at AT TIME ZONE 'UTC')::date::text AS day FROM behaviour_events
         WHERE customer_id = $1 ORDER BY "order", type`,
        [customerId],
      );
    const expected = [
      { type: 'order_placed', order: 'old-1', items: '3', day: daysAgo(60).slice(0, 10) },
      { type: 'order_placed', order: 'old-2', items: null, day: daysAgo(20).slice(0, 10) },
      // A refund first seen on a stored order is dated by its delivery.
      { type: 'order_refunded', order: 'old-2', items: null, day: daysAgo(15).slice(0, 10) },
    ];
    expect(await events()).toEqual(expected);
    expect((await backfillOrderEvents(ds)).eventsWritten).toBe(0);
    expect(await events()).toEqual(expected);
    await settle();
    expect((await profile('c-old').expect(200)).body).toMatchObject({
      orders: 2,
      orderValue: 80,
      refunds: 1,
      refundValue: 50,
    });
  });
});
