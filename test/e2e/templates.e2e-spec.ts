import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/app-config';
import { NluService } from '../../src/nlu/nlu.service';
import { RetrievalService } from '../../src/retrieval/retrieval.service';
import { ShopperClient } from '../support/chat-client';
import { Backend, backends, createScratchDatabase } from '../support/databases';
import { createTestApp, TestApp } from '../support/test-app';

const MODEL_DIR = process.env.INTENT_MODEL_DIR ?? 'models/intent';

const carbonFaq = {
  intent: null,
  locale: 'en',
  title: 'Carbon neutral shipping',
  variants: [{ body: 'Yes: we offset the emissions of every parcel we ship.' }],
  exampleQuestions: ['Is your company carbon neutral?', 'Do you offset your emissions?'],
};

async function login(app: INestApplication, email: string, password: string): Promise<string> {
  const res = await request(app.getHttpServer()).post('/api/auth/login').send({ email, password });
  expect(res.status).toBe(200);
  return res.body.accessToken;
}

/** The template retrieval ranks first for a shopper message, as the dialogue would ask. */
async function topTemplate(app: INestApplication, text: string): Promise<string | undefined> {
  const { vector } = await app.get(NluService).understand(text);
  const result = await app.get(RetrievalService).search({ vector, locale: 'en', k: 5 });
  return result.hits[0]?.templateId;
}

