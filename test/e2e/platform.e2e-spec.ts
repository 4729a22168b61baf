import request from 'supertest';
import { rawPost } from '../support/raw-request';
import { backends } from '../support/databases';
import { createTestApp, TestApp } from '../support/test-app';

describe.each(backends())('platform basics on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t?.close());

  it('reports the database as healthy', async () => {
    const res = await request(t.app.getHttpServer()).get('/health');
    expect(res.body.checks.db).toBe('ok');
    expect(['ok', 'unavailable']).toContain(res.body.status);
  });

  it('serves the OpenAPI document', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/docs/openapi.json').expect(200);
    expect(res.body.info.title).toBe('Concierge API');
  });

  it('exposes Prometheus metrics', async () => {
    await request(t.app.getHttpServer()).get('/health');
    const res = await request(t.app.getHttpServer()).get('/metrics').expect(200);
    expect(res.text).toContain('http_request_duration_seconds_bucket');
  });

  it('rejects a body that is not valid UTF-8 with a clear code', async () => {
    const res = await rawPost(
      t.app.getHttpServer(),
      '/health',
      Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
      'application/json',
    );
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('INVALID_UTF8');
  });

  it('rejects malformed JSON with a clear code', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/health')
      .set('content-type', 'application/json')
      .send('{"a":');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MALFORMED_JSON');
  });

  it('rejects a 10 MB body with 413', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/health')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ blob: 'x'.repeat(10 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
