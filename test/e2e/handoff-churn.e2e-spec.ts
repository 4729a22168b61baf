import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { IngestionService } from '../../src/commerce/ingestion.service';
import { AgentClient } from '../support/agent-client';
import { identitySignature, ShopperClient } from '../support/chat-client';
import { backends } from '../support/databases';
import { createTestApp, TestApp } from '../support/test-app';

type Queued = { id: string; customerId: string | null; priority: number };

describe.each(backends())('churn risk in the handoff on %s', (backend) => {
  let t: TestApp;
  let agentToken: string;
  const open: { close(): void }[] = [];
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp(backend, {
      listen: true,
      env: {
        CHAT_MESSAGES_PER_MINUTE: '100',
        // No churn model: live scoring stays off, so the stored scores below are the latest.
        CHURN_MODEL_DIR: join(tmpdir(), `no-churn-model-${process.pid}`),
      },
    });
    const ingest = t.app.get(IngestionService);
    const db = t.app.get(DataSource);
    for (const [ref, tier, probability, reasons] of [
      ['cust-risky', 'high', 0.91, ['No order for 120 days', '3 complaints recently']],
      ['cust-loyal', 'low', 0.07, []],
    ] as const) {
      await ingest.upsertCustomer(ref, { email: `${ref}@example.com`, firstName: ref } as never);
      await db.query(
        `INSERT INTO churn_scores (customer_id, probability, tier, model_version, reasons)
         SELECT id, $2, $3, 'test@1', $4::jsonb FROM customers WHERE external_id = $1`,
        [
          ref,
          probability,
          tier,
          JSON.stringify(
            reasons.map((text, i) => ({ feature: `f${i}`, value: null, contribution: 1, text })),
          ),
        ],
      );
    }
    const admin = (
      await http()
        .post('/api/auth/login')
        .send({ email: t.config.ADMIN_EMAIL, password: t.config.ADMIN_PASSWORD })
    ).body.accessToken;
    await http()
      .post('/api/staff')
      .set('authorization', `Bearer ${admin}`)
      .send({
        email: 'cara@shop.example',
        password: 'correct horse battery',
        role: 'agent',
        name: 'Cara',
        maxConcurrentChats: 3,
      })
      .expect(201);
    agentToken = (
      await http()
        .post('/api/auth/login')
        .send({ email: 'cara@shop.example', password: 'correct horse battery' })
    ).body.accessToken;
  }, 180_000);
  afterAll(async () => {
    open.splice(0).forEach((c) => c.close());
    await t?.close();
  });

  /** A signed-in shopper asks for a person until handed over; resolves once the handoff reacted. */
  const escalate = async (customerRef: string): Promise<string> => {
    const session = await http()
      .post('/api/chat/session')
      .send({
        customerId: customerRef,
        identitySignature: identitySignature(t.config.IDENTITY_SECRET, customerRef),
      });
    const s = await ShopperClient.connect(t.url!, { visitorToken: session.body.visitorToken });
    open.push(s);
    // Nobody is online: the handoff's "nobody online" notice comes after it set the priority.
    const notice = s.next((m) => m.sender === 'system' && /online/i.test(m.text));
    for (let i = 0; i < 3; i++) {
      const { ack } = await s.say('I want to talk to a human agent, a real person please');
      const handedOver = await Promise.race([
        notice.then(() => true),
        new Promise<false>((r) => setTimeout(() => r(false), 3000)),
      ]);
      if (handedOver) return ack.conversationId as string;
    }
    throw new Error('the bot never handed over');
  };

  it('puts a high-risk customer ahead of an earlier equal request and shows the risk to the agent', async () => {
    const loyal = await escalate('cust-loyal');
    const risky = await escalate('cust-risky');

    const queue = await http()
      .get('/api/handoff/queue')
      .set('authorization', `Bearer ${agentToken}`)
      .expect(200);
    const items = queue.body.items as Queued[];
    // Both asked for a person (priority 1); the loyal customer waited longer but the risky one is first.
    expect(items.map((c) => c.id)).toEqual([risky, loyal]);
    expect(items.map((c) => c.priority)).toEqual([2, 1]);

    const agent = await AgentClient.connect(t.url!, agentToken);
    open.push(agent);
    const riskyContext = await agent.call('conversation:context', { conversationId: risky });
    expect(riskyContext.ok).toBe(true);
    expect(riskyContext.churn).toEqual({
      probability: 0.91,
      tier: 'high',
      reasons: ['No order for 120 days', '3 complaints recently'],
      scoredAt: expect.any(String),
    });
    const loyalContext = await agent.call('conversation:context', { conversationId: loyal });
    expect(loyalContext.churn).toMatchObject({ tier: 'low', probability: 0.07, reasons: [] });
  });
});