describe.each(backends())('answer templates on %s', (backend: Backend) => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  let agent: string;
  const api = () => request(t.app.getHttpServer());
  const asAdmin = <T extends request.Test>(r: T) => r.set('authorization', `Bearer ${admin}`);

  beforeAll(async () => {
    t = await createTestApp(backend, { listen: true });
    admin = await login(t.app, t.config.ADMIN_EMAIL!, t.config.ADMIN_PASSWORD!);
    adminId = (await asAdmin(api().get('/api/auth/me'))).body.id;
    const created = await asAdmin(api().post('/api/staff')).send({
      email: 'agent@shop.example',
      password: 'agent-password-1',
      role: 'agent',
    });
    expect(created.status).toBe(201);
    agent = await login(t.app, 'agent@shop.example', 'agent-password-1');
  });
  afterAll(() => t?.close());

  it('rejects invalid templates with the reason, unknown slots at save', async () => {
    const valid = { ...carbonFaq, intent: 'check_refund_policy', title: 'Refunds' };
    const cases: [object, string, RegExp][] = [
      [{ ...valid, locale: 'fr' }, 'VALIDATION_FAILED', /locale/],
      [{ ...valid, variants: [] }, 'VALIDATION_FAILED', /variants/],
      [{ ...valid, variants: [{ body: '  ' }] }, 'VALIDATION_FAILED', /blank/],
      [{ ...valid, intent: 'teleport_parcel' }, 'VALIDATION_FAILED', /teleport_parcel/],
      [{ ...valid, title: undefined }, 'VALIDATION_FAILED', /title/],
      [{ ...valid, owner: 'me' }, 'VALIDATION_FAILED', /owner/],
      [
        { ...valid, variants: [{ body: 'Hi {{customer.shoeSize}}, see {{order.numbr}}' }] },
        'TEMPLATE_INVALID',
        /customer\.shoeSize.*order\.numbr/,
      ],
    ];
    for (const [body, code, message] of cases) {
      const res = await asAdmin(api().post('/api/templates')).send(body);
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 400, code });
      expect(JSON.stringify(res.body.error)).toMatch(message);
    }
    const list = await asAdmin(api().get('/api/templates?source=staff'));
    expect(list.body.total).toBe(0);
  });

  it('creates, lists, edits with history, restores and deletes; agents may only read', async () => {
    const created = await asAdmin(api().post('/api/templates')).send({
      ...carbonFaq,
      intent: 'check_refund_policy',
      title: 'Refund window',
      variants: [
        { body: 'Order {{order.number}} can be returned.', requires: ['order.number'] },
        { body: 'You can return items within 30 days.' },
      ],
      quickReplies: ['Start a return'],
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({ version: 1, source: 'staff', active: true });

    const byAgent = await api().get(`/api/templates/${id}`).set('authorization', `Bearer ${agent}`);
    expect(byAgent.body.title).toBe('Refund window');
    const agentWrite = await api()
      .patch(`/api/templates/${id}`)
      .set('authorization', `Bearer ${agent}`)
      .send({ title: 'x' });
    expect(agentWrite.status).toBe(403);

    const filtered = await asAdmin(
      api().get('/api/templates?intent=check_refund_policy&locale=en&source=staff&q=30 days'),
    );
    expect(filtered.body.items.map((x: { id: string }) => x.id)).toEqual([id]);
    const shippedZh = await asAdmin(api().get('/api/templates?source=shipped&locale=zh'));
    expect(shippedZh.body.total).toBeGreaterThan(20);
    expect(shippedZh.body.items.every((x: { locale: string }) => x.locale === 'zh')).toBe(true);

    const edited = await asAdmin(api().patch(`/api/templates/${id}`)).send({
      title: 'Refund window (60 days)',
      variants: [{ body: 'You can return items within 60 days.' }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, quickReplies: ['Start a return'] });
    const badEdit = await asAdmin(api().patch(`/api/templates/${id}`)).send({
      variants: [{ body: 'see {{order.colour}}' }],
    });
    expect(badEdit.body.error.code).toBe('TEMPLATE_INVALID');

    const versions = await asAdmin(api().get(`/api/templates/${id}/versions`));
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.body[0]).toMatchObject({ editedBy: adminId });
    expect(versions.body[1].snapshot.title).toBe('Refund window');

    const restored = await asAdmin(api().post(`/api/templates/${id}/versions/1/restore`));
    expect(restored.body).toMatchObject({ version: 3, title: 'Refund window' });
    expect(restored.body.variants).toHaveLength(2);
    const missing = await asAdmin(api().post(`/api/templates/${id}/versions/9/restore`));
    expect(missing.status).toBe(404);

    expect((await asAdmin(api().delete(`/api/templates/${id}`))).status).toBe(204);
    expect((await asAdmin(api().get(`/api/templates/${id}`))).status).toBe(404);
    expect((await asAdmin(api().delete(`/api/templates/${id}`))).status).toBe(404);
  });

  it('a created, edited, deactivated or deleted template is what the next query sees', async () => {
    const created = await asAdmin(api().post('/api/templates')).send(carbonFaq);
    const id = created.body.id;
    expect(await topTemplate(t.app, 'is your company carbon neutral')).toBe(id);

    await asAdmin(api().patch(`/api/templates/${id}`)).send({
      exampleQuestions: ['Can I bring my dog into the showroom?'],
    });
    expect(await topTemplate(t.app, 'can I bring my dog into the showroom')).toBe(id);
    expect(await topTemplate(t.app, 'is your company carbon neutral')).not.toBe(id);

    await asAdmin(api().patch(`/api/templates/${id}`)).send({ active: false });
    expect(await topTemplate(t.app, 'can I bring my dog into the showroom')).not.toBe(id);
    await asAdmin(api().patch(`/api/templates/${id}`)).send({ active: true });
    expect(await topTemplate(t.app, 'can I bring my dog into the showroom')).toBe(id);

    await asAdmin(api().delete(`/api/templates/${id}`));
    expect(await topTemplate(t.app, 'can I bring my dog into the showroom')).not.toBe(id);
  });

  it('rejects an FAQ CSV with a bad row by its line and imports nothing', async () => {
    const csv = [
      'question,answer,locale',
      '"Do you sell gift cards?","Yes, from 10 to 200 dollars."',
      '"Is your company carbon neutral?","We offset {{shop.carbonTons}} tons.",en',
      '"你们有礼品卡吗？","有，面额 10 到 200 美元。",zh',
    ].join('\n');
    const res = await asAdmin(api().post('/api/templates/faq-import'))
      .set('content-type', 'text/csv')
      .send(csv);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('FAQ_CSV_INVALID');
    expect(res.body.error.message).toMatch(/line 2: expected 3 fields/);
    expect(res.body.error.message).toMatch(/line 3: .*shop\.carbonTons/);
    const faqs = await asAdmin(api().get('/api/templates?source=faq'));
    expect(faqs.body.total).toBe(0);
  });

  it('imported FAQ entries answer an out-of-scope chat question right away', async () => {
    const csv =
      'question,answer\n' +
      '"Is your company carbon neutral?","Yes: we offset the emissions of every parcel."\n' +
      '"Can I bring my dog into the showroom?","Dogs on a lead are welcome in the showroom."\n';
    const res = await asAdmin(api().post('/api/templates/faq-import')).send({ csv });
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(2);
    const listed = await asAdmin(api().get('/api/templates?source=faq'));
    expect(listed.body.items.every((x: { intent: null }) => x.intent === null)).toBe(true);

    const shopper = await ShopperClient.connect(t.url!);
    try {
      const { reply } = await shopper.say('is your company carbon neutral?');
      expect(reply.text).toContain('offset the emissions');
      const dog = await shopper.say('can I bring my dog into the showroom');
      expect(dog.reply.text).toContain('Dogs on a lead');
    } finally {
      shopper.close();
    }
  });

  it('answers discount, payment-safety, genuine-shop, card-change, ships-from, physical-store, gift-card, gift-wrapping and broken-website questions from the FAQ entries a new install ships, which staff can edit', async () => {
    const shipped = await asAdmin(api().get('/api/templates?source=shipped&limit=200'));
    const discounts = shipped.body.items.filter(
      (x: { intent: string | null; title: string }) =>
        x.intent === null && /Discounts|优惠/.test(x.title),
    );
    expect(discounts.map((x: { locale: string }) => x.locale).sort()).toEqual(['en', 'zh']);
    const shopper = await ShopperClient.connect(t.url!);
    try {
      // Both are out of scope for the intent model.
      const en = await shopper.say('can you give me a discount?');
      expect(en.reply.text).toMatch(/promo code goes into the "Discount code" field/);
      const zh = await shopper.say('能便宜点吗');
      expect(zh.reply.text).toMatch(/^当前的优惠活动会显示在网站和商品页面上/);
      // Read as a payment problem, which would apologise for a failed payment.
      const safe = await shopper.say('is it safe to pay on your site?');
      expect(safe.reply.text).toMatch(
        /^Paying here is safe: checkout runs over an encrypted connection/,
      );
      // A shopper wondering whether the shop is a scam is told who runs it and what protects an
      // order (the model reads it as a product question at 1.00); an answer starting "Yes" would
      // have answered "is this a scam?" with yes.
      const scam = await shopper.say('is this a scam');
      expect(scam.reply.text).toMatch(/^We are a genuine, registered shop\./);
      const zhScam = await shopper.say('是不是骗子网站');
      expect(zhScam.reply.text).toMatch(/^我们是正规经营的店铺/);
      // Read as editing the account (0.99), whose answer is about the profile page; a card that
      // was refused is a payment problem, not this entry.
      const newCard = await shopper.say('can I change my card details');
      expect(newCard.reply.text).toMatch(/^Your card is not saved in your account/);
      const refused = await shopper.say('my card details were rejected');
      expect(refused.reply.text).not.toMatch(/^Your card is not saved|^Paying here is safe/);
      // Read as a complaint (0.31): a clarification among complaint, contact and tracking.
      const shipsFrom = await shopper.say('你们是哪里发货');
      expect(shipsFrom.reply.text).toMatch(/^订单从我们的仓库发出/);
      const promo = await shopper.say("my promo code isn't working");
      expect(promo.reply.text).toMatch(/If a code is not accepted, check its expiry date/);
      // Read as a request for products ("do you have …"), which would show popular picks.
      const store = await shopper.say('do you have a physical store?');
      expect(store.reply.text).toMatch(/^We are an online shop, so there is no store to visit/);
      const zhStore = await shopper.say('你们有实体店吗');
      expect(zhStore.reply.text).toMatch(/^我们是网店/);
      // Read as a payment-methods question, which would list the methods without the card.
      const card = await shopper.say('can I pay with a gift card?');
      expect(card.reply.text).toMatch(/^A gift card is used at checkout/);
      // Read as a delivery-options question.
      const wrap = await shopper.say('is gift wrap an option for my parcel?');
      expect(wrap.reply.text).toMatch(/^Yes: tick "This is a gift" at checkout/);
      // Read as a sign-up problem, which would explain e-mail confirmations.
      const down = await shopper.say('the website keeps showing an error page');
      expect(down.reply.text).toMatch(/^Sorry about that\. Most page problems go away/);
      const zhDown = await shopper.say('网页打不开');
      expect(zhDown.reply.text).toMatch(/^抱歉给您带来不便。页面出问题时/);
      // A present to choose is a request for products, not a gift entry.
      const present = await shopper.say('I need a gift for my mom');
      expect(present.reply.text).not.toMatch(/This is a gift|A gift card is used/);
    } finally {
      shopper.close();
    }
  });

  it('does not answer unrelated out-of-scope questions with a shipped FAQ entry close in meaning only', async () => {
    // Their sentence vectors are close to the shipped entries' (all lie near "out of scope"),
    // but they share no important words with them.
    for (const text of ['秦始皇是哪年统一六国的', '炸酱面怎么做', '信用卡逾期了怎么办']) {
      const shopper = await ShopperClient.connect(t.url!);
      try {
        const { reply } = await shopper.say(text);
        expect(reply.text).not.toMatch(/^(当前的优惠活动|在这里付款是安全的|服装和鞋类商品页面)/);
        expect(reply.text).toMatch(/帮不上忙|人工/);
      } finally {
        shopper.close();
      }
    }
  });

  it('answers an FAQ question asked in other words, even one the model reads as an intent', async () => {
    const csv =
      'question,answer,locale\n' +
      '"Do you sell gift cards?","Yes: gift cards from $10 to $500, under Gift cards in the menu.",en\n' +
      '"你们有礼品卡吗？","有的，礼品卡面值 50 到 2000 元，在菜单“礼品卡”里购买。",zh\n';
    const res = await asAdmin(api().post('/api/templates/faq-import')).send({ csv });
    expect(res.status).toBe(200);
    const shopper = await ShopperClient.connect(t.url!);
    try {
      // Read out of context as a payment-methods question (0.97).
      const card = await shopper.say('are gift cards available?');
      expect(card.reply.text).toBe(
        'Yes: gift cards from $10 to $500, under Gift cards in the menu.',
      );
      const zh = await shopper.say('能买礼品卡吗');
      expect(zh.reply.text).toMatch(/^有的，礼品卡面值/);
      // An order request is still an order request.
      const where = await shopper.say('where is my order?');
      expect(where.reply.text).toMatch(/order number/);
    } finally {
      shopper.close();
    }
  });
});

