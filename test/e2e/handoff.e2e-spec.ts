import request from 'supertest';
import { IngestionService } from '../../src/commerce/ingestion.service';
import { HandoffStore } from '../../src/handoff/handoff.store';
import { toLabelledCsv } from '../../src/handoff/labelled-csv';
import { AgentClient } from '../support/agent-client';
import { identitySignature, ShopperClient } from '../support/chat-client';
import { backends } from '../support/databases';
import { createTestApp, TestApp } from '../support/test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Conv = { id: string; status: string; agentName?: string | null; assignedAgentId?: string };

describe.each(backends())('human handoff on %s', (backend) => {
  let t: TestApp;
  let url: string;
  let admin: string;
  const agents: Record<'alice' | 'bob', { id: string; token: string }> = {} as never;
  const open: { close(): void }[] = [];
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp(backend, {
      listen: true,
      env: {
        HANDOFF_GRACE_SECONDS: '1',
        HANDOFF_NOTICE_QUIET_SECONDS: '3',
        CHAT_MESSAGES_PER_MINUTE: '100',
      },
    });
    url = t.url!;
    const ingest = t.app.get(IngestionService);
    await ingest.upsertCustomer('cust-ann', {
      email: 'ann@example.com',
      firstName: 'Ann',
    } as never);
    admin = (
      await http()
        .post('/api/auth/login')
        .send({ email: t.config.ADMIN_EMAIL, password: t.config.ADMIN_PASSWORD })
    ).body.accessToken;
    for (const [key, name, max] of [
      ['alice', 'Alice', 1],
      ['bob', 'Bob', 3],
    ] as const) {
      const email = `${key}@shop.example`;
      const created = await http().post('/api/staff').set('authorization', `Bearer ${admin}`).send({
        email,
        password: 'correct horse battery',
        role: 'agent',
        name,
        maxConcurrentChats: max,
      });
      expect(created.status).toBe(201);
      const login = await http()
        .post('/api/auth/login')
        .send({ email, password: 'correct horse battery' });
      agents[key] = { id: created.body.id, token: login.body.accessToken };
    }
  }, 180_000);
  afterAll(async () => {
    open.splice(0).forEach((c) => c.close());
    await t?.close();
  });

  const shopper = async (auth: Record<string, unknown> = {}) => {
    const c = await ShopperClient.connect(url, auth);
    open.push(c);
    return c;
  };
  const agent = async (key: 'alice' | 'bob') => {
    const c = await AgentClient.connect(url, agents[key].token);
    open.push(c);
    return c;
  };
  /** The next matching `conversation:status`; null when none came within `waitMs`. */
  const statusWithin = (s: ShopperClient, predicate: (c: Conv) => boolean, waitMs: number) =>
    new Promise<Conv | null>((resolve) => {
      const timer = setTimeout(() => {
        s.socket.off('conversation:status', listener);
        resolve(null);
      }, waitMs);
      const listener = (c: Conv) => {
        if (!predicate(c)) return;
        clearTimeout(timer);
        s.socket.off('conversation:status', listener);
        resolve(c);
      };
      s.socket.on('conversation:status', listener);
    });
  const statusOf = async (s: ShopperClient, predicate: (c: Conv) => boolean) => {
    const status = await statusWithin(s, predicate, 10_000);
    if (!status) throw new Error('no matching conversation:status in time');
    return status;
  };
  /** Asks for a person until the bot hands over (a request, or two misunderstood turns). */
  const escalate = async (s: ShopperClient): Promise<string> => {
    for (let i = 0; i < 3; i++) {
      const queued = statusWithin(s, (c) => c.status === 'queued', 3000);
      const { ack } = await s.say('I want to talk to a human agent, a real person please');
      if (await queued) return ack.conversationId as string;
    }
    throw new Error('the bot never handed over');
  };

  it('refuses a shopper visitor token, a missing token and a forged one on /agent', async () => {
    const visitor = (await http().post('/api/chat/session').send({})).body.visitorToken;
    for (const token of [visitor, undefined, `${agents.alice.token}x`]) {
      const error = await AgentClient.connect(url, token).then(
        () => null,
        (e: Error & { data?: { code: string } }) => e,
      );
      expect(error?.data?.code).toBe('UNAUTHORIZED');
    }
  });

  it('refuses admin endpoints to an agent', async () => {
    const asAgent = await http()
      .get('/api/staff')
      .set('authorization', `Bearer ${agents.alice.token}`);
    expect(asAgent.status).toBe(403);
    const create = await http()
      .post('/api/staff')
      .set('authorization', `Bearer ${agents.alice.token}`)
      .send({ email: 'x@shop.example', password: 'correct horse battery', role: 'admin' });
    expect(create.status).toBe(403);
    expect((await http().get('/api/staff').set('authorization', `Bearer ${admin}`)).status).toBe(
      200,
    );
  });

  it('tells the shopper when nobody is online and keeps their e-mail as an open ticket', async () => {
    const s = await shopper();
    const notice = s.next((m) => m.sender === 'system' && /online/i.test(m.text));
    const conversationId = await escalate(s);
    expect((await notice).payload).toMatchObject({ emailRequest: true });
    const thanks = s.next((m) => m.sender === 'system' && m.text.includes('sam@example.org'));
    await s.call('message:send', {
      clientMsgId: 'email-left-1',
      text: 'sure, it is Sam@Example.org',
    });
    await thanks;
    const tickets = await http()
      .get('/api/handoff/tickets')
      .set('authorization', `Bearer ${agents.bob.token}`);
    expect(tickets.body.items).toEqual([
      expect.objectContaining({ conversationId, email: 'sam@example.org', status: 'open' }),
    ]);
    await s.call('conversation:end', { conversationId });
  });

  it('answers a waiting shopper who writes again while nobody is online, without repeating itself', async () => {
    const s = await shopper();
    const first = s.next((m) => m.sender === 'system');
    const conversationId = await escalate(s);
    expect((await first).payload).toMatchObject({ emailRequest: true });
    const systemMessages = () => s.received.filter((m) => m.sender === 'system').length;

    // Right after the request for an e-mail: within the quiet period, no second notice.
    await s.call('message:send', { clientMsgId: 'still-there-1', text: 'ok' });
    await sleep(1500);
    expect(systemMessages()).toBe(1);

    // Later, "hello?" is not met with silence: a reminder that an e-mail address can be left.
    await sleep(2000);
    const reminder = s.next((m) => m.sender === 'system');
    await s.call('message:send', { clientMsgId: 'still-there-2', text: 'hello? anyone there?' });
    expect(await reminder).toMatchObject({
      text: expect.stringMatching(/still offline.*e-mail/i),
      payload: { emailRequest: true },
    });
    // ...but not for every line sent in a row.
    await s.call('message:send', { clientMsgId: 'still-there-3', text: 'please hurry' });
    await sleep(1500);
    expect(systemMessages()).toBe(2);

    // An address opens a ticket at once, quiet period or not; later lines are added to it.
    const thanks = s.next((m) => m.sender === 'system' && m.text.includes('kim@example.org'));
    await s.call('message:send', { clientMsgId: 'still-there-4', text: 'kim@example.org' });
    expect((await thanks).payload).toMatchObject({ ticket: true });
    await sleep(3200);
    const added = s.next((m) => m.sender === 'system');
    await s.call('message:send', { clientMsgId: 'still-there-5', text: 'the zip code is 10115' });
    expect((await added).text).toMatch(/added to your request.*kim@example\.org/i);

    const transcript = await http()
      .get(`/api/conversations/${conversationId}`)
      .set('authorization', `Bearer ${admin}`);
    const shopperLines = (transcript.body.messages as { sender: string; text: string }[])
      .filter((m) => m.sender === 'shopper')
      .map((m) => m.text);
    expect(shopperLines).toEqual(
      expect.arrayContaining(['hello? anyone there?', 'please hurry', 'the zip code is 10115']),
    );
    await s.call('conversation:end', { conversationId });
  });

  it('assigns within capacity, streams messages both ways, hides notes, transfers, claims and requeues on disconnect', async () => {
    const alice = await agent('alice');
    const bob = await agent('bob');
    expect(alice.ready).toMatchObject({ presence: 'online', queue: [], chats: [] });

    // Five shoppers ask for a person: Alice (1 slot) and Bob (3 slots) take four; one waits.
    const ann = await shopper({
      visitorToken: (
        await http()
          .post('/api/chat/session')
          .send({
            customerId: 'cust-ann',
            identitySignature: identitySignature(t.config.IDENTITY_SECRET, 'cust-ann'),
          })
      ).body.visitorToken,
    });
    const shoppers = [ann, await shopper(), await shopper(), await shopper(), await shopper()];
    const ids: string[] = [];
    const assignedTo: Record<string, string | null> = {};
    for (const s of shoppers) {
      const withAgent = statusWithin(s, (c) => c.status === 'agent', 6000);
      const id = await escalate(s);
      ids.push(id);
      const got = await withAgent;
      assignedTo[id] = got?.agentName ?? null;
    }
    const names = Object.values(assignedTo);
    expect(names.filter((n) => n === 'Alice')).toHaveLength(1);
    expect(names.filter((n) => n === 'Bob')).toHaveLength(3);
    const waiting = ids.find((id) => assignedTo[id] === null)!;
    expect(waiting).toBe(ids[4]);
    const queue = await http()
      .get('/api/handoff/queue')
      .set('authorization', `Bearer ${agents.alice.token}`);
    expect(queue.body.items.map((c: Conv) => c.id)).toEqual([waiting]);
    // The shopper left waiting hears where they stand when they write.
    const waitingShopperNow = shoppers[ids.indexOf(waiting)];
    const inLine = waitingShopperNow.next((m) => m.sender === 'system');
    await waitingShopperNow.call('message:send', {
      clientMsgId: 'how-long-wait',
      text: 'how long will this take?',
    });
    expect(await inLine).toMatchObject({
      text: expect.stringMatching(/busy.*next in line/i),
      payload: { queuePosition: 1 },
    });

    // Alice's chat: a note the shopper never sees, then a reply with her name; the shopper answers.
    const aliceChat = ids.find((id) => assignedTo[id] === 'Alice')!;
    const aliceShopper = shoppers[ids.indexOf(aliceChat)];
    const note = await alice.call('message:send', {
      conversationId: aliceChat,
      text: 'INTERNAL: customer was rude last time',
      internal: true,
    });
    expect(note.ok).toBe(true);
    const visible = aliceShopper.next((m) => m.sender === 'agent');
    await alice.call('message:send', {
      conversationId: aliceChat,
      // A pasted U+0000 (PostgreSQL cannot store it) is dropped, not an error.
      text: 'Hi, I am Alice.\u0000 How can I help?',
    });
    const reply = await visible;
    expect(reply).toMatchObject({ text: 'Hi, I am Alice. How can I help?', agentName: 'Alice' });
    const fromShopper = alice.next('message:new', (m) => m.sender === 'shopper');
    await aliceShopper.call('message:send', {
      clientMsgId: 'shopper-to-alice',
      text: 'where is my parcel',
    });
    expect(await fromShopper).toMatchObject({
      text: 'where is my parcel',
      conversationId: aliceChat,
    });
    expect(aliceShopper.received.some((m) => m.text.includes('INTERNAL'))).toBe(false);
    const resumed = await aliceShopper.call('session:resume');
    const shopperTexts = (resumed.messages as { text: string }[]).map((m) => m.text);
    expect(shopperTexts).toContain('Hi, I am Alice. How can I help?');
    expect(shopperTexts.join('\n')).not.toContain('INTERNAL');
    // After a reload the shopper still sees who they are talking to.
    expect((resumed.conversation as { agentName: string | null }).agentName).toBe('Alice');
    const agentView = await bob.call('conversation:open', { conversationId: aliceChat });
    const notes = (agentView.messages as { internal: boolean; text: string }[]).filter(
      (m) => m.internal,
    );
    expect(notes.map((m) => m.text)).toEqual(['INTERNAL: customer was rude last time']);
    const shopperLines = (agentView.messages as { sender: string; intent: string | null }[]).filter(
      (m) => m.sender === 'shopper',
    );
    expect(shopperLines.every((m) => typeof m.intent === 'string')).toBe(true);
    expect(agentView.messages as { sender: string }[]).toEqual(
      expect.arrayContaining([expect.objectContaining({ sender: 'bot' })]),
    );

    // Alice resolves: the shopper is asked for a rating, and the waiting chat goes to Alice.
    const prompt = aliceShopper.next(
      (m) => !!(m.payload as { ratingPrompt?: boolean } | null)?.ratingPrompt,
    );
    const nextForAlice = alice.next(
      'conversation:assigned',
      (p) => (p.conversation as Conv).id === waiting,
    );
    const resolved = await alice.call('conversation:resolve', { conversationId: aliceChat });
    expect(resolved.ok).toBe(true);
    await prompt;
    await nextForAlice;
    const timings = resolved.timings as Record<string, number | null>;
    expect(timings.firstAgentResponseSeconds).not.toBeNull();
    expect(timings.handlingSeconds).not.toBeNull();
    expect(timings.resolutionSeconds!).toBeGreaterThanOrEqual(timings.handlingSeconds!);

    // Transfer: refused to a full agent, accepted once Bob has a free slot.
    const bobChats = ids.filter((id) => assignedTo[id] === 'Bob');
    const refused = await bob.call('conversation:transfer', {
      conversationId: bobChats[0],
      toAgentId: agents.alice.id,
    });
    expect(refused.error?.code).toBe('AGENT_UNAVAILABLE');
    const notMine = await alice.call('conversation:transfer', {
      conversationId: bobChats[1],
      toAgentId: agents.bob.id,
    });
    expect(notMine.error?.code).toBe('NOT_ASSIGNED_TO_YOU');
    await bob.call('conversation:resolve', { conversationId: bobChats[0] });
    const waitingShopper = shoppers[ids.indexOf(waiting)];
    const nowBob = statusOf(waitingShopper, (c) => c.status === 'agent' && c.agentName === 'Bob');
    const toBob = bob.next('conversation:assigned', (p) => (p.conversation as Conv).id === waiting);
    const moved = await alice.call('conversation:transfer', {
      conversationId: waiting,
      toAgentId: agents.bob.id,
    });
    expect(moved.ok).toBe(true);
    await toBob;
    await nowBob;

    // Claim: nobody takes new chats automatically while away; claiming respects capacity.
    await alice.call('presence:set', { presence: 'away' });
    await bob.call('presence:set', { presence: 'away' });
    const late = await shopper();
    const lateId = await escalate(late);
    const full = await bob.call('conversation:claim', { conversationId: lateId });
    expect(full.error?.code).toBe('AT_CAPACITY');
    const claimed = await alice.call('conversation:claim', { conversationId: lateId });
    expect(claimed.ok).toBe(true);
    const again = await alice.call('conversation:claim', { conversationId: lateId });
    expect(again.error?.code).toBe('AT_CAPACITY');

    // Alice drops off: after the grace period her chat is back in the queue.
    const requeued = statusOf(late, (c) => c.status === 'queued');
    alice.close();
    expect((await requeued).agentName).toBeNull();
    const back = await http()
      .get('/api/handoff/queue')
      .set('authorization', `Bearer ${agents.bob.token}`);
    expect(back.body.items.map((c: Conv) => c.id)).toContain(lateId);
    bob.close();
  });

  it('stores an agent’s intent correction as a redacted labelled example', async () => {
    const s = await shopper();
    const { ack } = await s.say('my email is ann@example.com, where is my parcel?');
    const bob = await agent('bob');
    const view = await bob.call('conversation:open', { conversationId: ack.conversationId });
    const message = (view.messages as { id: string; sender: string }[]).find(
      (m) => m.sender === 'shopper',
    )!;
    const unknown = await bob.call('intent:correct', {
      messageId: message.id,
      intent: 'no_such_intent',
    });
    expect(unknown.error?.code).toBe('UNKNOWN_INTENT');
    const done = await bob.call('intent:correct', { messageId: message.id, intent: 'track_order' });
    expect(done.ok).toBe(true);
    const csv = toLabelledCsv(await t.app.get(HandoffStore).corrections());
    expect(csv.startsWith('text,label\n')).toBe(true);
    expect(csv).toMatch(/where is my parcel\?",track_order\n$/);
    expect(csv).not.toContain('ann@example.com');
    bob.close();
  });
  it('offers canned responses from the answer templates, slots filled, in the chat language', async () => {
    const s = await shopper();
    const { ack } = await s.say('hello, quick question about returns');
    const bob = await agent('bob');
    const all = await bob.call('canned:list', { conversationId: ack.conversationId });
    const responses = all.responses as { title: string; text: string; intent: string | null }[];
    expect(responses.length).toBeGreaterThan(10);
    expect(responses.every((r) => !r.text.includes('{{'))).toBe(true);
    const policy = responses.find((r) => r.intent === 'check_refund_policy');
    expect(policy?.text).toMatch(/[A-Za-z]/);
    const filtered = await bob.call('canned:list', {
      conversationId: ack.conversationId,
      q: 'password',
    });
    const found = filtered.responses as { intent: string | null }[];
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(responses.length);
    bob.close();
  });
});
