import request from 'supertest';
import { DataSource } from 'typeorm';
import { ConversationService } from '../../src/chat/conversation.service';
import { IngestionService } from '../../src/commerce/ingestion.service';
import { identitySignature, randomId, ShopperClient } from '../support/chat-client';
import { backends } from '../support/databases';
import { createTestApp, TestApp } from '../support/test-app';

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

async function seedShop(t: TestApp) {
  const ingest = t.app.get(IngestionService);
  await ingest.upsertProduct('p-run', {
    title: 'Trail running shoes',
    description: 'Grippy soles and a waterproof membrane.',
    price: 89,
    stock: 4,
    category: 'Shoes',
    currency: 'USD',
    attributes: { titleZh: '越野跑鞋' },
  } as never);
  await ingest.upsertProduct('p-dress', {
    title: 'Linen summer dress',
    price: 59,
    category: 'Dresses',
    currency: 'USD',
  } as never);
  for (const [id, brand, price] of [
    ['p-pack-e', 'Ember', 165],
    ['p-pack-j', 'Juniper', 117],
  ] as const) {
    await ingest.upsertProduct(id, {
      title: `${brand} Hiking Backpack`,
      price,
      stock: 10,
      category: 'Bags',
      currency: 'USD',
    } as never);
  }
  await ingest.upsertCustomer('cust-ann', { email: 'ann@example.com', firstName: 'Ann' } as never);
  await ingest.upsertCustomer('cust-bob', { email: 'bob@example.com', firstName: 'Bob' } as never);
  const order = (number: string, customer: string, status: string, extra: object = {}) =>
    ingest.upsertOrder(`ext-${number}`, {
      number,
      customerExternalId: customer,
      status,
      currency: 'USD',
      placedAt: inDays(-3),
      items: [{ productExternalId: 'p-run', quantity: 1, unitPrice: 89 }],
      ...extra,
    } as never);
  await order('A10001', 'cust-ann', 'shipped', {
    eta: inDays(2).slice(0, 10),
    trackingUrl: 'https://track.example/A10001',
    shippedAt: inDays(-1),
  });
  await order('A10002', 'cust-ann', 'processing');
  await order('A10003', 'cust-ann', 'paid', {
    shippingAddress: { line1: '1 Old Road', city: 'Leeds', country: 'GB' },
  });
  await order('B20001', 'cust-bob', 'shipped', { shippedAt: inDays(-1) });
}

async function session(t: TestApp, body: object = {}) {
  const res = await request(t.app.getHttpServer()).post('/api/chat/session').send(body);
  return res;
}