describe.each(backends())('template index across restarts on %s', (backend: Backend) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'concierge-index-'));
  let scratch: { url: string; drop: () => Promise<void> } | undefined;
  const start = async (env: Record<string, string> = {}) => {
    const app = await createApp(
      loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'error',
        DATA_DIR: dataDir,
        SEED_DEMO: 'false',
        INTENT_MODEL_DIR: MODEL_DIR,
        ...(scratch ? { DATABASE_URL: scratch.url } : {}),
        ...env,
      }),
    );
    await app.init();
    return app;
  };

  beforeAll(async () => {
    if (backend === 'postgres') scratch = await createScratchDatabase();
  });
  afterAll(async () => {
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  let templateId: string;

  it('loads the saved index after a restart instead of rebuilding it', async () => {
    const first = await start();
    expect((await first.get(RetrievalService).lastLoad()).rebuilt).toBe(true);
    const admin = await login(first, 'admin@concierge.local', 'concierge-admin');
    const created = await request(first.getHttpServer())
      .post('/api/templates')
      .set('authorization', `Bearer ${admin}`)
      .send(carbonFaq);
    await first.close();

    const second = await start();
    const load = await second.get(RetrievalService).lastLoad();
    expect(load).toMatchObject({ rebuilt: false, reencoded: 0 });
    expect(load.templates).toBeGreaterThan(1);
    expect(await topTemplate(second, 'is your company carbon neutral')).toBe(created.body.id);
    await second.close();
    templateId = created.body.id;
  }, 120_000);

  it('rebuilds the index when the intent model version changes', async () => {
    expect(templateId).toBeDefined();

    // Same weights, different labels file bytes: a different model version to the index.
    const otherModel = mkdtempSync(join(tmpdir(), 'concierge-model-'));
    try {
      cpSync(MODEL_DIR, otherModel, { recursive: true });
      const labels = join(otherModel, 'labels.json');
      writeFileSync(labels, JSON.stringify(JSON.parse(readFileSync(labels, 'utf8'))));
      const third = await start({ INTENT_MODEL_DIR: otherModel });
      const rebuilt = await third.get(RetrievalService).lastLoad();
      expect(rebuilt.rebuilt).toBe(true);
      expect(rebuilt.reencoded).toBe(rebuilt.templates);
      expect(await topTemplate(third, 'is your company carbon neutral')).toBe(templateId);
      await third.close();
    } finally {
      rmSync(otherModel, { recursive: true, force: true });
    }
  }, 120_000);
});
