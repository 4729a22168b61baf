import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ChurnNightlyScheduler } from '../../src/churn/live/churn-nightly.scheduler';
import { QUEUE_DRIVER, QueueDriver } from '../../src/queue/queue-driver';
import { OutboxRelay } from '../../src/signals/outbox-relay';
import { CHURN_SCORE_QUEUE } from '../../src/signals/profile-change-hook';
import { Backend, backends } from '../support/databases';
import { dropPrefix, redisAvailable, testPrefix } from '../support/redis';
import { createTestApp } from '../support/test-app';

const ADMIN = { email: 'admin@concierge.local', password: 'concierge-admin' };
const AGENT = {
  email: 'agent@example.com',
  name: 'Agent',
  password: 'agent-password-1',
  role: 'agent',
};
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();

const order = (customer: string, days: number, total = 60) => ({
  id: randomUUID(),
  type: 'order_placed',
  customerExternalId: customer,
  occurredAt: daysAgo(days),
  payload: { orderId: `${customer}-${days}`, total },
});

/** A steady buyer, a lapsed one (nothing for 200 days, a return) and one in between. */
const HISTORY = [
  ...[300, 250, 200, 150, 120, 90, 60, 40, 20, 6].map((d) => order('steady', d)),
  ...[360, 330, 300, 270, 240, 210].map((d) => order('lapsed', d)),
  {
    id: randomUUID(),
    type: 'order_returned',
    customerExternalId: 'lapsed',
    occurredAt: daysAgo(205),
    payload: { orderId: 'lapsed-210' },
  },
  ...[200, 150, 100, 70].map((d) => order('fading', d)),
];

// Inline on every database back end; BullMQ (whose drain() never returned while churn-score
// jobs had no consumer) once.
const cases: [Backend, 'inline' | 'bullmq'][] = backends().map((b) => [b, 'inline']);
if (redisAvailable()) cases.push(['pglite', 'bullmq']);

async function boot(backend: Backend, kind: 'inline' | 'bullmq', env: Record<string, string>) {
  const prefix = testPrefix();
  const t = await createTestApp(backend, {
    env: {
      LOGIN_RATE_LIMIT: '1000',
      SIGNALS_CHURN_DEBOUNCE_MS: '0',
      ...(kind === 'bullmq' ? { REDIS_URL: process.env.REDIS_URL!, QUEUE_PREFIX: prefix } : {}),
      ...env,
    },
  });
  const http = t.app.getHttpServer();
  const admin = (await request(http).post('/api/auth/login').send(ADMIN).expect(200)).body
    .accessToken as string;
  const key = (
    await request(http)
      .post('/api/api-keys')
      .set('authorization', `Bearer ${admin}`)
      .send({ name: 'shop' })
      .expect(201)
  ).body.key as string;
  await request(http)
    .post('/api/staff')
    .set('authorization', `Bearer ${admin}`)
    .send(AGENT)
    .expect(201);
  const agent = (
    await request(http)
      .post('/api/auth/login')
      .send({ email: AGENT.email, password: AGENT.password })
      .expect(200)
  ).body.accessToken as string;
  for (const id of ['steady', 'lapsed', 'fading'])
    await request(http)
      .put(`/api/customers/${id}`)
      .set('x-api-key', key)
      .send({ email: `${id}@example.com`, firstName: id === 'lapsed' ? '=HYPERLINK("x")' : id })
      .expect(200);
  const settle = async () => {
    await t.app.get(OutboxRelay).flush();
    await t.app.get<QueueDriver>(QUEUE_DRIVER).drain(30_000);
  };
  const sendHistory = async () => {
    await request(http)
      .post('/api/events/batch')
      .set('x-api-key', key)
      .send({ events: HISTORY })
      .expect(201);
    await settle();
  };
  const close = async () => {
    await t.close();
    if (kind === 'bullmq') await dropPrefix(prefix);
  };
  return { t, http, admin, agent, settle, sendHistory, close };
}

