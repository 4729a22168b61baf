import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { buildConsole } from '../../apps/console/build';
import { IngestionService } from '../../src/commerce/ingestion.service';
import { identitySignature, ShopperClient } from '../support/chat-client';
import { createTestApp, TestApp } from '../support/test-app';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = join(__dirname, '..', '.artifacts', 'screenshots');

function chromiumMissing(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const reason = `Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`;
  if (process.env.CI === 'true') throw new Error(`${reason}; CI must provide it`);
  return reason;
}

const missing = chromiumMissing();
const suite = missing ? describe.skip : describe;
if (missing) process.stderr.write(`console browser tests SKIPPED: ${missing}\n`);

suite(`agent console in Chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let t: TestApp;
  let browser: Browser;
  const shoppers: ShopperClient[] = [];
  const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

  beforeAll(async () => {
    await buildConsole();
    t = await createTestApp('pglite', {
      listen: true,
      // No churn model: live scoring would replace the stored score below while Ann chats.
      env: {
        CHAT_MESSAGES_PER_MINUTE: '100',
        CHURN_MODEL_DIR: join(tmpdir(), `no-churn-model-${process.pid}`),
      },
    });
    const ingest = t.app.get(IngestionService);
    await ingest.upsertProduct('p-run', {
      title: 'Trail running shoes',
      price: 89,
      currency: 'USD',
    } as never);
    await ingest.upsertCustomer('cust-ann', {
      email: 'ann@example.com',
      firstName: 'Ann',
      lastName: 'Lee',
      country: 'US',
    } as never);
    for (const [number, status] of [
      ['A10001', 'shipped'],
      ['A10002', 'processing'],
    ])
      await ingest.upsertOrder(`ext-${number}`, {
        number,
        customerExternalId: 'cust-ann',
        status,
        currency: 'USD',
        placedAt: inDays(-3),
        items: [{ productExternalId: 'p-run', quantity: 1, unitPrice: 89 }],
      } as never);
    // A stored churn score for Ann (as live scoring writes it), shown in the customer panel.
    await t.app.get(DataSource).query(
      `INSERT INTO churn_scores (customer_id, probability, tier, model_version, reasons)
       SELECT id, 0.82, 'high', 'test@1', $1::jsonb FROM customers WHERE external_id = 'cust-ann'`,
      [
        JSON.stringify([
          {
            feature: 'days_since_last_order',
            value: 95,
            contribution: 0.9,
            text: 'No order for 95 days',
          },
          { feature: 'complaints', value: 2, contribution: 0.4, text: '2 complaints recently' },
        ]),
      ],
    );
    const admin = (
      await request(t.app.getHttpServer())
        .post('/api/auth/login')
        .send({ email: t.config.ADMIN_EMAIL, password: t.config.ADMIN_PASSWORD })
    ).body.accessToken;
    await request(t.app.getHttpServer())
      .post('/api/staff')
      .set('authorization', `Bearer ${admin}`)
      .send({
        email: 'dana@shop.example',
        password: 'correct horse battery',
        role: 'agent',
        name: 'Dana',
      })
      .expect(201);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  }, 180_000);
  afterAll(async () => {
    shoppers.forEach((s) => s.close());
    await browser?.close();
    await t?.close();
  });

  const shot = async (page: Page, name: string) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  };

  it('signs in, takes a waiting chat, replies, sees the customer, and resolves', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const consoleErrors: string[] = [];
    page.on('pageerror', (e) => consoleErrors.push(e.message));

    await page.goto(`${t.url}/console`);
    await page.fill('input[name=email]', 'dana@shop.example');
    await page.fill('input[name=password]', 'wrong password');
    await page.click('button[type=submit]');
    await page.getByRole('alert').waitFor();
    await shot(page, 'console-01-login-error');
    await page.fill('input[name=password]', 'correct horse battery');
    await page.click('button[type=submit]');
    await page.getByTestId('me').filter({ hasText: 'Dana' }).waitFor();
    // Away: the chat waits in the queue for Dana to take it instead of being assigned to her.
    await page.getByTestId('presence').selectOption('away');
    await page.locator('.top .dot.away').waitFor();

    const session = await request(t.app.getHttpServer())
      .post('/api/chat/session')
      .send({
        customerId: 'cust-ann',
        identitySignature: identitySignature(t.config.IDENTITY_SECRET, 'cust-ann'),
      });
    const ann = await ShopperClient.connect(t.url!, { visitorToken: session.body.visitorToken });
    shoppers.push(ann);
    await ann.say('where is my order A10001?');
    // The bot hands over on a request for a person (or after two turns it cannot answer).
    let handedOver = false;
    ann.socket.on('conversation:status', (c: { status: string }) => {
      if (c.status === 'queued') handedOver = true;
    });
    for (let i = 0; i < 3 && !handedOver; i++) {
      await ann.say('I want to talk to a human agent please');
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(handedOver).toBe(true);

    const take = page.getByTestId('queue').getByRole('button', { name: 'Take' });
    await take.waitFor();
    await shot(page, 'console-02-queue');
    const withDana = new Promise<{ agentName: string }>((resolve) =>
      ann.socket.on('conversation:status', (c: { status: string; agentName: string }) => {
        if (c.status === 'agent') resolve(c);
      }),
    );
    await take.click();
    expect((await withDana).agentName).toBe('Dana');

    // The transcript has the bot part with the understood intent; the context panel shows Ann's orders.
    await page.getByTestId('transcript').getByTestId('msg-bot').first().waitFor();
    await expect(
      page.getByTestId('transcript').getByTestId('intent').first().textContent(),
    ).resolves.toMatch(/\w/);
    // Each bot reply says what the turn was handled as.
    await expect(
      page.getByTestId('transcript').getByTestId('handled-as').first().textContent(),
    ).resolves.toBe('as track_order');
    await page.getByTestId('orders').getByText('A10002').waitFor();
    await expect(page.getByTestId('orders').textContent()).resolves.toContain('processing');
    // Ann asked the bot about A10001: the agent sees which of her orders the chat is about.
    const asked = page.getByTestId('orders').locator('tr', { hasText: 'asked about' });
    await expect(asked.textContent()).resolves.toContain('A10001');
    await expect(page.getByTestId('sentiment-summary').textContent()).resolves.toMatch(
      /^\d+ negative, \d+ neutral, \d+ positive; latest -?\d\.\d\d$/,
    );
    await expect(page.getByTestId('profile').textContent()).resolves.toContain('Ann Lee');
    await expect(page.getByTestId('behaviour').textContent()).resolves.toMatch(/Stage\s*\w+/);
    // Ann's profile counts the two orders the shop synced (no separate order events were sent).
    await expect(page.getByTestId('behaviour').textContent()).resolves.toContain(
      'Orders2 · value 178.00',
    );
    const churn = await page.getByTestId('churn').textContent();
    expect(churn).toContain('high 82%');
    expect(churn).toContain('No order for 95 days');
    expect(churn).toContain('2 complaints recently');

    const reply = ann.next((m) => m.sender === 'agent');
    await page
      .getByTestId('composer-text')
      .fill('Hi Ann, Dana here. Your parcel A10001 is on its way.');
    await page.getByTestId('send').click();
    const got = await reply;
    // The composer clears when the server acknowledges the send, which may come after the
    // shopper already received the message: wait for it instead of reading it once.
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="composer-text"]') as HTMLTextAreaElement | null)
          ?.value === '',
      undefined,
      { timeout: 10_000 },
    );
    expect(got.text).toBe('Hi Ann, Dana here. Your parcel A10001 is on its way.');
    expect((got as unknown as { agentName: string }).agentName).toBe('Dana');

    await ann.call('message:send', {
      clientMsgId: 'ann-thanks-1',
      text: 'great, thank you so much!',
    });
    await page.getByTestId('transcript').getByText('great, thank you so much!').waitFor();
    await page.getByTestId('sentiment').waitFor();
    await shot(page, 'console-03-chat');

    const prompt = ann.next(
      (m) => !!(m.payload as { ratingPrompt?: boolean } | null)?.ratingPrompt,
    );
    await page.getByTestId('resolve').click();
    await prompt;
    await page.getByTestId('chat-status').filter({ hasText: 'resolved' }).waitFor();
    await shot(page, 'console-04-resolved');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
