import request from 'supertest';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { buildWidget } from '../../apps/widget/build';
import { IngestionService } from '../../src/commerce/ingestion.service';
import { AgentClient } from '../support/agent-client';
import { identitySignature } from '../support/chat-client';
import { createTestApp, TestApp } from '../support/test-app';
import { chromiumMissing, launchChromium, screenshot } from './widget-browser';

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

const missing = chromiumMissing();
const suite = missing ? describe.skip : describe;
if (missing) process.stderr.write(`widget agent browser tests SKIPPED: ${missing}\n`);

/**
 * The widget states a shopper sees around a human handoff and an identified order lookup:
 * the real server, the real bundle in Chromium, and a support agent on the /agent socket.
 */
suite(
  `storefront widget with an agent, in Chromium${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let t: TestApp;
    let browser: Browser;
    let agentToken: string;
    const contexts: BrowserContext[] = [];
    const agents: AgentClient[] = [];

    jest.setTimeout(120_000);
    beforeAll(async () => {
      await buildWidget({ typecheck: false });
      t = await createTestApp('pglite', {
        listen: true,
        env: { CHAT_MESSAGES_PER_MINUTE: '100' },
      });
      const ingest = t.app.get(IngestionService);
      await ingest.upsertProduct('p-run', {
        title: 'Trail running shoes',
        price: 89,
        currency: 'USD',
        category: 'Shoes',
        attributes: { titleZh: '越野跑鞋' },
      } as never);
      await ingest.upsertCustomer('cust-ann', {
        email: 'ann@example.com',
        firstName: 'Ann',
      } as never);
      await ingest.upsertOrder('ext-A10001', {
        number: 'A10001',
        customerExternalId: 'cust-ann',
        status: 'shipped',
        currency: 'USD',
        placedAt: inDays(-3),
        shippedAt: inDays(-1),
        eta: inDays(2).slice(0, 10),
        trackingUrl: 'https://track.example/A10001',
        items: [{ productExternalId: 'p-run', quantity: 1, unitPrice: 89 }],
      } as never);
      const http = () => request(t.app.getHttpServer());
      const admin = (
        await http()
          .post('/api/auth/login')
          .send({ email: t.config.ADMIN_EMAIL, password: t.config.ADMIN_PASSWORD })
      ).body.accessToken;
      const created = await http().post('/api/staff').set('authorization', `Bearer ${admin}`).send({
        email: 'alice@shop.example',
        password: 'correct horse battery',
        role: 'agent',
        name: 'Alice',
        maxConcurrentChats: 5,
      });
      expect(created.status).toBe(201);
      agentToken = (
        await http()
          .post('/api/auth/login')
          .send({ email: 'alice@shop.example', password: 'correct horse battery' })
      ).body.accessToken;
      browser = await launchChromium();
    }, 300_000);
    afterEach(async () => {
      agents.splice(0).forEach((a) => a.close());
      await Promise.all(contexts.splice(0).map((c) => c.close()));
    });
    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    const newPage = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    };

    const widget = (page: Page) => {
      const w = page.locator('concierge-widget');
      return {
        launcher: w.locator('.launcher'),
        badge: w.locator('.launcher .badge'),
        panel: w.locator('.panel'),
        subtitle: w.locator('.head .subtitle'),
        input: w.locator('.composer textarea'),
        log: w.locator('.log'),
        typing: w.locator('.log .typing-row'),
        rows: (sender: string) => w.locator(`.log .row[data-sender="${sender}"]`),
      };
    };

    const say = async (page: Page, text: string) => {
      const w = widget(page);
      const before = await w.rows('bot').count();
      await w.input.fill(text);
      await w.input.press('Enter');
      await w.rows('bot').nth(before).waitFor();
      return w.rows('bot').nth(before);
    };

    /** Asks for a person until the bot hands over (a request, or two misunderstood turns). */
    const escalate = async (page: Page) => {
      const notice = widget(page).log.getByText('Connecting you to an agent…');
      for (let i = 0; i < 3; i++) {
        await say(page, 'I want to talk to a human agent, a real person please');
        const handed = await notice
          .waitFor({ timeout: 3000 })
          .then(() => true)
          .catch(() => false);
        if (handed) return;
      }
      throw new Error('the bot never handed over');
    };

    /** Opens the storefront widget, escalates, and returns Alice with the assigned chat. */
    const handedToAlice = async (page: Page) => {
      const alice = await AgentClient.connect(t.url!, agentToken);
      agents.push(alice);
      expect(alice.ready).toMatchObject({ presence: 'online' });
      await page.goto(`${t.url}/`);
      const w = widget(page);
      await w.launcher.click();
      const assigned = alice.next('conversation:assigned', () => true, 20_000);
      await escalate(page);
      const conversationId = ((await assigned).conversation as { id: string }).id;
      return { alice, conversationId, w };
    };

    it('hands the chat to an online agent: connecting notice, agent name, typing, agent reply', async () => {
      const page = await newPage();
      const { alice, conversationId, w } = await handedToAlice(page);
      await screenshot(page, 'agent-01-connecting');

      await w.log.getByText('Alice joined the chat').waitFor();
      await w.subtitle.getByText('You are chatting with Alice').waitFor();
      expect(await w.typing.isHidden()).toBe(true);
      await screenshot(page, 'agent-02-joined');

      const typing = await alice.call('typing', { conversationId, typing: true });
      expect(typing.ok).toBe(true);
      await w.typing.waitFor({ state: 'visible' });
      await screenshot(page, 'agent-03-agent-typing');
      await alice.call('typing', { conversationId, typing: false });
      await w.typing.waitFor({ state: 'hidden' });
      await alice.call('typing', { conversationId, typing: true });
      await w.typing.waitFor({ state: 'visible' });

      const sent = await alice.call('message:send', {
        conversationId,
        text: 'Hi, I am Alice. How can I help?',
      });
      expect(sent.ok).toBe(true);
      const bubble = w.rows('agent').first();
      await bubble.waitFor();
      expect(await bubble.locator('.bubble').textContent()).toBe('Hi, I am Alice. How can I help?');
      expect(await bubble.locator('.who').textContent()).toBe('Alice');
      // The reply ends the agent's typing.
      await w.typing.waitFor({ state: 'hidden' });
      await screenshot(page, 'agent-04-agent-reply');

      // The shopper's answer reaches the agent.
      const fromShopper = alice.next('message:new', (m) => m.sender === 'shopper');
      await w.input.fill('my parcel is late');
      await w.input.press('Enter');
      expect(await fromShopper).toMatchObject({ text: 'my parcel is late', conversationId });
    });

    it('shows the queued state while the agent is away, then the agent’s name once she comes online', async () => {
      const alice = await AgentClient.connect(t.url!, agentToken);
      agents.push(alice);
      expect((await alice.call('presence:set', { presence: 'away' })).ok).toBe(true);
      const page = await newPage();
      await page.goto(`${t.url}/`);
      const w = widget(page);
      await w.launcher.click();
      await escalate(page);
      await w.subtitle.getByText('Connecting you to an agent…').waitFor();
      expect(await w.rows('agent').count()).toBe(0);
      expect(await w.log.getByText('joined the chat').count()).toBe(0);
      await screenshot(page, 'agent-00-queued');

      const assigned = alice.next('conversation:assigned');
      expect((await alice.call('presence:set', { presence: 'online' })).ok).toBe(true);
      await assigned;
      await w.subtitle.getByText('You are chatting with Alice').waitFor();
      await w.log.getByText('Alice joined the chat').waitFor();
    });

    it('counts agent messages on the launcher badge while closed and clears it on open', async () => {
      const page = await newPage();
      const { alice, conversationId, w } = await handedToAlice(page);
      await w.log.getByText('Alice joined the chat').waitFor();
      await w.launcher.click();
      await expect(w.panel.isHidden()).resolves.toBe(true);
      expect(await w.badge.isHidden()).toBe(true);

      await alice.call('message:send', { conversationId, text: 'Are you still there?' });
      await w.badge.getByText('1', { exact: true }).waitFor();
      await alice.call('message:send', { conversationId, text: 'I found your parcel.' });
      await w.badge.getByText('2', { exact: true }).waitFor();
      expect(await w.badge.getAttribute('aria-label')).toBe('2 unread messages');
      await screenshot(page, 'agent-05-unread-badge');

      await w.launcher.click();
      await expect(w.panel.isVisible()).resolves.toBe(true);
      await w.badge.waitFor({ state: 'hidden' });
      expect(await w.rows('agent').locator('.bubble').allTextContents()).toEqual([
        'Are you still there?',
        'I found your parcel.',
      ]);
      await screenshot(page, 'agent-06-badge-cleared');

      // A reload keeps the live handoff: the header still names the agent, no badge for old news.
      await page.reload();
      await w.launcher.click();
      await w.rows('agent').nth(1).waitFor();
      await w.subtitle.getByText('You are chatting with Alice').waitFor();
      expect(await w.badge.isHidden()).toBe(true);
    });

    it('shows an identified customer’s order card after Concierge.identify()', async () => {
      const page = await newPage();
      await page.goto(`${t.url}/`);
      const w = widget(page);
      await w.launcher.waitFor();
      const signature = identitySignature(t.config.IDENTITY_SECRET, 'cust-ann');
      await page.evaluate(
        ([id, sig]) =>
          (
            window as unknown as { Concierge: { identify(a: string, b: string): Promise<void> } }
          ).Concierge.identify(id, sig),
        ['cust-ann', signature] as const,
      );
      await w.launcher.click();
      const reply = await say(page, 'where is my order A10001');
      const order = reply.locator('.order');
      await order.waitFor();
      // The date as a date, not a JS Date's toString ("Sun Dec 06 2026 00:00:00 GMT+0000 …").
      expect(await reply.locator('.bubble').first().textContent()).toContain(
        `Expected delivery: ${inDays(2).slice(0, 10)}.`,
      );
      expect(await order.locator('.order-head span').first().textContent()).toBe('Order A10001');
      expect(await order.locator('.pill').textContent()).toBe('on its way');
      expect(await order.locator('li').allTextContents()).toEqual(['1 × Trail running shoes']);
      expect(await order.locator('a').getAttribute('href')).toBe('https://track.example/A10001');
      await screenshot(page, 'agent-07-order-card');
    });

    it('shows the order card in Chinese on a zh page: status and the product’s Chinese title', async () => {
      const page = await newPage();
      await page.goto(`${t.url}/zh`);
      const w = widget(page);
      await w.launcher.waitFor();
      const signature = identitySignature(t.config.IDENTITY_SECRET, 'cust-ann');
      await page.evaluate(
        ([id, sig]) =>
          (
            window as unknown as { Concierge: { identify(a: string, b: string): Promise<void> } }
          ).Concierge.identify(id, sig),
        ['cust-ann', signature] as const,
      );
      await w.launcher.click();
      const reply = await say(page, '订单A10001到哪了');
      const order = reply.locator('.order');
      await order.waitFor();
      expect(await order.locator('.pill').textContent()).toBe('已发货');
      expect(await order.locator('li').allTextContents()).toEqual(['1 × 越野跑鞋']);
      await screenshot(page, 'agent-07b-order-card-zh');
    });

    it('does not show another customer’s order to an anonymous visitor', async () => {
      const page = await newPage();
      await page.goto(`${t.url}/`);
      const w = widget(page);
      await w.launcher.click();
      const reply = await say(page, 'where is my order A10001');
      expect(await reply.locator('.order').count()).toBe(0);
      expect(await reply.locator('.bubble').textContent()).not.toContain('shipped');
    });
  },
);
