import request from 'supertest';
import { IngestionService } from '../../src/commerce/ingestion.service';
import { AgentClient } from '../support/agent-client';
import { identitySignature, ShopperClient } from '../support/chat-client';
import { backends } from '../support/databases';
import { createTestApp, TestApp } from '../support/test-app';

interface DiscussedOrder {
  number: string;
  ownership: string;
  placedBy: { name: string | null; email: string | null } | null;
}

/**
 * What the agent who takes over a chat learns about the orders the shopper asked the bot about:
 * which ones, whose, and whether the shopper proved they own them.
 */
describe.each(backends())('orders discussed, in the agent context on %s', (backend) => {
  let t: TestApp;
  let agent: AgentClient;
  const open: { close(): void }[] = [];
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp(backend, { listen: true, env: { CHAT_MESSAGES_PER_MINUTE: '100' } });
    const ingest = t.app.get(IngestionService);
    await ingest.upsertProduct('p-mug', { title: 'Mug', price: 9, currency: 'USD' } as never);
    const customers = [
      ['cust-ann', 'ann@example.com', 'Ann', 'Lee', 'A30001'],
      ['cust-lin', 'lin@example.com', '欣怡', '林', 'A30002'],
    ];
    for (const [ref, email, firstName, lastName, order] of customers) {
      await ingest.upsertCustomer(ref, { email, firstName, lastName } as never);
      await ingest.upsertOrder(`ext-${order}`, {
        number: order,
        customerExternalId: ref,
        status: 'processing',
        currency: 'USD',
        placedAt: new Date(Date.now() - 86_400_000).toISOString(),
        items: [{ productExternalId: 'p-mug', quantity: 1, unitPrice: 9 }],
      } as never);
    }
    const token = (
      await http()
        .post('/api/auth/login')
        .send({ email: t.config.ADMIN_EMAIL, password: t.config.ADMIN_PASSWORD })
    ).body.accessToken as string;
    // Away: handed-over chats wait in the queue instead of being assigned.
    agent = await AgentClient.connect(t.url!, token);
    open.push(agent);
    await agent.call('presence:set', { presence: 'away' });
  }, 180_000);
  afterAll(async () => {
    open.splice(0).forEach((c) => c.close());
    await t?.close();
  });

  /** Says each line, then asks for a person until the chat is queued; returns its context. */
  const chatThenHandOver = async (auth: Record<string, unknown>, lines: string[]) => {
    const shopper = await ShopperClient.connect(t.url!, auth);
    open.push(shopper);
    let conversationId = '';
    for (const line of lines)
      conversationId = (await shopper.say(line)).ack.conversationId as string;
    const queued = new Promise<void>((resolve) =>
      shopper.socket.on('conversation:status', (c: { status: string }) => {
        if (c.status === 'queued') resolve();
      }),
    );
    for (let i = 0; i < 3; i++) {
      await shopper.say('I want to talk to a human agent, a real person please');
      const done = await Promise.race([
        queued.then(() => true),
        new Promise<false>((r) => setTimeout(() => r(false), 3000)),
      ]);
      if (done) break;
    }
    const context = await agent.call('conversation:context', { conversationId });
    expect(context.ok).toBe(true);
    return { ...context, conversationId } as unknown as {
      conversationId: string;
      customer: { name: string } | null;
      orders: { number: string; discussed: boolean }[];
      otherOrdersDiscussed: DiscussedOrder[];
      sentiment: { score: number; label: string }[];
    };
  };

  it("shows an anonymous shopper's order as not verified after a wrong e-mail, with who placed it", async () => {
    const context = await chatThenHandOver({}, [
      'where is my order A30002?',
      'my email is wrong@example.com',
    ]);
    expect(context.customer).toBeNull();
    expect(context.otherOrdersDiscussed).toEqual([
      expect.objectContaining({
        number: 'A30002',
        ownership: 'unverified',
        placedBy: { name: '林欣怡', email: 'lin@example.com' },
      }),
    ]);
    // The bot's answer to the e-mail says what the turn was handled as: the order lookup, not
    // whatever the model made of an e-mail address on its own.
    const opened = await agent.call('conversation:open', {
      conversationId: context.conversationId,
    });
    const messages = opened.messages as { sender: string; text: string; intent: string | null }[];
    const afterEmail = messages.findIndex((m) => m.text === 'my email is wrong@example.com') + 1;
    expect(messages[afterEmail]).toMatchObject({ sender: 'bot', intent: 'track_order' });
    // Every shopper message carries the model's label, neutral band included.
    expect(context.sentiment.length).toBeGreaterThanOrEqual(3);
    for (const point of context.sentiment) {
      expect(['negative', 'neutral', 'positive']).toContain(point.label);
    }
  });

  it('marks an order the shopper proved by e-mail as verified', async () => {
    const context = await chatThenHandOver({}, ['where is my order A30001?', 'ann@example.com']);
    expect(context.otherOrdersDiscussed).toEqual([
      expect.objectContaining({ number: 'A30001', ownership: 'verified_by_email' }),
    ]);
  });

  it("flags the signed-in customer's own order and someone else's order they asked about", async () => {
    const session = await http()
      .post('/api/chat/session')
      .send({
        customerId: 'cust-ann',
        identitySignature: identitySignature(t.config.IDENTITY_SECRET, 'cust-ann'),
      });
    const context = await chatThenHandOver({ visitorToken: session.body.visitorToken }, [
      'where is my order A30001?',
      'and where is order A30002?',
    ]);
    expect(context.customer?.name).toBe('Ann Lee');
    expect(context.orders).toEqual([
      expect.objectContaining({ number: 'A30001', discussed: true }),
    ]);
    expect(context.otherOrdersDiscussed).toEqual([
      expect.objectContaining({ number: 'A30002', ownership: 'other_customer' }),
    ]);
  });
});
