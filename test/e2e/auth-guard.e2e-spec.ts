import { createHmac } from 'node:crypto';
import request from 'supertest';
import { backends } from '../support/databases';
import { createTestApp, TestApp } from '../support/test-app';

// Booting the app (PGlite, migrations, bcrypt) can take over a minute on a loaded 2-core machine.
const BOOT_TIMEOUT_MS = 180_000;

const ADMIN = { email: 'admin@concierge.local', password: 'concierge-admin' };

/** An HS256 JWT signed with a secret of our choosing: what an attacker can produce. */
function forgeJwt(secret: string, claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

describe.each(backends())('global auth guard on %s', (backend) => {
  let t: TestApp;
  let http: ReturnType<TestApp['app']['getHttpServer']>;
  beforeAll(async () => {
    t = await createTestApp(backend, { env: { LOGIN_RATE_LIMIT: '1000' } });
    http = t.app.getHttpServer();
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t?.close());

  it('keeps health, metrics and the API docs public', async () => {
    expect((await request(http).get('/health')).status).not.toBe(401);
    await request(http).get('/metrics').expect(200);
    await request(http).get('/api/docs/openapi.json').expect(200);
    const docs = await request(http).get('/api/docs/').redirects(1);
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger');
  });

  it('signs the first admin in and answers /me with the account, never the hash', async () => {
    const login = await request(http).post('/api/auth/login').send(ADMIN).expect(200);
    expect(login.body.tokenType).toBe('Bearer');
    expect(login.body.expiresIn).toBe(t.config.JWT_TTL_SECONDS);
    expect(login.body.user).toMatchObject({ email: ADMIN.email, role: 'admin' });
    const me = await request(http)
      .get('/api/auth/me')
      .set('authorization', `Bearer ${login.body.accessToken}`)
      .expect(200);
    expect(me.body).toEqual(login.body.user);
    expect(JSON.stringify(me.body)).not.toMatch(/hash|\$2[aby]\$/i);
  });

  it('refuses a route without a token with 401 UNAUTHORIZED', async () => {
    const res = await request(http).get('/api/auth/me').expect(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
  });

  it('refuses a forged JWT (right shape, wrong key) and a garbage token with 401', async () => {
    const me = (
      await request(http)
        .post('/api/auth/login')
        .send(ADMIN)
        .then((r) =>
          request(http).get('/api/auth/me').set('authorization', `Bearer ${r.body.accessToken}`),
        )
    ).body;
    const now = Math.floor(Date.now() / 1000);
    const forged = forgeJwt('guessed-secret-guessed-secret', {
      sub: me.id,
      role: 'admin',
      kind: 'staff',
      aud: 'concierge:staff',
      iss: 'concierge',
      iat: now,
      exp: now + 3600,
    });
    for (const token of [forged, 'not-a-jwt', `${forged.split('.').slice(0, 2).join('.')}.`]) {
      const res = await request(http).get('/api/auth/me').set('authorization', `Bearer ${token}`);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHORIZED');
    }
  });

  it('refuses a token signed with the raw JWT_SECRET instead of the derived staff key', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = forgeJwt(t.config.JWT_SECRET, {
      sub: '00000000-0000-0000-0000-000000000000',
      kind: 'staff',
      aud: 'concierge:staff',
      iss: 'concierge',
      iat: now,
      exp: now + 3600,
    });
    await request(http).get('/api/auth/me').set('authorization', `Bearer ${token}`).expect(401);
  });
});
