import { createHmac } from 'node:crypto';
import request from 'supertest';
import { backends } from '../support/databases';
import { createTestApp, TestApp } from '../support/test-app';

// Booting the app (PGlite, migrations, bcrypt) can take over a minute on a loaded 2-core machine.
const BOOT_TIMEOUT_MS = 180_000;

const ADMIN = { email: 'admin@concierge.local', password: 'concierge-admin' };
type Http = ReturnType<TestApp['app']['getHttpServer']>;

async function login(http: Http, email: string, password: string): Promise<string> {
  const res = await request(http).post('/api/auth/login').send({ email, password }).expect(200);
  return res.body.accessToken as string;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe.each(backends())('staff auth, API keys and shopper tokens on %s', (backend) => {
  let t: TestApp;
  let http: Http;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp(backend, { env: { LOGIN_RATE_LIMIT: '1000' } });
    http = t.app.getHttpServer();
    admin = await login(http, ADMIN.email, ADMIN.password);
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t?.close());

  async function createStaff(role: string, email: string, password = 'agent-pass-1') {
    const res = await request(http)
      .post('/api/staff')
      .set(bearer(admin))
      .send({ email, password, role, name: `${role} ${email}` })
      .expect(201);
    return { id: res.body.id as string, token: await login(http, email, password) };
  }

  describe('login', () => {
    it('answers a wrong password and an unknown email identically with 401', async () => {
      const wrong = await request(http)
        .post('/api/auth/login')
        .send({ email: ADMIN.email, password: 'not-the-password' });
      const unknown = await request(http)
        .post('/api/auth/login')
        .send({ email: 'nobody@concierge.local', password: 'not-the-password' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    });

    it('accepts the email in any case and refuses unknown body fields', async () => {
      await login(http, ADMIN.email.toUpperCase(), ADMIN.password);
      const res = await request(http)
        .post('/api/auth/login')
        .send({ ...ADMIN, role: 'admin' })
        .expect(400);
      expect(res.body.error.message).toContain('role');
    });
  });

  describe('staff management and roles', () => {
    it('lets an admin create, list and change staff; never shows a hash', async () => {
      const { id } = await createStaff('agent', 'list.agent@shop.example');
      const list = await request(http).get('/api/staff').set(bearer(admin)).expect(200);
      const row = list.body.find((s: { id: string }) => s.id === id);
      expect(row).toMatchObject({ role: 'agent', active: true, maxConcurrentChats: 3 });
      expect(JSON.stringify(list.body)).not.toMatch(/hash|\$2[aby]\$/i);
      const patched = await request(http)
        .patch(`/api/staff/${id}`)
        .set(bearer(admin))
        .send({ maxConcurrentChats: 5, name: 'Lee' })
        .expect(200);
      expect(patched.body).toMatchObject({ maxConcurrentChats: 5, name: 'Lee', role: 'agent' });
    });

    it('refuses a duplicate email with 409 and bad fields with 400', async () => {
      await createStaff('agent', 'dup@shop.example');
      const dup = await request(http)
        .post('/api/staff')
        .set(bearer(admin))
        .send({ email: 'DUP@shop.example', password: 'whatever-1', role: 'agent' })
        .expect(409);
      expect(dup.body.error.code).toBe('EMAIL_TAKEN');
      const bad = await request(http)
        .post('/api/staff')
        .set(bearer(admin))
        .send({ email: 'not-an-email', password: 'short', role: 'boss', extra: 1 })
        .expect(400);
      expect(bad.body.error.code).toBe('VALIDATION_FAILED');
      expect(bad.body.error.message).toMatch(/email/);
      expect(bad.body.error.message).toMatch(/role/);
      expect(bad.body.error.message).toMatch(/extra/);
    });

    it('answers an agent and a manager on admin endpoints with 403 naming the role', async () => {
      const agent = await createStaff('agent', 'agent403@shop.example');
      const manager = await createStaff('manager', 'manager403@shop.example');
      for (const token of [agent.token, manager.token]) {
        const res = await request(http).get('/api/staff').set(bearer(token)).expect(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
        expect(res.body.error.message).toMatch(/admin/);
        await request(http)
          .post('/api/api-keys')
          .set(bearer(token))
          .send({ name: 'sneaky' })
          .expect(403);
      }
      const me = await request(http).get('/api/auth/me').set(bearer(agent.token)).expect(200);
      expect(me.body).toMatchObject({ email: 'agent403@shop.example', role: 'agent' });
    });

    it('stops a deactivated user’s token at once and lets them back in when reactivated', async () => {
      const agent = await createStaff('agent', 'leaver@shop.example');
      await request(http).get('/api/auth/me').set(bearer(agent.token)).expect(200);
      await request(http)
        .patch(`/api/staff/${agent.id}`)
        .set(bearer(admin))
        .send({ active: false })
        .expect(200);
      const res = await request(http).get('/api/auth/me').set(bearer(agent.token)).expect(401);
      expect(res.body.error.code).toBe('UNAUTHORIZED');
      const relogin = await request(http)
        .post('/api/auth/login')
        .send({ email: 'leaver@shop.example', password: 'agent-pass-1' })
        .expect(401);
      expect(relogin.body.error.code).toBe('INVALID_CREDENTIALS');
      await request(http)
        .patch(`/api/staff/${agent.id}`)
        .set(bearer(admin))
        .send({ active: true })
        .expect(200);
      await request(http).get('/api/auth/me').set(bearer(agent.token)).expect(200);
    });

    it('applies a promotion and a password change immediately', async () => {
      const user = await createStaff('agent', 'riser@shop.example');
      await request(http).get('/api/staff').set(bearer(user.token)).expect(403);
      await request(http)
        .patch(`/api/staff/${user.id}`)
        .set(bearer(admin))
        .send({ role: 'admin', password: 'brand-new-pass' })
        .expect(200);
      await request(http).get('/api/staff').set(bearer(user.token)).expect(200);
      await request(http)
        .post('/api/auth/login')
        .send({ email: 'riser@shop.example', password: 'agent-pass-1' })
        .expect(401);
      await login(http, 'riser@shop.example', 'brand-new-pass');
    });

    it('refuses to demote or deactivate the last active admin', async () => {
      const list = await request(http).get('/api/staff').set(bearer(admin)).expect(200);
      const admins = list.body.filter((s: { role: string; active: boolean }) => s.role === 'admin');
      // Demote all but the first; the last one must stay.
      for (const extra of admins.slice(1))
        await request(http)
          .patch(`/api/staff/${extra.id}`)
          .set(bearer(admin))
          .send({ role: 'manager' })
          .expect(200);
      const res = await request(http)
        .patch(`/api/staff/${admins[0].id}`)
        .set(bearer(admin))
        .send({ active: false })
        .expect(409);
      expect(res.body.error.code).toBe('LAST_ADMIN');
      await request(http).patch('/api/staff/not-a-uuid').set(bearer(admin)).send({}).expect(400);
    });
  });

  describe('API keys', () => {
    it('shows the secret once, authenticates with it, and refuses it after revocation', async () => {
      const created = await request(http)
        .post('/api/api-keys')
        .set(bearer(admin))
        .send({ name: 'shop backend' })
        .expect(201);
      const key: string = created.body.key;
      expect(key).toMatch(/^ck_live_[A-Za-z0-9_-]{43,}$/);
      expect(key.startsWith(created.body.prefix)).toBe(true);

      const list = await request(http).get('/api/api-keys').set(bearer(admin)).expect(200);
      expect(JSON.stringify(list.body)).not.toContain(key.slice(14));
      expect(JSON.stringify(list.body)).not.toMatch(/hash/i);
      expect(list.body.find((k: { id: string }) => k.id === created.body.id).lastUsedAt).toBeNull();

      const used = await request(http).get('/api/auth/principal').set('x-api-key', key).expect(200);
      expect(used.body).toEqual({
        apiKey: { id: created.body.id, name: 'shop backend' },
        staff: null,
      });
      const afterUse = await request(http).get('/api/api-keys').set(bearer(admin));
      const firstUse = afterUse.body.find((k: { id: string }) => k.id === created.body.id);
      expect(firstUse.lastUsedAt).not.toBeNull();
      // A second call within the minute does not rewrite last_used_at.
      await request(http).get('/api/auth/principal').set('x-api-key', key).expect(200);
      const again = await request(http).get('/api/api-keys').set(bearer(admin));
      expect(again.body.find((k: { id: string }) => k.id === created.body.id).lastUsedAt).toBe(
        firstUse.lastUsedAt,
      );

      await request(http).delete(`/api/api-keys/${created.body.id}`).set(bearer(admin)).expect(204);
      const refused = await request(http)
        .get('/api/auth/principal')
        .set('x-api-key', key)
        .expect(401);
      expect(refused.body.error.code).toBe('UNAUTHORIZED');
      const revoked = await request(http).get('/api/api-keys').set(bearer(admin));
      expect(
        revoked.body.find((k: { id: string }) => k.id === created.body.id).revokedAt,
      ).not.toBeNull();
    });

    it('refuses a wrong key with 401 and accepts an admin JWT but not an agent on key routes', async () => {
      const wrong = await request(http)
        .get('/api/auth/principal')
        .set('x-api-key', `ck_live_${'A'.repeat(43)}`)
        .expect(401);
      expect(wrong.body.error.code).toBe('UNAUTHORIZED');
      await request(http).get('/api/auth/principal').expect(401);
      const asAdmin = await request(http).get('/api/auth/principal').set(bearer(admin)).expect(200);
      expect(asAdmin.body.staff.role).toBe('admin');
      const agent = await createStaff('agent', 'keyless@shop.example');
      const res = await request(http)
        .get('/api/auth/principal')
        .set(bearer(agent.token))
        .expect(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    });

    it('an API key is not a staff token: it cannot reach staff-only routes', async () => {
      const created = await request(http)
        .post('/api/api-keys')
        .set(bearer(admin))
        .send({ name: 'ingest' })
        .expect(201);
      await request(http).get('/api/staff').set('x-api-key', created.body.key).expect(401);
      await request(http).get('/api/staff').set(bearer(created.body.key)).expect(401);
    });
  });

  describe('shopper sessions', () => {
    const sign = (customerId: string) =>
      createHmac('sha256', t.config.IDENTITY_SECRET).update(customerId).digest('hex');

    it('starts an anonymous visitor and refreshes it under the same visitorId', async () => {
      const first = await request(http).post('/api/chat/session').send({}).expect(200);
      expect(first.body).toMatchObject({ customerId: null });
      expect(first.body.expiresIn).toBe(t.config.VISITOR_TOKEN_TTL_SECONDS);
      const second = await request(http)
        .post('/api/chat/session')
        .send({ visitorToken: first.body.visitorToken })
        .expect(200);
      expect(second.body.visitorId).toBe(first.body.visitorId);
      const other = await request(http).post('/api/chat/session').expect(200);
      expect(other.body.visitorId).not.toBe(first.body.visitorId);
    });

    it('accepts the shop backend’s HMAC of the customer id and refuses a forged one', async () => {
      const ok = await request(http)
        .post('/api/chat/session')
        .send({ customerId: 'cust-42', identitySignature: sign('cust-42') })
        .expect(200);
      expect(ok.body.customerId).toBe('cust-42');
      for (const identitySignature of [
        sign('cust-43'),
        createHmac('sha256', 'some-other-secret-value').update('cust-42').digest('hex'),
        sign('cust-42').slice(0, 63),
        'zz'.repeat(32),
      ]) {
        const res = await request(http)
          .post('/api/chat/session')
          .send({ customerId: 'cust-42', identitySignature });
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe('IDENTITY_INVALID');
      }
      const missing = await request(http)
        .post('/api/chat/session')
        .send({ customerId: 'cust-42' })
        .expect(400);
      expect(missing.body.error.message).toContain('identitySignature');
    });

    it('never accepts a visitor token as a staff token, nor a staff token as a visitor token', async () => {
      const visitor = await request(http).post('/api/chat/session').send({}).expect(200);
      const asStaff = await request(http)
        .get('/api/auth/me')
        .set(bearer(visitor.body.visitorToken))
        .expect(401);
      expect(asStaff.body.error.code).toBe('UNAUTHORIZED');
      const asVisitor = await request(http)
        .post('/api/chat/session')
        .send({ visitorToken: admin })
        .expect(401);
      expect(asVisitor.body.error.code).toBe('VISITOR_TOKEN_INVALID');
      const [head, payload, sig] = visitor.body.visitorToken.split('.');
      const tampered = `${head}.${payload}.${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
      await request(http).post('/api/chat/session').send({ visitorToken: tampered }).expect(401);
    });
  });
});

describe.each(backends())('rate limits on %s', (backend) => {
  let t: TestApp;
  let http: Http;
  beforeAll(async () => {
    t = await createTestApp(backend, { env: { LOGIN_RATE_LIMIT: '3', SESSION_RATE_LIMIT: '4' } });
    http = t.app.getHttpServer();
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t?.close());

  it('limits login attempts per minute and says when to retry, even with the right password', async () => {
    for (let i = 0; i < 3; i++)
      await request(http)
        .post('/api/auth/login')
        .send({ email: ADMIN.email, password: `guess-${i}` })
        .expect(401);
    const limited = await request(http).post('/api/auth/login').send(ADMIN).expect(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('limits shopper session starts per IP', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await request(http).post('/api/chat/session')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    const res = await request(http).post('/api/chat/session').expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});
