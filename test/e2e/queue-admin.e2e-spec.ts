import request from 'supertest';
import { QUEUE_DRIVER, QueueDriver } from '../../src/queue/queue-driver';
import { Backend, backends } from '../support/databases';
import { dropPrefix, redisAvailable, testPrefix } from '../support/redis';
import { createTestApp, TestApp } from '../support/test-app';

const ADMIN = { email: 'admin@concierge.local', password: 'concierge-admin' };

// Inline on every database back end (its failed jobs live in queue_failed_jobs); BullMQ once.
const cases: [Backend, 'inline' | 'bullmq'][] = backends().map((b) => [b, 'inline']);
if (redisAvailable()) cases.push(['pglite', 'bullmq']);

describe.each(cases)('queue admin API on %s with the %s driver', (backend, kind) => {
  let t: TestApp;
  let driver: QueueDriver;
  let token: string;
  const prefix = testPrefix();
  let healthy = false;
  const done: unknown[] = [];

  beforeAll(async () => {
    t = await createTestApp(backend, {
      env: kind === 'bullmq' ? { REDIS_URL: process.env.REDIS_URL!, QUEUE_PREFIX: prefix } : {},
    });
    driver = t.app.get<QueueDriver>(QUEUE_DRIVER);
    driver.process(
      'e2e-orders',
      async (job) => {
        if (!healthy) throw new Error('order service unavailable');
        done.push(job.data);
      },
      { retry: { attempts: 2, backoffMs: 5 } },
    );
    const login = await request(t.app.getHttpServer()).post('/api/auth/login').send(ADMIN);
    token = (login.body as { accessToken: string }).accessToken;
  });
  afterAll(async () => {
    await t?.close();
    if (kind === 'bullmq') await dropPrefix(prefix);
  });

  const get = (path: string) =>
    request(t.app.getHttpServer()).get(path).set('authorization', `Bearer ${token}`);
  const post = (path: string) =>
    request(t.app.getHttpServer()).post(path).set('authorization', `Bearer ${token}`);

  it('reports the queue as healthy', async () => {
    const res = await request(t.app.getHttpServer()).get('/health');
    expect(res.body.checks.queue).toBe('ok');
  });

  it('lists a job that exhausted its retries and retries it to success', async () => {
    await driver.enqueue('e2e-orders', 'sync', { orderId: 'ORD-7' });
    await driver.drain(20_000);

    const overview = await get('/api/queues').expect(200);
    expect(overview.body.driver).toBe(kind);
    expect(overview.body.queues).toContainEqual({
      queue: 'e2e-orders',
      waiting: 0,
      active: 0,
      delayed: 0,
      failed: 1,
    });
    const failed = await get('/api/queues/e2e-orders/failed').expect(200);
    expect(failed.body).toHaveLength(1);
    expect(failed.body[0]).toMatchObject({
      name: 'sync',
      data: { orderId: 'ORD-7' },
      error: 'order service unavailable',
      attempts: 2,
    });

    healthy = true;
    const id = failed.body[0].id as string;
    await post(`/api/queues/e2e-orders/failed/${id}/retry`).expect(202);
    await driver.drain(20_000);
    expect(done).toEqual([{ orderId: 'ORD-7' }]);
    expect((await get('/api/queues/e2e-orders/failed').expect(200)).body).toEqual([]);

    const again = await post(`/api/queues/e2e-orders/failed/${id}/retry`).expect(404);
    expect(again.body.error.code).toBe('FAILED_JOB_NOT_FOUND');
  });

  it('is for signed-in admins only and validates its input', async () => {
    await request(t.app.getHttpServer()).get('/api/queues').expect(401);
    const bad = await get('/api/queues/e2e-orders/failed?limit=0').expect(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    await get('/api/queues/no%20such%20queue/failed').expect(400);
  });
});