describe.each(cases)('live churn scoring on %s with the %s driver', (backend, kind) => {
  let app: Awaited<ReturnType<typeof boot>>;
  const churn = (id: string) =>
    request(app.http).get(`/api/customers/${id}/churn`).set('authorization', `Bearer ${app.agent}`);
  const atRisk = (query: string, token = app.admin) =>
    request(app.http).get(`/api/churn/at-risk?${query}`).set('authorization', `Bearer ${token}`);

  beforeAll(async () => {
    // The committed demo model (the default CHURN_MODEL_DIR, models/churn).
    app = await boot(backend, kind, {});
    await app.sendHistory();
  });
  afterAll(() => app?.close());

  it('scores each customer after their events and keeps the history', async () => {
    const counts = await app.t.app.get<QueueDriver>(QUEUE_DRIVER).counts(CHURN_SCORE_QUEUE);
    expect(counts).toMatchObject({ waiting: 0, active: 0, failed: 0 });
    const steady = (await churn('steady').expect(200)).body;
    const lapsed = (await churn('lapsed').expect(200)).body;
    expect(lapsed.latest.tier).toBe('high');
    expect(lapsed.latest.probability).toBeGreaterThan(steady.latest.probability);
    expect(steady.latest.tier).not.toBe('high');
    expect(lapsed.latest.reasons[0].text).toMatch(/no order for 2\d\d days/);
    expect(lapsed.history[0]).toEqual(lapsed.latest);
    await churn('nobody').expect(404);
  });

  it('lists at-risk customers riskiest first with reasons, for managers only', async () => {
    const all = (await atRisk('tier=low').expect(200)).body;
    const probabilities = all.customers.map((c: { probability: number }) => c.probability);
    expect(all.customers.map((c: { externalId: string }) => c.externalId).sort()).toEqual([
      'fading',
      'lapsed',
      'steady',
    ]);
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
    const high = (await atRisk('tier=high&limit=10').expect(200)).body;
    expect(high.customers[0]).toMatchObject({ externalId: 'lapsed', tier: 'high' });
    expect(high.customers[0].reasons.length).toBeGreaterThan(0);
    expect((await atRisk('tier=low&limit=1').expect(200)).body.customers).toHaveLength(1);
    await atRisk('tier=extreme').expect(400);
    await atRisk('tier=high', app.agent).expect(403);
  });

  it('exports the at-risk list as CSV with formulas neutralised', async () => {
    const json = (await atRisk('tier=low').expect(200)).body.customers;
    const res = await atRisk('tier=low&format=csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe('customer_id,external_id,name,email,probability,tier,reasons,scored_at');
    expect(lines).toHaveLength(json.length + 1);
    expect(lines[1]).toContain(json[0].customerId);
    const lapsed = lines.find((l) => l.includes(',lapsed,'))!;
    expect(lapsed).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lapsed).toMatch(/no order for 2\d\d days/);
  });

  it('rescores everyone nightly, with reasons only for the high tier', async () => {
    const before = (await churn('steady').expect(200)).body.history.length;
    await app.t.app.get(ChurnNightlyScheduler).enqueueRescoring();
    await app.settle();
    const steady = (await churn('steady').expect(200)).body;
    const lapsed = (await churn('lapsed').expect(200)).body;
    expect(steady.history).toHaveLength(before + 1);
    expect(steady.latest.reasons).toEqual([]);
    expect(lapsed.latest.tier).toBe('high');
    expect(lapsed.latest.reasons.length).toBeGreaterThan(0);
  });
});

describe.each(cases)(
  'churn-score jobs without a model on %s with the %s driver',
  (backend, kind) => {
    let app: Awaited<ReturnType<typeof boot>>;
    const emptyDir = mkdtempSync(join(tmpdir(), 'no-churn-model-'));

    beforeAll(async () => {
      app = await boot(backend, kind, { CHURN_MODEL_DIR: emptyDir });
    });
    afterAll(async () => {
      await app?.close();
      rmSync(emptyDir, { recursive: true, force: true });
    });

    it('starts, completes the jobs unscored and leaves nothing queued', async () => {
      await app.sendHistory();
      const counts = await app.t.app.get<QueueDriver>(QUEUE_DRIVER).counts(CHURN_SCORE_QUEUE);
      expect(counts).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
      const rows = await app.t.app.get(DataSource).query(`SELECT count(*) AS n FROM churn_scores`);
      expect(Number(rows[0].n)).toBe(0);
      const res = await request(app.http)
        .get('/api/customers/lapsed/churn')
        .set('authorization', `Bearer ${app.agent}`)
        .expect(200);
      expect(res.body).toMatchObject({ latest: null, history: [] });
    });
  },
);
