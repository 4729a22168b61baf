import { Browser, BrowserContext, Page } from 'playwright-core';
import { buildWidget } from '../../apps/widget/build';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Namespace } from 'socket.io';
import { DataSource } from 'typeorm';
import { ChatGateway } from '../../src/chat/chat.gateway';
import { IngestionService } from '../../src/commerce/ingestion.service';
import { createTestApp, TestApp } from '../support/test-app';
import { chromiumMissing, launchChromium, screenshot } from './widget-browser';

const THEME = '#0f766e';
const SHOE_IMAGE = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="#f97316"/></svg>',
)}`;
/**
 * Host shop pages for the isolation tests come from a second local HTTP server, so the widget
 * is embedded cross-origin as on a real shop (a page made up by Playwright's router would count
 * as public and Chromium would block its WebSocket to 127.0.0.1).
 */
const hostPages = new Map<string, string>();
const hostServer = createServer((req, res) => {
  const body = hostPages.get(req.url ?? '');
  res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body ?? 'not found');
});

const missing = chromiumMissing();
const suite = missing ? describe.skip : describe;
if (missing) process.stderr.write(`widget browser tests SKIPPED: ${missing}\n`);

suite(`storefront widget in Chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let t: TestApp;
  let browser: Browser;
  let hostUrl: string;
  const contexts: BrowserContext[] = [];

  // Boots the platform (NLU model included) and Chromium: slow on a shared machine.
  jest.setTimeout(120_000);
  beforeAll(async () => {
    await buildWidget({ typecheck: false });
    t = await createTestApp('pglite', {
      listen: true,
      env: { WIDGET_THEME_COLOR: THEME, CHAT_MESSAGES_PER_MINUTE: '100' },
    });
    const ingest = t.app.get(IngestionService);
    await ingest.upsertProduct('p-run', {
      title: 'Trail running shoes',
      price: 89,
      currency: 'USD',
      category: 'Shoes',
      imageUrl: SHOE_IMAGE,
      url: 'https://shop.example/p/trail-running-shoes',
    } as never);
    await ingest.upsertProduct('p-dress', {
      title: 'Linen summer dress',
      price: 59,
      currency: 'USD',
      category: 'Dresses',
    } as never);
    await new Promise<void>((resolve) => hostServer.listen(0, '127.0.0.1', resolve));
    hostUrl = `http://127.0.0.1:${(hostServer.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 300_000);
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
    hostServer.close();
    await t?.close();
  });

  const newPage = async (options: { viewport?: { width: number; height: number } } = {}) => {
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 800 },
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  };

  /** Serves `body` as a shop page embedding the real widget. */
  const hostPage = async (page: Page, path: string, body: string, lang = 'en') => {
    hostPages.set(
      path,
      `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body>${body}<script src="${t.url}/widget.js" data-site-key="test" async></script></body></html>`,
    );
    await page.goto(`${hostUrl}${path}`);
  };

  const widget = (page: Page) => {
    const w = page.locator('concierge-widget');
    return {
      launcher: w.locator('.launcher'),
      panel: w.locator('.panel'),
      input: w.locator('.composer textarea'),
      log: w.locator('.log'),
      rows: (sender: string) => w.locator(`.log .row[data-sender="${sender}"]`),
      chips: w.locator('.chip'),
      cards: w.locator('.card'),
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

  it('opens from the launcher on the demo storefront, sends a message and shows the bot answer', async () => {
    const page = await newPage();
    await page.goto(`${t.url}/`);
    await page.getByText('Trail running shoes').first().waitFor();
    const w = widget(page);
    await w.launcher.waitFor();
    const themed = await w.launcher.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(themed).toBe('rgb(15, 118, 110)');
    await screenshot(page, '01-storefront-closed');

    await w.launcher.click();
    await expect(w.panel.isVisible()).resolves.toBe(true);
    // The header names the shop (SHOP_NAME), as the bot's greeting does.
    expect(await w.panel.locator('.title').textContent()).toBe(t.config.SHOP_NAME);
    expect(
      await w.input.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement),
    ).toBe(true);
    const reply = await say(page, 'where is my order?');
    expect(await reply.locator('.bubble').textContent()).toMatch(/order number/i);
    expect(await w.rows('shopper').first().locator('.bubble').textContent()).toBe(
      'where is my order?',
    );
    await expect(w.rows('shopper').first().locator('time').count()).resolves.toBe(1);
    await screenshot(page, '02-conversation');

    await w.input.press('Escape');
    await expect(w.panel.isHidden()).resolves.toBe(true);
    expect(
      await w.launcher.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement),
    ).toBe(true);
  });

  it('sends a quick reply’s value and shows its label, then connects to an agent', async () => {
    const page = await newPage();
    await page.goto(`${t.url}/`);
    const w = widget(page);
    await w.launcher.click();
    await say(page, 'what is the capital of mongolia in the year 1200');
    const chip = w.chips.first();
    const label = (await chip.textContent())!;
    expect(label.length).toBeGreaterThan(0);
    await chip.click();
    await w.rows('shopper').nth(1).waitFor();
    expect(await w.rows('shopper').nth(1).locator('.bubble').textContent()).toBe(label);
    await w.log.getByText('Connecting you to an agent…').waitFor();
    await screenshot(page, '03-quick-reply-handoff');
  });

  it('shows product cards for a recommendation request', async () => {
    const page = await newPage();
    await page.goto(`${t.url}/`);
    const w = widget(page);
    await w.launcher.click();
    const reply = await say(page, 'can you recommend some shoes?');
    const card = reply.locator('.card').first();
    await card.waitFor();
    expect(await card.locator('.card-title').textContent()).toBe('Trail running shoes');
    expect(await card.locator('.price').textContent()).toBe('$89.00');
    expect(await card.getAttribute('href')).toBe('https://shop.example/p/trail-running-shoes');
    expect(await card.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(
      40,
    );
    await screenshot(page, '04-product-cards');
  });

  it('restores the conversation after a reload', async () => {
    const page = await newPage();
    await page.goto(`${t.url}/`);
    const w = widget(page);
    await w.launcher.click();
    const reply = await say(page, 'hello, I need some help with my order');
    const botText = await reply.locator('.bubble').textContent();
    await page.reload();
    await w.launcher.click();
    await w.rows('shopper').first().waitFor();
    expect(await w.rows('shopper').first().locator('.bubble').textContent()).toBe(
      'hello, I need some help with my order',
    );
    expect(await w.rows('bot').first().locator('.bubble').textContent()).toBe(botText);
    await screenshot(page, '05-after-reload');
  });

  it('recovers from a lost connection and sends a message typed offline exactly once', async () => {
    const page = await newPage();
    await page.goto(`${t.url}/`);
    const w = widget(page);
    await w.launcher.click();
    await say(page, 'hello');
    await page.context().setOffline(true);
    // The server side of the socket goes too, as when a proxy or the server restarts.
    (t.app.get(ChatGateway) as unknown as { namespace: Namespace }).namespace.disconnectSockets(
      true,
    );
    const banner = page.locator('concierge-widget .status');
    await banner.waitFor();
    await w.input.fill('can you recommend some shoes?');
    await w.input.press('Enter');
    const pending = w.rows('shopper').nth(1);
    expect(await pending.locator('.meta').textContent()).toBe('Not sent yet — will retry');
    await screenshot(page, '10-offline');
    await page.context().setOffline(false);
    await w.cards.first().waitFor();
    await banner.waitFor({ state: 'hidden' });
    expect(await w.rows('shopper').count()).toBe(2);
    await page.reload();
    await w.launcher.click();
    await w.cards.first().waitFor();
    const shopperTexts = await w.rows('shopper').locator('.bubble').allTextContents();
    expect(shopperTexts).toEqual(['hello', 'can you recommend some shoes?']);
  });

  it('ends the conversation and takes a star rating with a comment', async () => {
    const page = await newPage();
    await page.goto(`${t.url}/`);
    const w = widget(page);
    await w.launcher.click();
    await say(page, 'hello');
    await page.locator('concierge-widget .end').click();
    const form = page.locator('concierge-widget form.rating');
    await form.waitFor();
    await w.log.getByText('This conversation has ended.').waitFor();
    await form.locator('label[aria-label="4 out of 5 stars"]').click();
    await form.locator('textarea').fill('quick and friendly');
    await screenshot(page, '11-rating');
    await form.locator('button[type=submit]').click();
    await w.log.getByText('Thank you for your feedback!').waitFor();
  });

  it('speaks Chinese on a zh page', async () => {
    const page = await newPage();
    await page.goto(`${t.url}/zh`);
    const w = widget(page);
    expect(await w.launcher.getAttribute('aria-label')).toBe('打开在线客服');
    await w.launcher.click();
    expect(await w.input.getAttribute('placeholder')).toBe('请输入消息…');
    const reply = await say(page, '我的快递到哪里了？');
    expect(await reply.locator('.bubble').textContent()).toContain('订单号');
    await screenshot(page, '06-chinese');
  });

  it('renders a message containing markup as inert text', async () => {
    const page = await newPage();
    await hostPage(page, '/xss', '<h1>Shop</h1><script>window.__xss = false</script>');
    const w = widget(page);
    await w.launcher.click();
    const attack = '<img src=x onerror="window.__xss = true">';
    await say(page, attack);
    expect(await w.rows('shopper').first().locator('.bubble').textContent()).toBe(attack);
    expect(await w.log.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss: boolean }).__xss)).toBe(false);
    await screenshot(page, '07-markup-as-text');
  });

  it('keeps the host page’s CSS out of the widget', async () => {
    const styleOf = async (page: Page) => {
      const w = widget(page);
      await w.launcher.click();
      await say(page, 'hello');
      const read = (el: Element) => {
        const s = getComputedStyle(el);
        return {
          fontSize: s.fontSize,
          color: s.color,
          fontFamily: s.fontFamily,
          lineHeight: s.lineHeight,
        };
      };
      return {
        bubble: await w.rows('bot').first().locator('.bubble').evaluate(read),
        input: await w.input.evaluate(read),
        panel: await w.panel.boundingBox(),
      };
    };
    const plain = await newPage();
    await hostPage(plain, '/plain', '<p>plain shop</p>');
    const hostile = await newPage();
    await hostPage(
      hostile,
      '/hostile',
      '<style>* { font-size: 40px !important; color: red !important; font-family: serif !important; line-height: 3 !important } div, section, button { display: block; padding: 30px; border: 5px solid lime }</style><p>loud shop</p>',
    );
    const expected = await styleOf(plain);
    const actual = await styleOf(hostile);
    expect(expected.bubble.fontSize).toBe('14px');
    expect(actual).toEqual(expected);
    await screenshot(hostile, '08-hostile-host-css');
  });

  it('runs API calls queued before the loader arrived', async () => {
    const page = await newPage();
    await hostPage(
      page,
      '/queued',
      `<script>window.ConciergeQueue = [['setLocale', 'zh'], ['track', 'page_view', { url: location.href, title: 'queued' }], ['open']];</script>`,
    );
    const w = widget(page);
    await w.panel.waitFor();
    expect(await w.input.getAttribute('placeholder')).toBe('请输入消息…');
    // track() reached the signals intake once the session existed.
    const db = t.app.get(DataSource);
    const tracked = () =>
      db.query(
        `SELECT payload->>'title' AS title FROM behaviour_events WHERE type = 'page_view' AND visitor_id IS NOT NULL`,
      );
    for (let i = 0; i < 50 && (await tracked()).length === 0; i++) await page.waitForTimeout(200);
    expect(await tracked()).toEqual([{ title: 'queued' }]);
    await page.evaluate(() =>
      (window as unknown as { Concierge: { close(): void } }).Concierge.close(),
    );
    await expect(w.panel.isHidden()).resolves.toBe(true);
  });

  it("records a browsing visitor's events before any chat, under the visitor the chat then uses", async () => {
    const page = await newPage();
    await hostPage(
      page,
      '/browsing',
      `<script>window.ConciergeQueue = [['track', 'product_view', { productId: 'p-dress', price: 59 }]];</script>`,
    );
    const db = t.app.get(DataSource);
    const viewed = () =>
      db.query(
        `SELECT visitor_id AS "visitorId" FROM behaviour_events
          WHERE type = 'product_view' AND payload->>'productId' = 'p-dress'`,
      );
    for (let i = 0; i < 50 && (await viewed()).length === 0; i++) await page.waitForTimeout(200);
    const [event] = await viewed();
    expect(event?.visitorId).toEqual(expect.any(String));
    // The chat was never opened: no conversation yet. Opening it keeps the same visitor.
    const w = widget(page);
    await w.launcher.click();
    await say(page, 'hello');
    const [conversation] = await db.query(
      `SELECT visitor_id AS "visitorId" FROM conversations WHERE visitor_id = $1`,
      [event.visitorId],
    );
    expect(conversation?.visitorId).toBe(event.visitorId);
  });

  it('goes full screen on a phone', async () => {
    const page = await newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(`${t.url}/`);
    const w = widget(page);
    await w.launcher.click();
    await say(page, 'can you recommend some shoes?');
    expect(await w.panel.boundingBox()).toEqual({ x: 0, y: 0, width: 375, height: 740 });
    await screenshot(page, '09-mobile');
  });
});