describe.each(backends())('chat engine on %s', (backend) => {
  let t: TestApp;
  let url: string;
  const clients: ShopperClient[] = [];
  const connect = async (auth: Record<string, unknown> = {}) => {
    const c = await ShopperClient.connect(url, auth);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await createTestApp(backend, { listen: true, env: { CHAT_MESSAGES_PER_MINUTE: '40' } });
    url = t.url!;
    await seedShop(t);
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(() => t?.close());

  /** The Prometheus samples at GET /metrics, by name with labels. */
  const metrics = async () => {
    const res = await request(t.app.getHttpServer()).get('/metrics').expect(200);
    const samples = new Map<string, number>();
    for (const line of res.text.split('\n')) {
      const match = /^(\S+) (\S+)$/.exec(line);
      if (match && !line.startsWith('#')) samples.set(match[1], Number(match[2]));
    }
    return samples;
  };

  const identified = async (customer: string) => {
    const res = await session(t, {
      customerId: customer,
      identitySignature: identitySignature(t.config.IDENTITY_SECRET, customer),
    });
    expect(res.status).toBe(200);
    return connect({ visitorToken: res.body.visitorToken });
  };

  it('tracks an identified shopper’s order: number given, number missing, someone else’s refused', async () => {
    const ann = await identified('cust-ann');
    const first = await ann.say('where is my order A10001?');
    expect(first.reply.text).toContain('A10001');
    expect(first.reply.payload?.order?.number).toBe('A10001');

    const ask = await ann.say('can you track my package');
    // Ann is signed in: she is offered her orders rather than asked to look up a number.
    expect(ask.reply.text).toMatch(/Which order/);
    expect(ask.reply.payload?.quickReplies?.map((q) => q.value)).toContain('A10001');
    const answer = await ann.say('A10001');
    expect(answer.reply.payload?.order?.number).toBe('A10001');

    const other = await ann.say('track order B20001 please');
    expect(other.reply.text).toContain("isn't linked to your account");
    expect(other.reply.payload?.order).toBeUndefined();
  });

  it('answers delivery, invoice and refund questions about the order the shopper names', async () => {
    const visitor = await connect();
    const general = await visitor.say('when will my order arrive?');
    expect(general.reply.text).toMatch(/tell me the order number/);
    // The number the answer asked for, then the e-mail check, then the answer about that order.
    const email = await visitor.say('A10001');
    expect(email.reply.text).toMatch(/e-mail address used for order A10001/);
    const answer = await visitor.say('ann@example.com');
    expect(answer.reply.text).toMatch(/^Order A10001 is on its way\. Expected delivery/);
    expect(answer.reply.payload?.order?.number).toBe('A10001');

    const ann = await identified('cust-ann');
    const invoice = await ann.say('how do I download the invoice for A10001?');
    expect(invoice.reply.text).toContain('invoice for order A10001');
    const refund = await ann.say('I want a refund for order A10003');
    expect(refund.reply.text).toMatch(/A10003 .*has not shipped yet/);
    expect(refund.reply.payload?.quickReplies?.[0]?.value).toBe('Cancel order A10003');
  });

  it('answers a message sent before the previous reply arrived in the context of that reply', async () => {
    const ann = await identified('cust-ann');
    await ann.say('hello');
    // The order number follows as soon as the question is acknowledged, racing the bot's turn.
    const replies = [
      ann.next((m) => m.sender === 'bot'),
      ann.next((m) => m.sender === 'bot' && !!m.payload?.order),
    ];
    const first = await ann.call('message:send', {
      clientMsgId: randomId(),
      text: 'can you track my package',
    });
    const second = await ann.call('message:send', { clientMsgId: randomId(), text: 'A10001' });
    expect([first.ok, second.ok]).toEqual([true, true]);
    const [ask, answer] = await Promise.all(replies);
    expect(ask.text).toMatch(/Which order/);
    expect(answer.payload?.order?.number).toBe('A10001');
  });

  it('cancels an order only after confirmation', async () => {
    const ann = await identified('cust-ann');
    const ask = await ann.say('please cancel order A10002');
    expect(ask.reply.text).toMatch(/cancel it\?/);
    const done = await ann.say('yes');
    expect(done.reply.text).toContain('cancelled');
    const order = await request(t.app.getHttpServer())
      .get('/api/orders?status=cancelled')
      .set('authorization', `Bearer ${await adminToken(t)}`);
    expect(order.body.items.map((o: { number: string }) => o.number)).toContain('A10002');
    // The customer's behaviour history has the cancellation once, even after the shop syncs the
    // cancelled order back; the conversation records what the bot did.
    const cancellations = () =>
      t.app.get(DataSource).query(
        `SELECT type, payload->>'by' AS by, conversation_id IS NOT NULL AS in_chat FROM behaviour_events
           WHERE payload->>'orderId' IN ('ext-A10002', (SELECT id::text FROM orders WHERE number = 'A10002'))
             AND (type = 'order_cancelled' OR payload->>'action' = 'order_cancelled')
           ORDER BY type`,
      );
    const expected = [
      { type: 'chat_action', by: 'bot', in_chat: true },
      { type: 'order_cancelled', by: 'bot', in_chat: false },
    ];
    expect(await cancellations()).toEqual(expected);
    await t.app.get(IngestionService).upsertOrder('ext-A10002', {
      number: 'A10002',
      customerExternalId: 'cust-ann',
      status: 'cancelled',
      currency: 'USD',
      placedAt: inDays(-3),
      cancelledAt: new Date().toISOString(),
      items: [{ productExternalId: 'p-run', quantity: 1, unitPrice: 89 }],
    } as never);
    expect(await cancellations()).toEqual(expected);
  });

  it('changes a delivery address given in the request, in English and in Chinese, after confirmation', async () => {
    const ann = await identified('cust-ann');
    const ask = await ann.say(
      'please change the delivery address of order A10003 to 5 Baker Street, London, NW1 6XE, United Kingdom',
    );
    expect(ask.reply.text).toContain('"5 Baker Street, London, NW1 6XE, GB"?');
    expect((await ann.say('yes')).reply.text).toMatch(/^Done/);
    const stored = async () =>
      (
        await t.app
          .get(DataSource)
          .query(`SELECT shipping_address AS a FROM orders WHERE number = 'A10003'`)
      )[0].a;
    expect(await stored()).toMatchObject({
      line1: '5 Baker Street',
      city: 'London',
      postalCode: 'NW1 6XE',
      country: 'GB',
    });
    const zh = await ann.say('把订单A10003的收货地址改成上海市浦东新区世纪大道100号');
    expect(zh.reply.text).toContain('上海市浦东新区世纪大道100号');
    await ann.say('是的');
    expect(await stored()).toMatchObject({
      line1: '浦东新区世纪大道100号',
      city: '上海市',
      country: 'CN',
    });
  });

  it('recommends products of the category named, within a budget', async () => {
    const shopper = await connect();
    const within = await shopper.say('can you recommend some shoes under $100?');
    expect(within.reply.text).toBe('Here are some picks in Shoes under $100:');
    expect(within.reply.payload?.products?.map((p) => p.title)).toEqual(['Trail running shoes']);
    const none = await shopper.say('can you recommend shoes under $50?');
    expect(none.reply.text).toMatch(/^I couldn't find anything in Shoes under \$50/);
  });

  it('answers a question about a product by name, then about "it"', async () => {
    const shopper = await connect();
    const named = await shopper.say('are the trail running shoes waterproof?');
    expect(named.reply.text).toBe(
      'Trail running shoes: $89.00, only 4 left. Grippy soles and a waterproof membrane. If that does not answer your question, a colleague can help.',
    );
    expect(named.reply.payload?.products?.map((p) => p.title)).toEqual(['Trail running shoes']);
    const again = await shopper.say('do you have it in stock?');
    expect(again.reply.text).toMatch(/^Trail running shoes: \$89\.00, only 4 left\./);
    // The same product again, asked about its stock: the price and stock only.
    const zh = await shopper.say('越野跑鞋有货吗');
    expect(zh.reply.text).toBe('越野跑鞋：US$89.00，仅剩 4 件。');
  });

  it('asks which product is meant when several fit, says when the shop has nothing like it, lists past orders', async () => {
    const shopper = await connect();
    const which = await shopper.say('is the hiking backpack waterproof?');
    expect(which.reply.text).toBe('Which one do you mean? These fit what you wrote:');
    expect(which.reply.payload?.products?.map((p) => p.title).sort()).toEqual([
      'Ember Hiking Backpack',
      'Juniper Hiking Backpack',
    ]);
    const picked = await shopper.say('the Juniper one');
    expect(picked.reply.text).toMatch(/^Juniper Hiking Backpack: \$117\.00, in stock\./);
    // Or by its position among the cards shown.
    const other = await connect();
    const shown = await other.say('is the hiking backpack waterproof?');
    const titles = shown.reply.payload?.products?.map((p) => p.title) ?? [];
    expect(titles).toHaveLength(2);
    const second = await other.say('how much is the second one?');
    expect(second.reply.payload?.products?.map((p) => p.title)).toEqual([titles[1]]);
    expect(second.reply.text.startsWith(`${titles[1]}: $`)).toBe(true);
    const mats = await shopper.say('do you sell yoga mats?');
    expect(mats.reply.text).toMatch(/^I couldn't find exactly that in our shop/);

    const ann = await identified('cust-ann');
    const history = await ann.say('what did I order last time?');
    expect(history.reply.text).toMatch(/^Your latest orders:\n• A1000\d · /);
    expect(history.reply.text).not.toContain('B20001');
  });

  it('goes from out-of-scope to a human after two failures', async () => {
    const shopper = await connect();
    const first = await shopper.say('what is the capital of mongolia in the year 1200');
    expect(first.reply.payload?.quickReplies?.some((q) => q.value === 'contact_human_agent')).toBe(
      true,
    );
    const statusPromise = new Promise<{ status: string }>((resolve) =>
      shopper.socket.once('conversation:status', resolve),
    );
    const second = await shopper.say('solve the integral of x squared dx');
    expect(second.reply.text).toMatch(/colleague/);
    expect((await statusPromise).status).toBe('queued');
  });

  it("records each message's tone with the sentiment model's label for the customer profile", async () => {
    const shopper = await connect();
    const angry = await shopper.say('this is the third time my parcel is late, absolutely useless');
    await shopper.say('thank you so much, that was really helpful!');
    const rows: { label: string; score: number }[] = await t.app.get(DataSource).query(
      `SELECT payload->>'sentimentLabel' AS label, (payload->>'sentiment')::float AS score
         FROM behaviour_events WHERE type = 'chat_message' AND conversation_id = $1 ORDER BY seq`,
      [angry.reply.conversationId],
    );
    expect(rows.map((r) => r.label)).toEqual(['negative', 'positive']);
    expect(rows[0].score).toBeLessThan(0);
  });

  it('holds a Chinese conversation in Chinese', async () => {
    const shopper = await connect();
    const { reply } = await shopper.say('我的快递到哪里了？');
    expect(reply.text).toMatch(/[\u4e00-\u9fff]/);
    expect(reply.text).toContain('订单号');
    // An order number has no language: the answer stays Chinese, as does the conversation.
    const numbered = await shopper.say('A10001');
    expect(numbered.reply.text).toContain('邮箱');
    const [{ locale }] = await t.app
      .get(DataSource)
      .query('SELECT locale FROM conversations WHERE id = $1', [numbered.ack.conversationId]);
    expect(locale).toBe('zh');
    // Shop settings in answers come in the shopper's language too (SHOP_SUPPORT_HOURS_ZH).
    const hours = await (await connect()).say('你们的客服电话是多少');
    expect(hours.reply.text).toContain('周一至周五');
    const asked = await (await connect()).say('推荐几双跑鞋');
    expect(asked.reply.text).toContain('鞋类');
    // The shop's Chinese title (attributes.titleZh) for a Chinese shopper.
    expect(asked.reply.payload?.products?.map((p) => p.title)).toEqual(['越野跑鞋']);
  });

  it('answers both requests of a message that asks two things, in English and in Chinese', async () => {
    // Bob's first message here (Ann's conversation carries other tests' questions).
    const bob = await identified('cust-bob');
    const [status, shipping] = await bob.sayExpecting(
      'where is my order B20001? also, do you ship to Canada?',
      2,
    );
    expect(status.text).toMatch(/^Order B20001 is on its way/);
    expect(shipping.text).toMatch(/standard and express delivery/);
    const zh = await connect();
    const [cost, invoice] = await zh.sayExpecting('运费多少？另外能开发票吗', 2);
    expect(cost.text).toContain('运费');
    expect(invoice.text).toContain('发票');
  });

  it('never duplicates or loses a message resent after a reconnect', async () => {
    const first = await connect();
    const token = first.ready.visitorToken!;
    const clientMsgId = randomId();
    const sent = await first.say('hello there', clientMsgId);
    first.close();
    const again = await connect({ visitorToken: token });
    const resend = await again.call('message:send', { clientMsgId, text: 'hello there' });
    expect(resend.ok).toBe(true);
    expect(resend.duplicate).toBe(true);
    expect((resend.message as { id: string }).id).toBe((sent.ack.message as { id: string }).id);
    const resumed = await again.call('session:resume');
    const texts = (resumed.messages as { sender: string; text: string }[]).filter(
      (m) => m.sender === 'shopper',
    );
    expect(texts).toHaveLength(1);
    // Staff see the client id it was sent with (what a support engineer checks on "I sent it twice").
    const staff = await request(t.app.getHttpServer())
      .get(`/api/conversations/${sent.ack.conversationId as string}`)
      .set('authorization', `Bearer ${await adminToken(t)}`);
    const stored = (staff.body.messages as { clientMsgId: string | null }[]).filter(
      (m) => m.clientMsgId === clientMsgId,
    );
    expect(stored).toHaveLength(1);
  });

  it('keeps each conversation whole when many shoppers write at once (their writes share statements)', async () => {
    const english = [
      'hello',
      'what payment methods do you accept?',
      'how long does delivery take',
      'what is your refund policy',
    ];
    const chinese = ['你好', '你们支持哪些支付方式', '快递一般几天能到', '退货政策是什么'];
    const metricsBefore = await metrics();
    const shoppers = await Promise.all(Array.from({ length: 12 }, () => connect()));
    const linesOf = (i: number) => (i % 2 === 0 ? english : chinese);
    await Promise.all(shoppers.map((s, i) => s.say(linesOf(i)[0])));
    // Each shopper sends three questions without waiting for answers and resends the second at once.
    const sent = await Promise.all(
      shoppers.map(async (s, i) => {
        const ids = [randomId(), randomId(), randomId()];
        const sends = linesOf(i)
          .slice(1)
          .map((text, k) => s.call('message:send', { clientMsgId: ids[k], text }));
        const resend = s.call('message:send', { clientMsgId: ids[1], text: linesOf(i)[2] });
        return { acks: await Promise.all(sends), resend: await resend };
      }),
    );
    for (const { acks, resend } of sent) {
      expect([...acks, resend].every((a) => a.ok)).toBe(true);
      const ofSecond = [acks[1], resend];
      expect(ofSecond.filter((a) => a.duplicate)).toHaveLength(1);
      expect(new Set(ofSecond.map((a) => (a.message as { id: string }).id)).size).toBe(1);
    }
    await Promise.all(
      shoppers.map(async (s) => {
        while (s.received.filter((m) => m.sender === 'bot').length < 4)
          await s.next((m) => m.sender === 'bot');
      }),
    );
    for (const [i, s] of shoppers.entries()) {
      const { messages, conversation } = (await s.call('session:resume')) as unknown as {
        conversation: { id: string };
        messages: { conversationId: string; sender: string; text: string }[];
      };
      expect(messages.every((m) => m.conversationId === conversation.id)).toBe(true);
      const asked = messages.filter((m) => m.sender === 'shopper').map((m) => m.text);
      expect([...asked].sort()).toEqual([...linesOf(i)].sort()); // each once: none lost, none twice
      const answers = messages.filter((m) => m.sender === 'bot').map((m) => m.text);
      expect(answers.length).toBeGreaterThanOrEqual(4);
      // Replies went to the conversation they answer: Chinese shoppers get only Chinese ones.
      const inChinese = answers.filter((text) => /[\u4e00-\u9fff]/.test(text)).length;
      expect(inChinese).toBe(i % 2 === 0 ? 0 : answers.length);
    }
    // What an operator sees at /metrics: 48 turns answered (12 greetings, 36 questions), 12
    // resends, the 12 greetings written with their new conversations and the 48 later messages
    // (resends included) written to open ones, all by the shared statements.
    const after = await metrics();
    const delta = (name: string) => (after.get(name) ?? 0) - (metricsBefore.get(name) ?? 0);
    expect(delta('chat_turn_duration_seconds_count{outcome="answered"}')).toBe(48);
    expect(delta('chat_shopper_messages_total{result="accepted"}')).toBe(48);
    expect(delta('chat_shopper_messages_total{result="duplicate"}')).toBe(12);
    expect(delta('chat_write_batch_size_sum{write="first_message"}')).toBe(12);
    expect(delta('chat_write_batch_size_sum{write="shopper_message"}')).toBe(48);
  });

  it('answers bad payloads with error acks and stays up', async () => {
    const shopper = await connect();
    const nonString = await shopper.call('message:send', { clientMsgId: randomId(), text: 42 });
    expect(nonString.error?.code).toBe('VALIDATION_FAILED');
    const huge = await shopper.call('message:send', {
      clientMsgId: randomId(),
      text: 'x'.repeat(1024 * 1024),
    });
    expect(huge.error?.code).toBe('MESSAGE_TOO_LONG');
    const unknownField = await shopper.call('message:send', {
      clientMsgId: randomId(),
      text: 'hi',
      admin: true,
    });
    expect(unknownField.error?.code).toBe('VALIDATION_FAILED');
    const unknown = await shopper.call('drop:tables', {});
    expect(unknown.error?.code).toBe('UNKNOWN_EVENT');
    const noAck = new Promise<{ error: { code: string } }>((resolve) =>
      shopper.socket.once('chat:error', resolve),
    );
    shopper.socket.emit('message:send', { clientMsgId: 'short', text: 'no ack here' });
    expect((await noAck).error.code).toBe('VALIDATION_FAILED');
    const notAnObject = await shopper.call('message:send', 'just a string');
    expect(notAnObject.error?.code).toBe('VALIDATION_FAILED');
    // U+0000 cannot be stored by PostgreSQL: it is dropped, and a message of nothing else refused.
    const onlyNul = await shopper.call('message:send', { clientMsgId: randomId(), text: '\u0000' });
    expect(onlyNul.error?.code).toBe('VALIDATION_FAILED');
    const { ack } = await shopper.say('where is my order\u0000');
    expect((ack.message as { text: string }).text).toBe('where is my order');
    const health = await request(t.app.getHttpServer()).get('/health');
    expect(health.body.checks.db).toBe('ok');
  });

  it('rate-limits a flood with a clear error', async () => {
    const shopper = await connect();
    const acks = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        shopper.call('message:send', {
          clientMsgId: `flood-${i}-${randomId()}`,
          text: `spam ${i}`,
        }),
      ),
    );
    expect(acks.filter((a) => a.ok).length).toBeLessThanOrEqual(40);
    expect(acks.find((a) => !a.ok)?.error?.code).toBe('RATE_LIMITED');
  });

  it("does not let a visitor read or write another visitor's conversation", async () => {
    const owner = await connect();
    const { ack } = await owner.say('hello');
    const conversationId = ack.conversationId as string;
    const intruder = await connect();
    const write = await intruder.call('message:send', {
      clientMsgId: randomId(),
      text: 'hi',
      conversationId,
    });
    expect(write.error?.code).toBe('CONVERSATION_NOT_FOUND');
    const end = await intruder.call('conversation:end', { conversationId });
    expect(end.error?.code).toBe('CONVERSATION_NOT_FOUND');
    const transcript = await request(t.app.getHttpServer())
      .get(`/api/chat/conversations/${conversationId}/transcript`)
      .set('x-visitor-token', intruder.ready.visitorToken!);
    expect(transcript.status).toBe(404);
  });

  it('refuses a forged identity signature and a forged visitor token', async () => {
    const forged = await session(t, { customerId: 'cust-ann', identitySignature: 'ab'.repeat(32) });
    expect(forged.status).toBe(401);
    await expect(
      connect({ visitorToken: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged' }),
    ).rejects.toMatchObject({
      data: { code: 'VISITOR_TOKEN_INVALID' },
    });
  });

  it('ends the conversation, asks for a rating and stores it', async () => {
    const shopper = await connect();
    const { ack } = await shopper.say('thanks, bye');
    const conversationId = ack.conversationId as string;
    const prompt = shopper.next(
      (m) => !!(m.payload as { ratingPrompt?: boolean } | null)?.ratingPrompt,
    );
    const end = await shopper.call('conversation:end', { conversationId });
    expect((end.conversation as { status: string }).status).toBe('resolved');
    await prompt;
    const rated = await shopper.call('rating:submit', {
      conversationId,
      rating: 5,
      comment: 'quick and clear',
    });
    expect((rated.conversation as { rating: number }).rating).toBe(5);
    const twice = await shopper.call('rating:submit', { conversationId, rating: 1 });
    expect(twice.error?.code).toBe('ALREADY_RATED');
  });
  it('closes idle bot conversations as deflected, but not one where a person was asked for', async () => {
    const quiet = await connect();
    const { ack } = await quiet.say('what payment methods do you accept?');
    const quietId = ack.conversationId as string;
    const wantsHuman = await connect();
    const asked = await wantsHuman.say('I want to talk to a human please');
    const humanId = asked.ack.conversationId as string;
    await t.app.get(ConversationService).closeIdle(0);
    const token = await adminToken(t);
    const get = (id: string) =>
      request(t.app.getHttpServer())
        .get(`/api/conversations/${id}`)
        .set('authorization', `Bearer ${token}`);
    const closed = (await get(quietId)).body.conversation;
    expect(closed.status).toBe('resolved');
    expect(closed.resolved_by).toBe('bot');
    expect((await get(humanId)).body.conversation.status).toBe('queued');
  });

  it('lists conversations for staff with filters', async () => {
    const shopper = await connect();
    await shopper.say('how do I reset my password');
    const token = await adminToken(t);
    const list = (query: string) =>
      request(t.app.getHttpServer())
        .get(`/api/conversations?${query}`)
        .set('authorization', `Bearer ${token}`);
    const byIntent = await list('intent=recover_password');
    expect(byIntent.status).toBe(200);
    expect(byIntent.body.items.length).toBeGreaterThanOrEqual(1);
    const queued = await list('status=queued');
    expect(queued.body.items.every((c: { status: string }) => c.status === 'queued')).toBe(true);
    const future = await list(
      `from=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}`,
    );
    expect(future.body.items).toHaveLength(0);
    expect((await list('rating=9')).status).toBe(400);
    expect((await list('status=bogus')).body.error.code).toBe('VALIDATION_FAILED');
    const anonymous = await request(t.app.getHttpServer()).get('/api/conversations');
    expect(anonymous.status).toBe(401);
  });
});

async function adminToken(t: TestApp): Promise<string> {
  const res = await request(t.app.getHttpServer())
    .post('/api/auth/login')
    .send({ email: t.config.ADMIN_EMAIL, password: t.config.ADMIN_PASSWORD });
  return res.body.accessToken;
}
