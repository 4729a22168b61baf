import { DialoguePolicy } from './dialogue-policy';
import type {
  DialoguePorts,
  DialogueState,
  OrderView,
  ProductDetail,
  ShippingAddressInput,
  TurnContext,
  Understanding,
} from './dialogue.types';

function order(partial: Partial<OrderView>): OrderView {
  return {
    id: 'o1',
    number: 'A10001',
    status: 'shipped',
    customerId: 'c1',
    customerEmail: 'ann@example.com',
    total: 42,
    currency: 'USD',
    eta: '2026-12-03',
    carrier: 'DHL',
    trackingUrl: 'https://track.example/A10001',
    placedAt: '2026-11-20T10:00:00Z',
    items: [{ title: 'Linen shirt', quantity: 1 }],
    shippingCountry: 'GB',
    ...partial,
  };
}

function nlu(intent: string, extra: Partial<Understanding> = {}): Understanding {
  return {
    lang: 'en',
    intent,
    confidence: 0.95,
    alternatives: [
      { intent, confidence: 0.95 },
      { intent: 'other', confidence: 0.03 },
    ],
    outOfScope: false,
    entities: [],
    sentiment: { score: 0, label: 'neutral' },
    vector: [1, 0],
    ...extra,
  };
}

class FakeShop implements DialoguePorts {
  /** Set by tests of messages asking two things; without it each message is one request. */
  understand?: (text: string) => Promise<Understanding>;
  orders = [
    order({}),
    order({ id: 'o2', number: 'A10002', status: 'processing', eta: null, trackingUrl: null }),
    order({ id: 'o3', number: 'B20003', customerId: 'c2', customerEmail: 'bob@example.com' }),
  ];
  cancelled: string[] = [];
  faq: { text: string } | null = null;
  async findOrderByNumber(n: string) {
    return this.orders.find((o) => o.number === n) ?? null;
  }
  async findOrderById(id: string) {
    return this.orders.find((o) => o.id === id) ?? null;
  }
  /** Like the commerce module, newest first (the orders were added oldest first). */
  recentFirst = false;
  async recentOrders(customerId: string) {
    const mine = this.orders.filter((o) => o.customerId === customerId);
    return this.recentFirst ? mine.reverse() : mine;
  }
  async cancelOrder(id: string) {
    const o = this.orders.find((x) => x.id === id)!;
    if (!['pending', 'paid', 'processing'].includes(o.status)) throw new Error('not cancellable');
    o.status = 'cancelled';
    this.cancelled.push(id);
    return o;
  }
  addressChanges: { id: string; address: ShippingAddressInput }[] = [];
  async changeShippingAddress(id: string, address: ShippingAddressInput) {
    // Like the commerce module: only ISO country codes are accepted.
    if (!/^[A-Z]{2}$/.test(address.country))
      throw Object.assign(new Error('invalid address'), { code: 'INVALID_ADDRESS' });
    this.addressChanges.push({ id, address });
    return this.orders.find((x) => x.id === id)!;
  }
  /** What popularProducts returns instead of its one made-up product. */
  popular: ProductDetail[] | null = null;
  async popularProducts(category: string | undefined) {
    if (this.popular) return this.popular.map(({ description: _d, stock: _s, ...card }) => card);
    return [
      {
        id: 'p1',
        title: `Best ${category ?? 'thing'}`,
        price: 10,
        currency: 'USD',
        imageUrl: null,
        url: null,
        category: category ?? null,
      },
    ];
  }
  async categories() {
    return ['Shoes', 'Dresses'];
  }
  products: ProductDetail[] = [
    {
      id: 'p9',
      title: 'Ember Hiking Backpack',
      price: 165.99,
      currency: 'USD',
      imageUrl: null,
      url: '/shop/products/SP-1',
      category: 'sports',
      description: 'A 30-litre pack in waxed canvas.',
      stock: 3,
    },
  ];
  async findNamedProduct(text: string, locale: string) {
    const p = this.products.find((x) => text.includes(x.title) || text.includes('登山背包'));
    return p ? { ...p, description: locale === 'zh' ? null : p.description } : null;
  }
  async findProductById(id: string) {
    return this.products.find((x) => x.id === id) ?? null;
  }
  async productsNamedInPart(text: string) {
    const said = new Set(text.toLowerCase().match(/[a-z]+/g));
    return this.products.filter(
      (p) =>
        p.title
          .toLowerCase()
          .split(' ')
          .filter((w) => said.has(w)).length >= 2,
    );
  }
  async templateAnswer(input: {
    intent: string;
    order?: OrderView;
    refund?: { status: string; amount: string };
  }) {
    const about = input.order ? ` about ${input.order.number}` : '';
    const refund = input.refund ? ` (${input.refund.status}, ${input.refund.amount})` : '';
    const text = `${this.templateOpening}template for ${input.intent}${about}${refund}`;
    return this.templateChips ? { text, payload: { quickReplies: this.templateChips } } : { text };
  }
  /** How the shop's templates begin (an apology of their own, say). */
  templateOpening = '';
  /** Quick replies the shop put on its templates. */
  templateChips: { label: string; value: string }[] | null = null;
  async faqAnswer() {
    return this.faq;
  }
  /** FAQ entries matched by the words of their question (here: the message contains it). */
  faqQuestions: { question: string; answer: string }[] = [];
  async faqByWords({ text }: { text: string }) {
    const entry = this.faqQuestions.find((f) => text.toLowerCase().includes(f.question));
    return entry ? { text: entry.answer } : null;
  }
}

const identified: TurnContext = { customerId: 'c1', firstName: 'Ann', locale: 'en' };
const anonymous: TurnContext = { customerId: null, firstName: null, locale: 'en' };
const orderEntity = (value: string) => [
  { type: 'order_number' as const, value, text: value, start: 0, end: value.length },
];

const emailNlu = (email: string) =>
  nlu('oos', {
    outOfScope: true,
    entities: [{ type: 'email', value: email, text: email, start: 0, end: email.length }],
  });

describe('DialoguePolicy', () => {
  let shop: FakeShop;
  let policy: DialoguePolicy;
  beforeEach(() => {
    shop = new FakeShop();
    policy = new DialoguePolicy(shop);
  });

  it('tells an identified shopper the status of their own order with tracking', async () => {
    const d = await policy.decide(
      'where is A10001',
      nlu('track_order', { entities: orderEntity('A10001') }),
      {},
      identified,
    );
    expect(d.replies[0].text).toContain('A10001');
    expect(d.replies[0].text).toContain('on its way');
    expect(d.replies[0].text).toContain('https://track.example/A10001');
    expect(d.replies[0].payload?.order?.number).toBe('A10001');
  });

  it("refuses to reveal another customer's order", async () => {
    const d = await policy.decide(
      'status of B20003',
      nlu('track_order', { entities: orderEntity('B20003') }),
      {},
      identified,
    );
    expect(d.replies[0].text).toContain("isn't linked to your account");
    expect(d.replies[0].payload?.order).toBeUndefined();
  });

  it("offers a signed-in shopper's recent orders, with their status, when no number is given", async () => {
    const d = await policy.decide('where is my order', nlu('track_order'), {}, identified);
    expect(d.replies[0].text).toMatch(/Which order/);
    expect(d.replies[0].payload?.quickReplies).toEqual([
      { label: 'A10001 · on its way', value: 'A10001' },
      { label: 'A10002 · being prepared', value: 'A10002' },
    ]);
  });

  it('offers a trace and a person when an order shows delivered to a shopper who never got it', async () => {
    shop.orders[0].status = 'delivered';
    // Out of context the model reads "never came" as a sign-up e-mail that never came.
    const first = await policy.decide(
      'it says delivered but I never got it',
      nlu('registration_problems', { confidence: 0.77 }),
      {},
      anonymous,
    );
    expect(first.state.pending).toMatchObject({ kind: 'order_number', intent: 'track_order' });
    // An e-mail that never came is still a sign-up problem.
    const email = await policy.decide(
      'I never received the confirmation email',
      nlu('registration_problems'),
      {},
      anonymous,
    );
    expect(email.replies[0].text).toBe('template for registration_problems');
    const number = await policy.decide(
      'A10001',
      nlu('oos', { outOfScope: true, entities: orderEntity('A10001') }),
      first.state,
      anonymous,
    );
    const answer = await policy.decide(
      'ann@example.com',
      emailNlu('ann@example.com'),
      number.state,
      anonymous,
    );
    expect(answer.replies[0].text).toMatch(/^Order A10001 is delivered\. If it hasn't reached you/);
    expect(answer.replies[0].payload?.quickReplies).toEqual([
      { label: 'Talk to a person', value: 'contact_human_agent' },
    ]);
    // A plain question about a delivered order gets the plain status.
    const plain = await policy.decide(
      'where is A10001',
      nlu('track_order', { entities: orderEntity('A10001') }),
      {},
      identified,
    );
    expect(plain.replies[0].text).toBe('Order A10001 is delivered.');
    const zh = await policy.decide(
      'A10001显示签收了但是我没收到',
      nlu('track_order', { entities: orderEntity('A10001') }),
      {},
      { ...identified, locale: 'zh' },
    );
    expect(zh.replies[0].text).toMatch(/^订单 A10001 当前状态：已签收。如果您还没有收到/);
    // Signed in without a number: the order sent, not the one still being prepared.
    const signedIn = await policy.decide(
      "my parcel hasn't arrived but the tracking says delivered",
      nlu('track_order'),
      {},
      identified,
    );
    expect(signedIn.replies[0].payload?.order?.number).toBe('A10001');
    expect(signedIn.replies[0].text).toMatch(/a colleague will open a trace/);
    // "It still hasn't arrived" without the tracking saying delivered: the order on its way.
    shop.orders[0].status = 'delivered';
    const onItsWay = await policy.decide(
      "I ordered a shirt last week and it still hasn't arrived",
      nlu('track_order'),
      {},
      identified,
    );
    expect(onItsWay.replies[0].text).toBe('Order A10002 is being prepared.');
    // A shopper whose only order is over is answered about it, not asked which one.
    shop.orders.push(order({ id: 'o7', number: 'C30007', customerId: 'c3', status: 'cancelled' }));
    const only = await policy.decide(
      'where is my order',
      nlu('track_order'),
      {},
      {
        ...identified,
        customerId: 'c3',
      },
    );
    expect(only.replies[0].text).toBe(
      "Order C30007 is cancelled. It won't be delivered, and any payment for it goes back to your original payment method. If you didn't cancel it, a colleague can look into it.",
    );
    expect(only.replies[0].payload?.quickReplies?.map((q) => q.value)).toEqual([
      'contact_human_agent',
    ]);
  });

  it('reads a missing parcel the same way when the shopper corrects which order they meant', async () => {
    shop.orders[1].status = 'delivered';
    const first = await policy.decide(
      "the tracking says delivered but it's not here",
      nlu('track_order'),
      { ordersDiscussed: ['o1'] },
      identified,
    );
    // The order just discussed is still on its way by the shop's records: an early scan.
    expect(first.replies[0].text).toMatch(
      /^Order A10001 is on its way\..*Our records still show it on its way: carriers sometimes scan/,
    );
    expect(first.replies[0].payload?.quickReplies?.map((q) => q.value)).toEqual([
      'contact_human_agent',
    ]);
    const corrected = await policy.decide(
      'no, A10002',
      nlu('track_order', { entities: orderEntity('A10002') }),
      first.state,
      identified,
    );
    expect(corrected.replies[0].text).toMatch(
      /^Order A10002 is delivered\. If it hasn't reached you.*open a trace/,
    );
    // A number asked about afresh, with more to say, is a plain status question.
    const plain = await policy.decide(
      'and where is order A10002 now',
      nlu('track_order', { entities: orderEntity('A10002') }),
      corrected.state,
      identified,
    );
    expect(plain.replies[0].text).toBe('Order A10002 is delivered.');
    // "It hasn't arrived" without the tracking saying delivered says nothing of an early scan.
    const notYet = await policy.decide(
      "my order A10001 hasn't arrived",
      nlu('track_order', { entities: orderEntity('A10001') }),
      {},
      identified,
    );
    expect(notYet.replies[0].text).not.toMatch(/early|scan/);
  });

  it('takes "it hasn\'t arrived" with nothing on its way as a recent delivery that never came', async () => {
    const daysAgo = (n: number) => new Date(Date.now() - n * 24 * 3600 * 1000).toISOString();
    shop.orders.push(
      order({
        id: 'o21',
        number: 'D40021',
        customerId: 'c5',
        status: 'delivered',
        placedAt: daysAgo(6),
      }),
      order({
        id: 'o22',
        number: 'D40022',
        customerId: 'c5',
        status: 'cancelled',
        placedAt: daysAgo(4),
      }),
      order({
        id: 'o23',
        number: 'D40023',
        customerId: 'c5',
        status: 'delivered',
        placedAt: daysAgo(60),
      }),
    );
    const customer = { ...identified, customerId: 'c5', locale: 'zh' as const };
    const late = await policy.decide(
      '我上周买的东西还没到',
      nlu('track_order', { lang: 'zh' }),
      {},
      customer,
    );
    expect(late.replies[0].payload?.order?.number).toBe('D40021');
    expect(late.replies[0].text).toMatch(/追查|同事/);
    // An order delivered long ago is not the one: asked which, as before.
    shop.orders = shop.orders.filter((o) => o.id !== 'o21');
    const old = await policy.decide(
      '我上周买的东西还没到',
      nlu('track_order', { lang: 'zh' }),
      {},
      customer,
    );
    expect(old.replies[0].text).toMatch(/^请问是哪一个订单/);
  });

  it("lists a signed-in shopper's orders on the way when asked which are coming", async () => {
    // Read alone as a choice between payment, cancelling and tracking.
    const coming = await policy.decide(
      'do I have any orders on the way?',
      nlu('check_payment_methods', { confidence: 0.3 }),
      {},
      identified,
    );
    expect(coming.replies[0].text).toBe(
      'Your orders on the way:\n' +
        '• A10001 · 20 Nov 2026 · on its way: 1× Linen shirt\n' +
        '• A10002 · 20 Nov 2026 · being prepared: 1× Linen shirt\n' +
        'Tap one to see where it is.',
    );
    // None to come: said so, with the latest orders.
    shop.orders.push(order({ id: 'o7', number: 'C30007', customerId: 'c3', status: 'delivered' }));
    const none = await policy.decide(
      '我有在路上的订单吗',
      nlu('track_order', { lang: 'zh' }),
      {},
      { ...identified, customerId: 'c3', locale: 'zh' },
    );
    expect(none.replies[0].text).toMatch(/^您目前没有在途的订单。最近的订单：\n• C30007 /);
  });

  it("lists a signed-in shopper's latest orders with their items when asked what they ordered", async () => {
    const history = await policy.decide(
      'what did I order last time?',
      nlu('delivery_period', { confidence: 0.46 }),
      {},
      identified,
    );
    expect(history.replies[0].text).toBe(
      'Your latest orders:\n' +
        '• A10001 · 20 Nov 2026 · on its way: 1× Linen shirt\n' +
        '• A10002 · 20 Nov 2026 · being prepared: 1× Linen shirt\n' +
        'Tap one to see where it is.',
    );
    const tapped = await policy.decide(
      'A10002',
      nlu('track_order', { entities: orderEntity('A10002') }),
      history.state,
      identified,
    );
    expect(tapped.replies[0].text).toBe('Order A10002 is being prepared.');
    // Or by its position in the list: "the first one", "第二个".
    const first = await policy.decide(
      'the first one',
      nlu('complaint', { confidence: 0.54 }),
      history.state,
      identified,
    );
    expect(first.replies[0].text).toMatch(/^Order A10001 is on its way\./);
    const second = await policy.decide(
      '第二个',
      nlu('oos', { outOfScope: true, lang: 'zh' }),
      history.state,
      { ...identified, locale: 'zh' },
    );
    expect(second.replies[0].text).toBe('订单 A10002 当前状态：备货中。');
    // Or by its status: "the one being prepared", "已发货的那个".
    const prepared = await policy.decide(
      'the one being prepared',
      nlu('oos', { outOfScope: true }),
      history.state,
      identified,
    );
    expect(prepared.replies[0].text).toBe('Order A10002 is being prepared.');
    const sent = await policy.decide(
      '已发货的那个',
      nlu('track_order', { lang: 'zh', confidence: 0.5 }),
      history.state,
      { ...identified, locale: 'zh' },
    );
    expect(sent.replies[0].text).toMatch(/^订单 A10001 当前状态：已发货/);
    const zh = await policy.decide(
      '我上次买了什么',
      nlu('oos', { outOfScope: true }),
      {},
      {
        ...identified,
        locale: 'zh',
      },
    );
    expect(zh.replies[0].text).toMatch(/^您最近的订单：\n• A10001 · 2026年11月20日 · 已发货：/);
    // Anonymous shoppers are told how to see theirs; another customer's are never listed.
    const asked = await policy.decide('where is my order', nlu('track_order'), {}, anonymous);
    const anon = await policy.decide(
      'show me my orders',
      nlu('track_order'),
      asked.state,
      anonymous,
    );
    expect(anon.replies[0].text).toMatch(/signed-in shopper/);
  });

  it('lets the shopper decline what the bot asked for, whatever the model reads into it', async () => {
    const chinese: TurnContext = { ...identified, locale: 'zh' };
    const ask = await policy.decide(
      '能改地址吗',
      nlu('change_shipping_address', { lang: 'zh', entities: orderEntity('A10002') }),
      {},
      chinese,
    );
    expect(ask.state.pending).toMatchObject({ kind: 'new_address' });
    // Out of context the model takes "不用了" for closing the account.
    const declined = await policy.decide(
      '不用了',
      nlu('delete_account', { lang: 'zh', confidence: 0.77 }),
      ask.state,
      chinese,
    );
    expect(declined.replies.map((r) => r.text)).toEqual(['好的，地址保持不变。']);
    expect(declined.state.pending).toBeUndefined();
    expect(shop.addressChanges).toEqual([]);
    const asked = await policy.decide('where is my order', nlu('track_order'), {}, anonymous);
    const never = await policy.decide('no thanks', nlu('thanks'), asked.state, anonymous);
    expect(never.replies[0].text).toBe('No problem. Is there anything else I can help with?');
    expect(never.state.pending).toBeUndefined();
    // A yes/no question keeps its own answer to a no.
    const cancel = await policy.decide(
      'cancel A10002',
      nlu('cancel_order', { entities: orderEntity('A10002') }),
      {},
      identified,
    );
    const kept = await policy.decide('no thanks', nlu('thanks'), cancel.state, identified);
    expect(kept.replies[0].text).toBe(
      "OK, I haven't changed anything. Order A10002 stays as it is.",
    );
    expect(shop.cancelled).toEqual([]);
  });

  it('tells a shopper without the order number where to find it, or lists a signed-in one’s orders', async () => {
    const asked = await policy.decide('where is my order', nlu('track_order'), {}, anonymous);
    // Out of context the model reads it as asking for customer service.
    const without = await policy.decide(
      "I don't have the number",
      nlu('contact_customer_service', { confidence: 0.7 }),
      asked.state,
      anonymous,
    );
    expect(without.replies[0].text).toMatch(
      /^No problem\. The order number is in the confirmation e-mail/,
    );
    expect(without.replies[0].payload?.quickReplies).toEqual([
      { label: 'Talk to a person', value: 'contact_human_agent' },
    ]);
    // Still waiting for it: the number found later is taken.
    expect(without.state.pending).toMatchObject({ kind: 'order_number', intent: 'track_order' });
    const found = await policy.decide(
      'A10001',
      nlu('oos', { outOfScope: true, entities: orderEntity('A10001') }),
      without.state,
      anonymous,
    );
    expect(found.state.pending).toMatchObject({ kind: 'order_email', intent: 'track_order' });
    // A guest who thinks an account is needed: it is not, and the number is still awaited.
    const guest = await policy.decide(
      "I don't have an account",
      nlu('create_account', { confidence: 0.6 }),
      asked.state,
      anonymous,
    );
    expect(guest.replies[0].text).toMatch(/^No account needed/);
    expect(guest.state.pending).toMatchObject({ kind: 'order_number', intent: 'track_order' });
    const signedIn = await policy.decide(
      '忘了订单号',
      nlu('recover_password', { lang: 'zh' }),
      { pending: { kind: 'order_number', intent: 'track_order', attempts: 0 } },
      { ...identified, locale: 'zh' },
    );
    expect(signedIn.replies[0].text).toBe(
      '请问是哪一个订单？下面是您最近的订单，也可以直接输入订单号。',
    );
    expect(signedIn.replies[0].payload?.quickReplies?.length).toBeGreaterThan(0);
  });

  it("answers from the shop's FAQ a question it has, before the intent's general answer, but not an order request", async () => {
    shop.faqQuestions = [
      { question: 'gift card', answer: 'Yes: gift cards from $10, at the checkout.' },
    ];
    const faq = await policy.decide(
      'do you sell gift cards?',
      nlu('product_recommendation', { confidence: 0.93 }),
      {},
      anonymous,
    );
    expect(faq.replies).toEqual([{ text: 'Yes: gift cards from $10, at the checkout.' }]);
    expect(faq.handledIntent).toBe('faq');
    // A follow-up the FAQ does not answer: that is all the bot knows, and a colleague is offered.
    const more = await policy.decide(
      'can I use two of them',
      nlu('oos', { outOfScope: true }),
      faq.state,
      anonymous,
    );
    expect(more.replies[0].text).toMatch(/^What I wrote above is all I know about that/);
    expect(more.state.failures).toBe(0);
    const yes = await policy.decide(
      'yes please',
      nlu('oos', { outOfScope: true }),
      more.state,
      anonymous,
    );
    expect(yes.escalate?.reason).toBe('requested');
    const order = await policy.decide(
      'cancel A10002, I paid with a gift card',
      nlu('cancel_order', { entities: orderEntity('A10002') }),
      {},
      identified,
    );
    expect(order.handledIntent).toBe('cancel_order');
    expect(order.state.pending).toMatchObject({ kind: 'confirm_cancel' });
    // Asked while the bot waits for an order number: answered, not "that's not an order number".
    const asked = await policy.decide('where is my order', nlu('track_order'), {}, anonymous);
    expect(asked.state.pending).toMatchObject({ kind: 'order_number' });
    const meanwhile = await policy.decide(
      'any gift cards?',
      nlu('oos', { outOfScope: true }),
      asked.state,
      anonymous,
    );
    expect(meanwhile.replies[0].text).toBe('Yes: gift cards from $10, at the checkout.');
    shop.faqQuestions = [];
  });

  it('takes a question about a delivery method right after a delivery answer as one', async () => {
    const options = await policy.decide(
      'do you ship to australia',
      nlu('delivery_options'),
      {},
      anonymous,
    );
    // Alone, "how much … cost" reads as a cancellation fee.
    const express = await policy.decide(
      'how much does express cost',
      nlu('check_cancellation_fee', { confidence: 0.9 }),
      options.state,
      anonymous,
    );
    expect(express.replies[0].text).toBe('template for delivery_options');
    // Pointing back at the delivery just answered, without naming it.
    for (const [text, lang] of [
      ['how much does that cost', 'en'],
      ['要多少钱', 'zh'],
    ] as const) {
      const that = await policy.decide(
        text,
        nlu('check_cancellation_fee', { confidence: 0.9, lang }),
        options.state,
        { ...anonymous, locale: lang },
      );
      expect(that.replies[0].text).toBe('template for delivery_options');
    }
    const cancel = await policy.decide(
      'and how much is it to cancel an express order',
      nlu('check_cancellation_fee'),
      options.state,
      anonymous,
    );
    expect(cancel.replies[0].text).toBe('template for check_cancellation_fee');
    const order = await policy.decide(
      'where is my order, it shipped by express last week',
      nlu('track_order'),
      options.state,
      anonymous,
    );
    expect(order.handledIntent).toBe('track_order');
  });

  it('tells a shopper whose account was taken over what to do, and hands over on yes', async () => {
    const hacked = await policy.decide(
      'my account got hacked',
      nlu('oos', { outOfScope: true }),
      {},
      anonymous,
    );
    expect(hacked.replies[0].text).toMatch(/^If someone else may have got into your account/);
    expect(hacked.replies[0].payload?.quickReplies?.[0].value).toBe('contact_human_agent');
    const yes = await policy.decide(
      'yes please',
      nlu('oos', { outOfScope: true }),
      hacked.state,
      anonymous,
    );
    expect(yes.escalate).toEqual({ reason: 'requested', priority: 1 });
    // "What should I do?" next: the colleague offered again, not the fallback.
    const what = await policy.decide(
      'what should I do',
      nlu('oos', { outOfScope: true }),
      hacked.state,
      anonymous,
    );
    expect(what.replies[0].payload?.quickReplies?.[0].value).toBe('contact_human_agent');
    expect(what.replies[0].text).not.toMatch(/not sure I can help/);
    const zh = await policy.decide(
      '我的账号被盗了',
      nlu('delete_account', { lang: 'zh' }),
      {},
      {
        ...anonymous,
        locale: 'zh',
      },
    );
    expect(zh.replies[0].text).toMatch(/^如果怀疑账号被他人登录/);
    // Another service's account is not the shop's to help with.
    const other = await policy.decide(
      'my Instagram account got hacked',
      nlu('oos', { outOfScope: true }),
      {},
      anonymous,
    );
    expect(other.handledIntent).toBe('oos');
  });

  it('takes leave without asking whether "ok thanks bye" was thanks or goodbye', async () => {
    const bye = await policy.decide(
      'ok thanks bye',
      nlu('thanks', {
        confidence: 0.52,
        alternatives: [
          { intent: 'thanks', confidence: 0.52 },
          { intent: 'goodbye', confidence: 0.48 },
        ],
      }),
      {},
      anonymous,
    );
    expect(bye.handledIntent).toBe('goodbye');
    expect(bye.state.pending).toBeUndefined();
  });

  it('says it is a bot when asked, with a person one tap away', async () => {
    const zh = await policy.decide(
      '你是机器人吗',
      nlu('oos', { outOfScope: true, lang: 'zh' }),
      {},
      { ...anonymous, locale: 'zh' },
    );
    expect(zh.replies[0].text).toMatch(/^我是店铺的智能客服助手，不是真人。/);
    expect(zh.replies[0].payload?.quickReplies).toEqual([
      { label: '转人工客服', value: 'contact_human_agent' },
    ]);
    const en = await policy.decide(
      'am I talking to a real person?',
      nlu('contact_customer_service', { confidence: 0.5 }),
      {},
      anonymous,
    );
    expect(en.replies[0].text).toMatch(/^I'm the shop's virtual assistant, not a person\./);
    expect(en.understood).toBe(true);
  });

  it('answers "the website won\'t let me log in" (out of scope) with what to do when signing in fails', async () => {
    const login = await policy.decide(
      "the website won't let me log in",
      nlu('oos', { outOfScope: true }),
      {},
      anonymous,
    );
    expect(login.replies[0].text).toBe('template for recover_password');
  });

  it('takes "my webcam is broken" (out of scope) as a complaint about something the shop sells', async () => {
    shop.popular = [
      {
        id: 'w1',
        title: 'Juniper Slim Webcam',
        price: 59.99,
        currency: 'USD',
        imageUrl: null,
        url: null,
        category: 'electronics',
        description: null,
        stock: 5,
      },
    ];
    const broken = await policy.decide(
      'my webcam is broken',
      nlu('oos', { outOfScope: true }),
      {},
      anonymous,
    );
    expect(broken.replies[0].text).toBe('template for complaint');
    // Something the shop does not sell is not its complaint.
    const car = await policy.decide(
      'my car is broken',
      nlu('oos', { outOfScope: true }),
      {},
      anonymous,
    );
    expect(car.handledIntent).not.toBe('complaint');
  });

  it('answers praise read as a complaint as feedback, not with an apology', async () => {
    const glowing = { sentiment: { score: 0.9, label: 'positive' as const }, confidence: 0.98 };
    const love = await policy.decide(
      'absolutely love my new shoes',
      nlu('complaint', glowing),
      {},
      anonymous,
    );
    expect(love.replies[0].text).toBe('template for review');
    const zh = await policy.decide(
      '东西不错，下次还来',
      nlu('complaint', { ...glowing, lang: 'zh' }),
      {},
      { ...anonymous, locale: 'zh' },
    );
    expect(zh.handledIntent).toBe('review');
    // Praise with a "but" is a complaint still.
    const but = await policy.decide(
      'love the design but it broke after a week',
      nlu('complaint', glowing),
      {},
      anonymous,
    );
    expect(but.handledIntent).toBe('complaint');
  });

  it('asks what happened when a shopper sends only angry emoji', async () => {
    const angry = await policy.decide(
      '😡😡😡',
      nlu('payment_issue', { confidence: 0.75 }),
      {},
      anonymous,
    );
    expect(angry.replies[0].text).toMatch(/^Sorry to see you're upset/);
    expect(angry.escalate).toBeUndefined();
    const yes = await policy.decide(
      'yes',
      nlu('oos', { outOfScope: true }),
      angry.state,
      anonymous,
    );
    expect(yes.escalate?.reason).toBe('requested');
    // A thumbs-up is still only acknowledged.
    const ok = await policy.decide('👍', nlu('oos', { outOfScope: true }), {}, anonymous);
    expect(ok.replies[0].text).not.toMatch(/upset/);
  });

  it('says it is here when asked "anyone there?" once the chat has begun, keeping a question asked', async () => {
    const hello = await policy.decide('hi', nlu('greeting'), {}, anonymous);
    const there = await policy.decide('anyone there', nlu('greeting'), hello.state, anonymous);
    expect(there.replies[0].text).toBe("Yes, I'm here! What can I help you with?");
    const zh = await policy.decide('在吗？', nlu('greeting', { lang: 'zh' }), hello.state, {
      ...anonymous,
      locale: 'zh',
    });
    expect(zh.replies[0].text).toBe('在的！请问有什么可以帮您？');
    // Waiting for an order number: still waiting, and the number that follows is taken.
    const ask = await policy.decide('where is my order', nlu('track_order'), {}, anonymous);
    const waiting = await policy.decide('hello??', nlu('greeting'), ask.state, anonymous);
    expect(waiting.replies[0].text).toBe("Yes, I'm here. Go ahead whenever you're ready.");
    expect(waiting.state.pending).toEqual(ask.state.pending);
    // The first message of a chat is a greeting like any other.
    const first = await policy.decide('anyone there', nlu('greeting'), {}, anonymous);
    expect(first.replies[0].text).toBe('template for greeting');
  });

  it('offers a person when the shopper says the answer did not help, and hands over the second time', async () => {
    const answer = await policy.decide(
      'how do I reset my password',
      nlu('recover_password'),
      {},
      anonymous,
    );
    // Out of context the model reads it as anything at all.
    const still = await policy.decide(
      'still not working',
      nlu('registration_problems'),
      answer.state,
      anonymous,
    );
    expect(still.replies[0].text).toBe(
      "Sorry that didn't solve it. A colleague can look into it with you.",
    );
    expect(still.replies[0].payload?.quickReplies).toEqual([
      { label: 'Talk to a person', value: 'contact_human_agent' },
    ]);
    expect(still.escalate).toBeUndefined();
    // "Yes" to the colleague offered hands the chat over.
    const yes = await policy.decide(
      'yes',
      nlu('oos', { outOfScope: true }),
      still.state,
      anonymous,
    );
    expect(yes.escalate).toEqual({ reason: 'requested', priority: 1 });
    const again = await policy.decide(
      '还是不行',
      nlu('product_question', { lang: 'zh' }),
      still.state,
      anonymous,
    );
    expect(again.escalate).toEqual({ reason: 'repeated_failure', priority: 0 });
    // What the answer suggested was done already, or did not work: the same.
    for (const [text, locale] of [
      ['checked spam already', 'en'],
      ['I already did that', 'en'],
      ['it says expired', 'en'],
      ['I tried another card too', 'en'],
      ['换了一张卡也不行', 'zh'],
      ["it's been two weeks", 'en'],
      ['都一个星期了', 'zh'],
      ['垃圾箱也看过了，没有', 'zh'],
      ['提示已过期', 'zh'],
    ] as const) {
      const done = await policy.decide(
        text,
        nlu('registration_problems', { lang: locale, confidence: 0.4 }),
        answer.state,
        { ...anonymous, locale },
      );
      expect(done.replies[0].payload?.quickReplies?.map((q) => q.value)).toEqual([
        'contact_human_agent',
      ]);
      expect(done.replies[0].text).toMatch(/^(Sorry that didn't solve it|抱歉还没能帮您解决)/);
    }
    // A question about a case is no report that the answer failed.
    for (const text of [
      "and if it's been 35 days",
      'what if it still does not work',
      '如果已经过了一个星期了呢',
    ]) {
      const asked = await policy.decide(text, nlu('check_refund_policy'), answer.state, anonymous);
      expect(asked.replies[0].text).not.toMatch(/^(Sorry that didn't solve it|抱歉还没能帮您解决)/);
    }
    // After a greeting there was nothing to fail; an order that is "still not here" is tracked.
    const hello = await policy.decide('hi', nlu('greeting'), {}, anonymous);
    const first = await policy.decide(
      'still not working',
      nlu('registration_problems'),
      hello.state,
      anonymous,
    );
    expect(first.replies[0].text).toBe('template for registration_problems');
    const parcel = await policy.decide(
      'my order is still not here',
      nlu('track_order'),
      answer.state,
      anonymous,
    );
    expect(parcel.handledIntent).toBe('track_order');
  });

  it('says what to do about a delivered order the shopper asks the arrival of', async () => {
    shop.orders.push(order({ id: 'o4', number: 'A10004', status: 'delivered' }));
    const when = await policy.decide(
      'when will A10004 arrive',
      nlu('delivery_period', { entities: orderEntity('A10004') }),
      {},
      identified,
    );
    expect(when.replies[0].text).toMatch(/^Order A10004 is delivered\. If it hasn't reached you/);
    expect(when.replies[0].payload?.quickReplies).toEqual([
      { label: 'Talk to a person', value: 'contact_human_agent' },
    ]);
  });

  it('asks for the number when it is missing, then answers when it comes', async () => {
    const first = await policy.decide('where is my order', nlu('track_order'), {}, anonymous);
    expect(first.state.pending).toEqual({
      kind: 'order_number',
      intent: 'track_order',
      attempts: 0,
    });
    expect(first.replies[0].text).toMatch(/order number/);
    const second = await policy.decide(
      'A10001',
      nlu('oos', { outOfScope: true, confidence: 0.2 }),
      first.state,
      anonymous,
    );
    expect(second.state.pending).toMatchObject({ kind: 'order_email' });
    expect(second.replies[0].payload?.order).toBeUndefined();
    const wrong = await policy.decide(
      'bob@example.com',
      emailNlu('bob@example.com'),
      second.state,
      anonymous,
    );
    expect(wrong.replies[0].text).toContain("doesn't match");
    expect(wrong.replies[0].text).toContain('type it again');
    expect(wrong.replies[0].payload?.order).toBeUndefined();
    // A typo gets another try: the right address in the next message shows the order.
    const right = await policy.decide(
      'ann@example.com',
      emailNlu('ann@example.com'),
      wrong.state,
      anonymous,
    );
    expect(right.replies[0].payload?.order?.number).toBe('A10001');
    expect(right.state.verifiedOrderIds).toEqual(['o1']);
  });

  describe('questions about an order (invoice, refund, delivery time, changing it)', () => {
    it('answers in general, then about the order whose number comes next, after the e-mail check', async () => {
      const general = await policy.decide(
        'when will my order arrive?',
        nlu('delivery_period'),
        {},
        anonymous,
      );
      expect(general.replies[0].text).toBe('template for delivery_period');
      // A bare number is the order the answer asked for, not a new tracking request.
      const number = await policy.decide(
        'A10001',
        nlu('track_order', { entities: orderEntity('A10001') }),
        general.state,
        anonymous,
      );
      expect(number.state.pending).toMatchObject({
        kind: 'order_email',
        intent: 'delivery_period',
      });
      expect(number.replies[0].payload?.order).toBeUndefined();
      const proven = await policy.decide(
        'ann@example.com',
        emailNlu('ann@example.com'),
        number.state,
        anonymous,
      );
      expect(proven.replies[0].text).toBe(
        'Order A10001 is on its way. Expected delivery: 2026-12-03. Track it here: https://track.example/A10001',
      );
      expect(proven.handledIntent).toBe('delivery_period');
      expect(proven.actions).toEqual([{ type: 'order_viewed', orderId: 'o1' }]);
    });

    it('takes "cancel A10002" after a general answer as a new request', async () => {
      const general = await policy.decide(
        'how do I get an invoice',
        nlu('get_invoice'),
        {},
        anonymous,
      );
      const cancel = await policy.decide(
        'actually, cancel A10002',
        nlu('cancel_order', { entities: orderEntity('A10002') }),
        general.state,
        anonymous,
      );
      expect(cancel.state.pending).toMatchObject({ kind: 'order_email', intent: 'cancel_order' });
    });

    it('takes a refund question naming an order after a delivery-time answer as that question', async () => {
      const general = await policy.decide(
        'how long does shipping take',
        nlu('delivery_period'),
        {},
        identified,
      );
      expect(general.state.pending).toMatchObject({ kind: 'order_offer' });
      // Torn between the two refund intents: not confident, but clearly not a delivery question.
      const refund = await policy.decide(
        'I never received my refund for order A10001',
        nlu('track_refund', {
          confidence: 0.56,
          alternatives: [
            { intent: 'track_refund', confidence: 0.56 },
            { intent: 'get_refund', confidence: 0.43 },
          ],
          entities: orderEntity('A10001'),
        }),
        general.state,
        identified,
      );
      expect(refund.handledIntent).toBe('track_refund');
      expect(refund.replies[0].text).toContain("can't see a refund on order A10001");
    });

    it('answers a signed-in shopper about their only order the question fits, and lists several', async () => {
      const invoice = await policy.decide('I need my invoice', nlu('get_invoice'), {}, identified);
      // A10001 has shipped (it has an invoice); A10002 is still being prepared.
      expect(invoice.replies[0].text).toBe('template for get_invoice about A10001');
      expect(invoice.replies[0].payload?.order?.number).toBe('A10001');
      shop.orders.push(order({ id: 'o4', number: 'A10004', status: 'paid' }));
      const when = await policy.decide(
        'when will my order arrive?',
        nlu('delivery_period'),
        {},
        identified,
      );
      expect(when.replies[0].text).toBe('template for delivery_period');
      expect(when.replies[0].payload?.quickReplies?.map((q) => q.value)).toEqual([
        'A10001',
        'A10002',
        'A10004',
      ]);
      // With the template's own chips and a person for an upset shopper, five at most.
      shop.templateChips = ['Delivery options', 'Track my order', 'Talk to a person'].map(
        (label) => ({ label, value: label }),
      );
      const upset = await policy.decide(
        'when will my order finally arrive, this is ridiculous',
        nlu('delivery_period', { sentiment: { score: -0.9, label: 'negative' } }),
        {},
        identified,
      );
      expect(upset.replies[0].payload?.quickReplies?.map((q) => q.label)).toEqual([
        'A10001 · on its way',
        'A10002 · being prepared',
        'A10004 · paid and being prepared',
        'Delivery options',
        'Talk to a person',
      ]);
    });

    it('says how a refund stands, or that there is none, and offers cancelling before shipping', async () => {
      shop.orders.push(order({ id: 'o5', number: 'A10005', status: 'refunded', total: 59.5 }));
      const refunded = await policy.decide(
        'where is my refund for A10005',
        nlu('track_refund', { entities: orderEntity('A10005') }),
        {},
        identified,
      );
      expect(refunded.replies[0].text).toBe(
        'template for track_refund about A10005 (sent back to your original payment method, $59.50)',
      );
      const none = await policy.decide(
        'where is my refund for A10001',
        nlu('track_refund', { entities: orderEntity('A10001') }),
        {},
        identified,
      );
      expect(none.replies[0].text).toMatch(/can't see a refund on order A10001: it is on its way/);
      shop.orders.push(order({ id: 'o6', number: 'A10006', status: 'cancelled', total: 20 }));
      const cancelled = await policy.decide(
        'and the refund for A10006?',
        nlu('track_refund', { entities: orderEntity('A10006') }),
        {},
        identified,
      );
      expect(cancelled.replies[0].text).toBe(
        'template for track_refund about A10006 (on its way back to your original payment method, as the order was cancelled, $20.00)',
      );
      const early = await policy.decide(
        'I want a refund for A10002',
        nlu('get_refund', { entities: orderEntity('A10002') }),
        {},
        identified,
      );
      expect(early.replies[0].text).toMatch(/has not shipped yet.*cancel it/);
      // Shipped but not yet delivered: nothing to send back until it arrives.
      const onTheWay = await policy.decide(
        'I want to return A10001',
        nlu('get_refund', { entities: orderEntity('A10001') }),
        {},
        identified,
      );
      expect(onTheWay.replies[0].text).toBe(
        'Order A10001 is still on its way, so it can be sent back once it arrives. Expected delivery: 2026-12-03. template for get_refund about A10001',
      );
      const onTheWayZh = await policy.decide(
        '我要退货 A10001',
        nlu('get_refund', { lang: 'zh', entities: orderEntity('A10001') }),
        {},
        { ...identified, locale: 'zh' },
      );
      expect(onTheWayZh.replies[0].text).toBe(
        '订单 A10001 还在运输中，到货后才能申请退货。预计送达：2026-12-03。template for get_refund about A10001',
      );
      expect(early.replies[0].payload?.quickReplies?.[0]).toEqual({
        label: 'Cancel order A10002',
        value: 'Cancel order A10002',
      });
      // "Yes" to that suggestion asks for the cancellation (which still wants its confirmation);
      // "ok thanks" only acknowledges it.
      const thanks = await policy.decide('ok thanks', nlu('goodbye'), early.state, identified);
      expect(thanks.state.pending).toBeUndefined();
      expect(thanks.replies[0].text).not.toMatch(/cancel/i);
      const yes = await policy.decide(
        'yes please',
        nlu('oos', { outOfScope: true }),
        early.state,
        identified,
      );
      expect(yes.state.pending).toEqual({ kind: 'confirm_cancel', orderId: 'o2' });
      expect(yes.replies[0].text).toMatch(/A10002/);
      expect(shop.cancelled).toEqual([]);
      // "The one that was delivered" means another order: the refund for it (the model reads the
      // words alone as an upset complaint).
      shop.orders.push(order({ id: 'o11', number: 'A10011', status: 'delivered' }));
      const delivered = await policy.decide(
        'the one that was delivered',
        nlu('complaint', { confidence: 0.6 }),
        early.state,
        identified,
      );
      expect(delivered.handledIntent).toBe('get_refund');
      expect(delivered.replies[0].payload?.order?.number).toBe('A10011');
      const invoice = await policy.decide(
        'invoice for A10002 please',
        nlu('get_invoice', { entities: orderEntity('A10002') }),
        {},
        identified,
      );
      expect(invoice.replies[0].text).toMatch(/A10002 is being prepared\. Its invoice appears/);
    });

    it('takes "the water bottle one" after an answer about an order as the order holding it, not an upset complaint', async () => {
      shop.orders[1].items = [{ title: 'Summit Water Bottle', quantity: 1 }];
      const change = await policy.decide(
        'can I add something to my order',
        nlu('change_order'),
        {},
        identified,
      );
      expect(change.replies[0].payload?.order?.number).toBe('A10002');
      // Read out of context as a complaint (0.99) scored negative enough to hand over.
      const upsetReading = nlu('complaint', {
        confidence: 0.99,
        sentiment: { score: -0.43, label: 'neutral' },
      });
      const picked = await policy.decide(
        'the water bottle one',
        upsetReading,
        change.state,
        identified,
      );
      expect(picked.escalate).toBeUndefined();
      expect(picked.handledIntent).toBe('change_order');
      expect(picked.replies[0].payload?.order?.number).toBe('A10002');
      // A product no order of theirs holds is not a pick: the reading stands.
      const other = await policy.decide('the webcam one', upsetReading, change.state, identified);
      expect(other.escalate?.reason).toBe('negative_complaint');
    });

    it("answers another request naming an offered order's item while waiting for which order to track", async () => {
      shop.orders[1].items = [{ title: 'Summit Water Bottle', quantity: 1 }];
      const where = await policy.decide('where is my order', nlu('track_order'), {}, identified);
      expect(where.state.pending).toMatchObject({ kind: 'order_number', intent: 'track_order' });
      const invoice = await policy.decide(
        'can I get an invoice for the linen shirt',
        nlu('get_invoice', { confidence: 1 }),
        where.state,
        identified,
      );
      expect(invoice.handledIntent).toBe('get_invoice');
      expect(invoice.replies[0].text).toBe('template for get_invoice about A10001');
      // Naming the item alone still answers which order to track.
      const bottle = await policy.decide(
        'the water bottle one',
        nlu('complaint', { confidence: 0.99 }),
        where.state,
        identified,
      );
      expect(bottle.handledIntent).toBe('track_order');
      expect(bottle.replies[0].payload?.order?.number).toBe('A10002');
    });

    it('tells a shopper without an order confirmation whether the order went through, instead of asking for its number', async () => {
      const missing =
        "Hello, I placed an order three days ago and I still haven't received any confirmation email";
      const anon = await policy.decide(
        missing,
        nlu('track_order', { confidence: 0.59 }),
        {},
        anonymous,
      );
      expect(anon.replies[0].text).toMatch(/^Sorry about that\. The order confirmation usually/);
      expect(anon.state.pending).toEqual({ kind: 'offered_person', intent: 'track_order' });
      // Read as a payment problem (0.87) and, in Chinese, as a sign-up problem (0.69).
      const paymentReading = await policy.decide(
        'I just ordered but got no order confirmation',
        nlu('payment_issue', { confidence: 0.87 }),
        {},
        anonymous,
      );
      expect(paymentReading.replies[0].text).toMatch(/order confirmation usually arrives/);
      // "Never got" reads as a parcel that did not come, unless what did not come is the e-mail.
      const email = await policy.decide(
        'I never got an email confirming my order',
        nlu('registration_problems', { confidence: 0.39 }),
        {},
        anonymous,
      );
      expect(email.replies[0].text).toMatch(/order confirmation usually arrives/);
      const zh = await policy.decide(
        '下单后一直没收到确认邮件',
        nlu('registration_problems', { confidence: 0.69 }),
        {},
        { ...anonymous, locale: 'zh' },
      );
      expect(zh.replies[0].text).toMatch(/^抱歉给您带来不便。订单确认邮件通常几分钟内就会送达/);
      // Signed in, with an order placed yesterday: it went through, and the e-mail went here.
      shop.recentFirst = true;
      shop.orders[1].placedAt = new Date(Date.now() - 86_400_000).toISOString();
      const ann = await policy.decide(
        missing,
        nlu('track_order', { confidence: 0.59 }),
        {},
        identified,
      );
      expect(ann.replies[0].text).toMatch(
        /^Your latest order, A10002, placed on .+, went through: it is being prepared\. The confirmation went to ann@example\.com/,
      );
      // Charged without a confirmation is a payment problem: the model's reading stands.
      const charged = await policy.decide(
        'The money has left my bank but I never got an order confirmation',
        nlu('payment_issue'),
        {},
        anonymous,
      );
      expect(charged.replies[0].text).not.toMatch(/confirmation usually arrives/);
    });

    it('takes "I want to cancle my order and get a refund" (read as a refund) as the cancellation it asks for', async () => {
      const typo = await policy.decide(
        'i want to cancle my order and get a refund asap',
        nlu('get_refund', { confidence: 0.95 }),
        {},
        identified,
      );
      expect(typo.handledIntent).toBe('cancel_order');
      // Ann's only cancellable order is named and confirmed before anything happens.
      expect(typo.state.pending).toEqual({ kind: 'confirm_cancel', orderId: 'o2' });
      expect(shop.cancelled).toEqual([]);
      // The money back for an order already cancelled stays a refund question.
      const after = await policy.decide(
        'how can I get my money back for a cancelled order',
        nlu('get_refund'),
        {},
        identified,
      );
      expect(after.handledIntent).toBe('get_refund');
    });

    it('tracks "我上次买的东西什么时候到" (out of scope, 0.69) instead of falling back', async () => {
      const zh = { ...identified, locale: 'zh' as const };
      const when = await policy.decide(
        '我上次买的东西什么时候到',
        nlu('oos', { lang: 'zh', outOfScope: true, confidence: 0.69 }),
        {},
        zh,
      );
      expect(when.handledIntent).toBe('track_order');
      // Not every "when will … come" out of scope is about an order.
      const release = await policy.decide(
        'when will the new iphone come out',
        nlu('oos', { outOfScope: true }),
        {},
        identified,
      );
      expect(release.handledIntent).not.toBe('track_order');
    });

    it('passes company details for an invoice to a person, as the invoice answer promises', async () => {
      const invoice = await policy.decide(
        'can I get the invoice for A10001',
        nlu('get_invoice', { entities: orderEntity('A10001') }),
        {},
        identified,
      );
      expect(invoice.replies[0].text).toBe('template for get_invoice about A10001');
      const company = await policy.decide(
        'I need the company name and VAT number on it',
        nlu('edit_account', { confidence: 0.9 }),
        invoice.state,
        identified,
      );
      expect(company.escalate?.reason).toBe('invoice_request');
      expect(company.replies[0].text).toMatch(/invoice for order A10001 with your company details/);
      // Company details before saying which order: asked which, then passed on with it.
      shop.orders.push(order({ id: 'o5', number: 'A10005', status: 'delivered' }));
      const general = await policy.decide(
        'can I get an invoice',
        nlu('get_invoice'),
        {},
        identified,
      );
      expect(general.state.pending).toMatchObject({ kind: 'order_offer', intent: 'get_invoice' });
      const details = await policy.decide(
        'I need the company name and VAT number on it',
        nlu('edit_account', { confidence: 0.9 }),
        general.state,
        identified,
      );
      expect(details.escalate).toBeUndefined();
      expect(details.replies[0].text).toMatch(/^Sure\. Which order should the invoice/);
      expect(details.replies[0].payload?.quickReplies?.map((q) => q.value)).toEqual([
        'A10001',
        'A10005',
      ]);
      // The company's name typed instead of picking the order: noted, and which order asked again.
      const name = await policy.decide(
        'Acme Trading Ltd, VAT GB123456789',
        nlu('get_invoice', { confidence: 0.7 }),
        details.state,
        identified,
      );
      expect(name.replies[0].text).toMatch(/^Noted\. Which order is the invoice for/);
      // "要公司的" / "a company one" (no company word the model knows) asks which order as well.
      for (const [text, locale] of [
        ['要公司的', 'zh'],
        ['a company one please', 'en'],
      ] as const) {
        const answer = await policy.decide(
          text === '要公司的' ? '怎么开发票' : 'how do I get an invoice',
          nlu('get_invoice', { lang: locale }),
          {},
          { ...anonymous, locale },
        );
        const which = await policy.decide(
          text,
          nlu('oos', { outOfScope: true, lang: locale }),
          answer.state,
          { ...anonymous, locale },
        );
        expect(which.replies[0].text).toMatch(/^(Sure\. Which order|好的。请问要为哪个订单)/);
      }
      // "个人的就行": no company details, so nothing to pass on (the words read as asking for a
      // person, 0.27, which handed the chat over).
      const zhInvoice = await policy.decide(
        '发票怎么开',
        nlu('get_invoice', { lang: 'zh' }),
        {},
        {
          ...anonymous,
          locale: 'zh',
        },
      );
      const personal = await policy.decide(
        '个人的就行',
        nlu('contact_human_agent', { lang: 'zh', confidence: 0.27 }),
        zhInvoice.state,
        { ...anonymous, locale: 'zh' },
      );
      expect(personal.escalate).toBeUndefined();
      expect(personal.replies[0].text).toMatch(/^好的，个人发票无需另外申请/);
      // Nor does an unsure reading as a request for a person hand the chat over elsewhere.
      const lakers = await policy.decide(
        '昨晚湖人赢了没',
        nlu('contact_human_agent', {
          lang: 'zh',
          confidence: 0.19,
          alternatives: [
            { intent: 'contact_human_agent', confidence: 0.19 },
            { intent: 'track_order', confidence: 0.12 },
          ],
        }),
        {},
        { ...anonymous, locale: 'zh' },
      );
      expect(lakers.escalate).toBeUndefined();
      expect(name.state.pending).toMatchObject({ kind: 'order_offer', companyDetails: true });
      const picked = await policy.decide(
        'A10001',
        nlu('track_order', { entities: orderEntity('A10001') }),
        name.state,
        identified,
      );
      expect(picked.escalate?.reason).toBe('invoice_request');
      expect(picked.replies[0].text).toMatch(/invoice for order A10001 with your company details/);
      // Out of that context, company words are not an invoice request.
      const profile = await policy.decide(
        'how do I change the company name on my account',
        nlu('edit_account'),
        {},
        identified,
      );
      expect(profile.escalate).toBeUndefined();
    });

    it('takes back a cancellation request without repeating it ("算了不取消了")', async () => {
      shop.orders[1].status = 'delivered';
      const zh = { ...identified, locale: 'zh' as const };
      const asked = await policy.decide('我想取消订单', nlu('cancel_order'), {}, zh);
      expect(asked.replies[0].text).toMatch(/A10001.*无法在线取消/);
      const dropped = await policy.decide(
        '算了不取消了',
        nlu('cancel_order', { confidence: 0.87 }),
        asked.state,
        zh,
      );
      expect(dropped.replies[0].text).toBe('好的。还有什么可以帮您的吗？');
      expect(dropped.state.pending).toBeUndefined();
    });

    it("answers a signed-in shopper's refund question from their orders, without asking for a number", async () => {
      // Neither of Ann's orders (shipped, processing) has a refund: she is told so, not asked to
      // type numbers one by one; a number typed next is still the order meant.
      const none = await policy.decide(
        'do I have any refunds pending',
        nlu('track_refund', { confidence: 0.69 }),
        {},
        identified,
      );
      expect(none.replies[0].text).toMatch(/can't see a refund on your recent orders/);
      expect(none.state.pending).toEqual({ kind: 'order_offer', intent: 'track_refund' });
      const typed = await policy.decide(
        'A10001',
        nlu('oos', { outOfScope: true, entities: orderEntity('A10001') }),
        none.state,
        identified,
      );
      expect(typed.replies[0].text).toMatch(/can't see a refund on order A10001/);
      // An order cancelled two days ago: its refund is on its way. "When will I get my money
      // back?" (read as asking for a refund) is the same question.
      const days = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
      shop.orders.push(
        order({ id: 'o7', number: 'A10007', status: 'cancelled', total: 20, placedAt: days(2) }),
      );
      const recent = await policy.decide(
        'when will I get my money back',
        nlu('get_refund', {
          confidence: 0.58,
          alternatives: [
            { intent: 'get_refund', confidence: 0.58 },
            { intent: 'track_refund', confidence: 0.39 },
          ],
        }),
        {},
        identified,
      );
      expect(recent.handledIntent).toBe('track_refund');
      expect(recent.replies[0].text).toBe(
        'template for track_refund about A10007 (on its way back to your original payment method, as the order was cancelled, $20.00)',
      );
      // Cancelled three months ago: the money went back long ago, and the reply says so.
      shop.orders.find((o) => o.id === 'o7')!.placedAt = days(90);
      const old = await policy.decide(
        'do I have any refunds pending',
        nlu('track_refund'),
        {},
        identified,
      );
      expect(old.replies[0].text).toBe(
        'template for track_refund about A10007 (sent back to your original payment method when the order was cancelled, $20.00)',
      );
    });

    it('takes a question straight after an answer about an order the shopper may see as about it', async () => {
      const zh = { ...anonymous, locale: 'zh' as const };
      const track = await policy.decide(
        'A10001到哪了',
        nlu('track_order', { entities: orderEntity('A10001') }),
        {},
        zh,
      );
      const proven = await policy.decide(
        'ann@example.com',
        emailNlu('ann@example.com'),
        track.state,
        zh,
      );
      expect(proven.replies[0].payload?.order?.number).toBe('A10001');
      const when = await policy.decide('什么时候能到', nlu('delivery_period'), proven.state, zh);
      expect(when.replies[0].text).toMatch(/^订单 A10001 当前状态：已发货。预计送达/);
      // Not proven by e-mail: the general answer, not a request for the e-mail out of the blue.
      const unproven = await policy.decide('什么时候能到', nlu('delivery_period'), track.state, zh);
      expect(unproven.replies[0].text).toBe('template for delivery_period');
    });

    it('answers an exchange of an item already received about the delivered order', async () => {
      shop.orders.push(order({ id: 'o4', number: 'A10004', status: 'delivered' }));
      const exchange = await policy.decide(
        'I want to exchange the shoes I got for a bigger size',
        nlu('change_order'),
        {},
        identified,
      );
      // Not A10002, the order still being prepared (an edit), but the one delivered.
      expect(exchange.replies[0].text).toBe('template for change_order about A10004');
      const zh = await policy.decide(
        '收到的衣服想换个颜色',
        nlu('change_order', { lang: 'zh' }),
        {},
        identified,
      );
      expect(zh.replies[0].text).toBe('template for change_order about A10004');
      // A cancelled order cannot be edited: a new order, not the template's "Edit order" button.
      shop.orders.push(order({ id: 'o5', number: 'A10005', status: 'cancelled' }));
      const cancelled = await policy.decide(
        'change the size in A10005',
        nlu('change_order', { entities: orderEntity('A10005') }),
        {},
        identified,
      );
      expect(cancelled.replies[0].text).toBe(
        'Order A10005 is cancelled, so it can no longer be changed. To get the items you want, place a new order; I can help you find them.',
      );
      expect(cancelled.replies[0].payload?.quickReplies).toBeUndefined();
    });

    it('takes a bare order number right after an answer about an order as the same question about it', async () => {
      const first = await policy.decide(
        'I want to change my order',
        nlu('change_order'),
        {},
        identified,
      );
      expect(first.replies[0].text).toBe('template for change_order about A10002');
      // Out of context, a bare number is anyone's guess.
      const other = await policy.decide(
        'A10001',
        nlu('track_order', { confidence: 0.24, entities: orderEntity('A10001') }),
        first.state,
        identified,
      );
      expect(other.replies[0].text).toBe('template for change_order about A10001');
      expect(other.handledIntent).toBe('change_order');
      // "And A10002?" too, which out of context reads as an upset complaint.
      const track = await policy.decide(
        'where is A10001',
        nlu('track_order', { entities: orderEntity('A10001') }),
        {},
        identified,
      );
      const and = await policy.decide(
        'and A10002?',
        nlu('complaint', {
          confidence: 0.44,
          entities: orderEntity('A10002'),
          sentiment: { score: -0.63, label: 'neutral' },
        }),
        track.state,
        identified,
      );
      expect(and.escalate).toBeUndefined();
      expect(and.replies[0].text).toBe('Order A10002 is being prepared.');
    });

    it("still refuses another customer's order", async () => {
      const d = await policy.decide(
        'where is the refund for B20003',
        nlu('track_refund', { entities: orderEntity('B20003') }),
        {},
        identified,
      );
      expect(d.replies[0].text).toContain("isn't linked to your account");
      expect(d.replies[0].payload?.order).toBeUndefined();
    });
  });

  it('tracks the order just discussed when asked "where is it now?", but asks on a plain request', async () => {
    const first = await policy.decide(
      'cancel A10001',
      nlu('cancel_order', { entities: orderEntity('A10001') }),
      {},
      anonymous,
    );
    const proven = await policy.decide(
      'ann@example.com',
      emailNlu('ann@example.com'),
      first.state,
      anonymous,
    );
    expect(proven.replies[0].text).toMatch(/can no longer be cancelled/);
    const where = await policy.decide(
      'where is it now?',
      nlu('track_order'),
      proven.state,
      anonymous,
    );
    expect(where.replies[0].payload?.order?.number).toBe('A10001');
    const zh = await policy.decide('这个订单到哪了', nlu('track_order'), proven.state, anonymous);
    expect(zh.replies[0].payload?.order?.number).toBe('A10001');
    const plain = await policy.decide(
      'where is my order',
      nlu('track_order'),
      proven.state,
      anonymous,
    );
    expect(plain.state.pending).toMatchObject({ kind: 'order_number' });
  });

  it('follows the shopper to another question instead of insisting on the order number', async () => {
    const first = await policy.decide('where is my order', nlu('track_order'), {}, anonymous);
    const hiking = nlu('product_recommendation', {
      confidence: 0.72,
      alternatives: [
        { intent: 'product_recommendation', confidence: 0.72 },
        { intent: 'place_order', confidence: 0.09 },
      ],
    });
    const next = await policy.decide(
      'what do you have for hiking?',
      hiking,
      first.state,
      anonymous,
    );
    expect(next.handledIntent).toBe('product_recommendation');
    expect(next.replies[0].payload?.products?.length).toBeGreaterThan(0);
    expect(next.state.pending).toBeUndefined();
    // The same confidence for the question being asked is an answer attempt: asked again.
    const unsure = nlu('track_order', { confidence: 0.72 });
    const again = await policy.decide('my order from last week', unsure, first.state, anonymous);
    expect(again.state.pending).toMatchObject({ kind: 'order_number', attempts: 1 });
    expect(again.replies[0].text).toMatch(/order number/);
  });

  it('keeps the order it picked for follow-ups, shows its items again, and switches when another number is given', async () => {
    // Ann has one order that can be cancelled (A10002): picked without its number.
    const asked = await policy.decide('cancel my order', nlu('cancel_order'), {}, identified);
    expect(asked.state.ordersDiscussed).toEqual(['o2']);
    // Neither yes nor no: the question again, with what is in the order.
    const unclear = await policy.decide(
      'hmm',
      nlu('oos', { outOfScope: true }),
      asked.state,
      identified,
    );
    expect(unclear.replies[0].text).toBe(
      'Order A10002 (1× Linen shirt) is being prepared. Do you want me to cancel it?',
    );
    const yes = await policy.decide('yes', nlu('thanks'), unclear.state, identified);
    expect(shop.cancelled).toEqual(['o2']);
    // "When will I get the money?" right after: about the order just cancelled.
    const refund = await policy.decide(
      'when will I get my money back',
      nlu('track_refund'),
      yes.state,
      identified,
    );
    expect(refund.replies[0].text).toContain('about A10002');
    expect(refund.replies[0].text).toContain('as the order was cancelled');
    // Another number at the question: that order is the one confirmed.
    shop.orders.push(order({ id: 'o6', number: 'A10006', status: 'paid' }));
    const first = await policy.decide(
      'cancel A10006',
      nlu('cancel_order', { entities: orderEntity('A10006') }),
      {},
      identified,
    );
    const switched = await policy.decide(
      'no sorry, I meant A10001',
      nlu('cancel_order', { entities: orderEntity('A10001') }),
      first.state,
      identified,
    );
    expect(switched.replies[0].text).toMatch(/A10001.*cannot be cancelled|A10001.*already/);
    expect(shop.cancelled).toEqual(['o2']);
  });

  it('takes the order holding the product a signed-in shopper names', async () => {
    // Ann: A10001 shipped and A10002 processing (both a linen shirt), and two delivered orders.
    shop.orders.push(
      order({
        id: 'o7',
        number: 'A10007',
        status: 'delivered',
        items: [{ title: 'Juniper Everyday Running Shoes', quantity: 1 }],
      }),
      order({
        id: 'o8',
        number: 'A10008',
        status: 'delivered',
        items: [{ title: 'Lumen Water Bottle', titleZh: 'Lumen 水壶', quantity: 2 }],
      }),
      order({
        id: 'o9',
        number: 'A10009',
        status: 'delivered',
        items: [{ title: 'Kestrel Thermos Cup', titleZh: 'Kestrel 保温水杯', quantity: 1 }],
      }),
    );
    const refund = await policy.decide(
      'I want to return the running shoes',
      nlu('get_refund'),
      {},
      identified,
    );
    expect(refund.replies[0].text).toBe('template for get_refund about A10007');
    // The reason given next (read again as a refund request) is answered, not the same steps.
    const tooSmall = await policy.decide(
      'they are too small',
      nlu('get_refund'),
      refund.state,
      identified,
    );
    expect(tooSmall.replies[0].text).toMatch(
      /^Sorry it doesn't fit\. For another size, send it back from order A10007 as described above/,
    );
    const slow = await policy.decide(
      'the refund is taking too long',
      nlu('get_refund'),
      refund.state,
      identified,
    );
    expect(slow.replies[0].text).not.toMatch(/doesn't fit/);
    // "Them" next is still those shoes, not the order being prepared.
    const exchange = await policy.decide(
      'can I exchange them for a bigger size instead?',
      nlu('change_order'),
      refund.state,
      identified,
    );
    expect(exchange.replies[0].text).toBe('template for change_order about A10007');
    // Its template's "Cancel the order" chip is dropped for this delivered order (kept for one
    // being prepared).
    shop.templateChips = ['Cancel the order', 'Talk to a person'].map((label) => ({
      label,
      value: label,
    }));
    const chips = await policy.decide(
      'can I exchange them for a bigger size instead?',
      nlu('change_order'),
      refund.state,
      identified,
    );
    expect(chips.replies[0].payload?.quickReplies?.map((q) => q.label)).toEqual([
      'Talk to a person',
    ]);
    const open = await policy.decide(
      'can I still change order A10002?',
      nlu('change_order', { entities: orderEntity('A10002') }),
      {},
      identified,
    );
    expect(open.replies[0].payload?.quickReplies?.map((q) => q.label)).toEqual([
      'Cancel the order',
      'Talk to a person',
    ]);
    shop.templateChips = null;
    // An order request naming an item: that order (here one that can no longer be cancelled).
    const cancel = await policy.decide(
      'cancel the water bottle order',
      nlu('cancel_order'),
      {},
      identified,
    );
    expect(cancel.replies[0].text).toMatch(/A10008/);
    expect(cancel.state.pending?.kind).not.toBe('confirm_cancel');
    // "Where is the …?" out of scope: the order holding it is tracked.
    const where = await policy.decide(
      'where are the running shoes',
      nlu('oos', { outOfScope: true }),
      {},
      identified,
    );
    expect(where.replies[0].payload?.order?.number).toBe('A10007');
    // By the general name of what was ordered ("shoes" for sneakers), however it is spelt.
    const o7 = shop.orders.find((o) => o.id === 'o7')!;
    const items = o7.items;
    o7.items = [{ title: 'Canvas Sneakers', quantity: 1 }];
    const general = await policy.decide(
      'wheres my shoes at',
      nlu('oos', { outOfScope: true }),
      {},
      identified,
    );
    expect(general.replies[0].payload?.order?.number).toBe('A10007');
    o7.items = items;
    // Two orders hold a linen shirt: asked which, as before.
    const shirt = await policy.decide(
      'where is my linen shirt',
      nlu('track_order'),
      {},
      identified,
    );
    expect(shirt.replies[0].payload?.quickReplies?.map((q) => q.value)).toContain('A10001');
    // So does a question about an order holding it: the two orders, to tap.
    const swap = await policy.decide(
      'can I get the linen shirt in another size',
      nlu('change_order'),
      {},
      identified,
    );
    expect(swap.replies[0].payload?.quickReplies?.map((q) => q.value)).toEqual([
      'A10001',
      'A10002',
    ]);
    // Asked which order, "the running shoes one" picks it (read alone as a complaint, which would
    // hand the chat to a person).
    const which = await policy.decide('where is my order', nlu('track_order'), {}, identified);
    expect(which.state.pending?.kind).toBe('order_number');
    const shoes = await policy.decide(
      'the running shoes one',
      nlu('complaint', { confidence: 0.84, sentiment: { score: -0.43, label: 'negative' } }),
      which.state,
      identified,
    );
    expect(shoes.replies[0].payload?.order?.number).toBe('A10007');
    expect(shoes.escalate).toBeUndefined();
    // When it will arrive, by the item's Chinese name: read alone as an upset complaint, but too
    // unsure (0.31) to hand the chat over for.
    const bottle = await policy.decide(
      '我买的水壶什么时候到',
      nlu('complaint', {
        lang: 'zh',
        confidence: 0.31,
        sentiment: { score: -0.57, label: 'negative' },
      }),
      {},
      { ...identified, locale: 'zh' },
    );
    expect(bottle.escalate).toBeUndefined();
    expect(bottle.replies[0].payload?.order?.number).toBe('A10008');
    // A verb straight after the noun ("the running shoes arrive") still names them.
    const arrive = await policy.decide(
      'when will the running shoes arrive',
      nlu('delivery_period'),
      {},
      identified,
    );
    expect(arrive.replies[0].payload?.order?.number).toBe('A10007');
    // "保温杯", as shoppers shorten 保温水杯.
    const cup = await policy.decide(
      '我想退保温杯',
      nlu('get_refund', { lang: 'zh' }),
      {},
      { ...identified, locale: 'zh' },
    );
    expect(cup.replies[0].text).toBe('template for get_refund about A10009');
    // Its items are listed in Chinese where the shop has a Chinese title.
    shop.recentFirst = true;
    const history = await policy.decide(
      '我上次买了什么',
      nlu('oos', { outOfScope: true, lang: 'zh' }),
      {},
      { ...identified, locale: 'zh' },
    );
    expect(history.replies[0].text).toContain('2× Lumen 水壶');
    expect(history.replies[0].text).toContain('1× Juniper Everyday Running Shoes');
  });

  it('answers a bare "yes" that answers no question by asking what is wanted', async () => {
    // "对" alone reads as a complaint (0.69).
    const yes = await policy.decide(
      '对',
      nlu('complaint', {
        lang: 'zh',
        confidence: 0.69,
        sentiment: { score: -0.5, label: 'negative' },
      }),
      {},
      { ...anonymous, locale: 'zh' },
    );
    expect(yes.escalate).toBeUndefined();
    expect(yes.replies[0].text).toBe('好的，请问有什么可以帮您？');
    expect(yes.state.failures).toBe(0);
    // Asked which order, "是的" (a product question, 0.66) is no change of topic: asked again.
    const which = await policy.decide('where is my order', nlu('track_order'), {}, identified);
    const again = await policy.decide(
      '是的',
      nlu('product_question', { lang: 'zh', confidence: 0.66 }),
      which.state,
      identified,
    );
    // Asked again which of the orders offered, with them as chips.
    expect(again.replies[0].text).toMatch(/^请问是哪一个订单？/);
    expect(again.replies[0].payload?.quickReplies?.map((q) => q.value)).toEqual([
      'A10001',
      'A10002',
    ]);
    const picked = await policy.decide('A10002', nlu('track_order'), again.state, identified);
    expect(picked.replies[0].text).toBe('Order A10002 is being prepared.');
  });

  it('asks which order again, with the chips, when asked to hurry before picking one', async () => {
    const which = await policy.decide('where is my order', nlu('track_order'), {}, identified);
    const hurry = await policy.decide(
      'can you hurry it up please',
      nlu('oos', { outOfScope: true }),
      which.state,
      identified,
    );
    expect(hurry.replies[0].text).toBe(
      'Which order do you mean? Here are your latest ones, or type its number.',
    );
    expect(hurry.replies[0].payload?.quickReplies).toHaveLength(2);
    const picked = await policy.decide('A10001', nlu('track_order'), hurry.state, identified);
    expect(picked.replies[0].text).toMatch(
      /^Order A10001 is on its way\..*I can't speed it up from here/,
    );
    const faster = await policy.decide(
      'can u make it faster',
      nlu('delivery_period', { confidence: 0.5 }),
      which.state,
      identified,
    );
    const fasterPicked = await policy.decide(
      'A10001',
      nlu('track_order'),
      faster.state,
      identified,
    );
    expect(fasterPicked.replies[0].text).toMatch(/I can't speed it up from here/);
    // Anonymous shoppers were offered no orders: asked for the number again.
    const anon = await policy.decide('where is my order', nlu('track_order'), {}, anonymous);
    const again = await policy.decide(
      'can you hurry it up please',
      nlu('oos', { outOfScope: true }),
      { ...anon.state, ordersOffered: ['A10001'] },
      anonymous,
    );
    expect(again.replies[0].text).toMatch(/^I couldn't find an order number in that/);
    expect(again.replies[0].payload?.quickReplies).toBeUndefined();
  });

  it('takes "the latest one" / "最近那个" for the newest of the orders offered', async () => {
    // Offered newest first would make "the first one" and "the latest" the same; here the
    // processing order (placed later) is listed second.
    shop.orders[1] = { ...shop.orders[1], placedAt: '2026-11-25T10:00:00Z' };
    const which = await policy.decide('where is my order', nlu('track_order'), {}, identified);
    expect(which.replies[0].payload?.quickReplies?.map((q) => q.value)).toEqual([
      'A10001',
      'A10002',
    ]);
    for (const text of ['the latest one', 'my most recent order', '最近那个', '最新的']) {
      const picked = await policy.decide(
        text,
        nlu('oos', { outOfScope: true, lang: /[a-z]/.test(text) ? 'en' : 'zh' }),
        which.state,
        identified,
      );
      expect(picked.replies[0].payload?.order?.number).toBe('A10002');
    }
  });

  it('takes "最新的那个" right after an answer about an order as the same question about the newest', async () => {
    shop.orders.push(
      order({
        id: 'o12',
        number: 'A10012',
        status: 'processing',
        placedAt: '2026-11-28T10:00:00Z',
      }),
    );
    const zh = { ...identified, locale: 'zh' as const };
    const cancel = await policy.decide(
      '取消订单A10001',
      nlu('cancel_order', { lang: 'zh', entities: orderEntity('A10001') }),
      {},
      zh,
    );
    expect(cancel.replies[0].payload?.order?.number).toBe('A10001');
    const newest = await policy.decide(
      '最新的那个',
      nlu('oos', { lang: 'zh', outOfScope: true }),
      cancel.state,
      zh,
    );
    expect(newest.state.pending).toEqual({ kind: 'confirm_cancel', orderId: 'o12' });
  });

  it('tells an anonymous shopper where the order number is after a second message without one', async () => {
    const ask = await policy.decide(
      'my package says delivered but i never got it',
      nlu('track_order'),
      {},
      anonymous,
    );
    const first = await policy.decide(
      'it was yesterday',
      nlu('oos', { outOfScope: true }),
      ask.state,
      anonymous,
    );
    expect(first.replies[0].text).toMatch(/^I couldn't find an order number in that/);
    const second = await policy.decide(
      'what now',
      nlu('oos', { outOfScope: true }),
      first.state,
      anonymous,
    );
    expect(second.replies[0].text).toMatch(/^No problem\. The order number is in the confirmation/);
    expect(second.replies[0].payload?.quickReplies?.map((q) => q.value)).toEqual([
      'contact_human_agent',
    ]);
    // "The newest one" with no orders to pick from: the same, not the complaint the model reads.
    const newest = await policy.decide(
      'the newest one',
      nlu('complaint', { confidence: 0.74 }),
      ask.state,
      anonymous,
    );
    expect(newest.replies[0].text).toMatch(/^No problem\. The order number is in the confirmation/);
    // "Yes go ahead" to the colleague offered with it hands over.
    const yes = await policy.decide(
      'yes go ahead',
      nlu('oos', { outOfScope: true }),
      newest.state,
      anonymous,
    );
    expect(yes.escalate?.reason).toBe('requested');
    // The number typed after that is still taken.
    const number = await policy.decide('A10001', nlu('track_order'), second.state, anonymous);
    expect(number.replies[0].text).not.toMatch(/order number/);
  });

  it("answers why an order was cancelled with that order's status, not an offer to cancel", async () => {
    shop.orders.push(order({ id: 'o8', number: 'C30008', customerId: 'c4', status: 'cancelled' }));
    const customer = { ...identified, customerId: 'c4' };
    const why = await policy.decide(
      'why was my order cancelled',
      nlu('cancel_order', { confidence: 0.85 }),
      {},
      customer,
    );
    expect(why.replies[0].text).toMatch(/^Order C30008 is cancelled\. It won't be delivered/);
    const zh = await policy.decide(
      '订单怎么被取消了',
      nlu('oos', { outOfScope: true, lang: 'zh' }),
      {},
      { ...customer, locale: 'zh' },
    );
    expect(zh.handledIntent).toBe('track_order');
    expect(zh.replies[0].payload?.order?.number).toBe('C30008');
  });

  it('answers "hurry it up" with the order\'s status and a person who can ask the warehouse', async () => {
    const status = await policy.decide(
      '我的订单A10002到哪了',
      nlu('track_order', { lang: 'zh', entities: orderEntity('A10002') }),
      {},
      { ...identified, locale: 'zh' },
    );
    const hurry = await policy.decide(
      '催一下',
      nlu('track_order', { lang: 'zh', confidence: 0.35 }),
      status.state,
      { ...identified, locale: 'zh' },
    );
    expect(hurry.replies[0].text).toMatch(/A10002.*没办法直接加快/);
    expect(hurry.replies[0].payload?.quickReplies?.map((q) => q.value)).toEqual([
      'contact_human_agent',
    ]);
    const en = await policy.decide(
      'can you hurry it up? order A10002',
      nlu('oos', { outOfScope: true, entities: orderEntity('A10002') }),
      {},
      identified,
    );
    expect(en.replies[0].text).toMatch(/^Order A10002 is being prepared\. I can't speed it up/);
    // After a tracking link, the Chinese note is set apart from it.
    const shipped = await policy.decide(
      'A10001催一下',
      nlu('track_order', { lang: 'zh', entities: orderEntity('A10001') }),
      {},
      { ...identified, locale: 'zh' },
    );
    expect(shipped.replies[0].text).toContain('https://track.example/A10001 我这边没办法直接加快');
    // Hurrying a refund is about the refund.
    const refund = await policy.decide(
      '催一下退款',
      nlu('track_order', { lang: 'zh', confidence: 0.4 }),
      status.state,
      { ...identified, locale: 'zh' },
    );
    expect(refund.replies[0].text).not.toMatch(/没办法直接加快/);
    // "Too slow" right after the status says the same, in a complaint's words (0.44) that would
    // otherwise ask what happened; a formal complaint stays one.
    const slow = await policy.decide(
      '太慢了吧',
      nlu('complaint', { lang: 'zh', confidence: 0.44 }),
      status.state,
      { ...identified, locale: 'zh' },
    );
    expect(slow.handledIntent).toBe('track_order');
    expect(slow.replies[0].text).toMatch(/A10002.*没办法直接加快/);
    const slowEn = await policy.decide(
      "that's way too slow",
      nlu('oos', { outOfScope: true }),
      en.state,
      identified,
    );
    expect(slowEn.replies[0].text).toMatch(/^Order A10002 is being prepared\. I can't speed it up/);
    const formal = await policy.decide(
      '售后处理太慢了，我要投诉',
      nlu('complaint', { lang: 'zh', confidence: 0.95 }),
      status.state,
      { ...identified, locale: 'zh' },
    );
    expect(formal.handledIntent).toBe('complaint');
  });

  it('answers cancelling one item of an order as changing it, never offering to cancel it all', async () => {
    for (const [text, lang] of [
      ['can i cancel just one item from my order A10002', 'en'],
      ['我想取消A10002其中一件商品', 'zh'],
    ] as const) {
      const d = await policy.decide(
        text,
        nlu('cancel_order', { lang, entities: orderEntity('A10002') }),
        {},
        { ...identified, locale: lang },
      );
      expect(d.handledIntent).toBe('change_order');
      expect(d.state.pending?.kind).not.toBe('confirm_cancel');
      expect(d.replies[0].text).toBe('template for change_order about A10002');
    }
    // The whole order is still cancelled after confirmation.
    const whole = await policy.decide(
      'cancel my order A10002',
      nlu('cancel_order', { entities: orderEntity('A10002') }),
      {},
      identified,
    );
    expect(whole.state.pending?.kind).toBe('confirm_cancel');
  });

  it('acknowledges a thumbs-up or a laugh instead of failing to understand it, twice in a row too', async () => {
    const thumbs = await policy.decide('👍', nlu('oos', { outOfScope: true }), {}, anonymous);
    expect(thumbs.replies[0].text).toBe('Great. Is there anything else I can help with?');
    // "lol" reads as placing an order (0.66).
    const lol = await policy.decide(
      'lol',
      nlu('place_order', { confidence: 0.66 }),
      thumbs.state,
      anonymous,
    );
    expect(lol.replies[0].text).toBe('Great. Is there anything else I can help with?');
    expect(lol.escalate).toBeUndefined();
    expect(lol.state.failures ?? 0).toBe(0);
    const zh = await policy.decide(
      '哈哈 👌',
      nlu('oos', { outOfScope: true, lang: 'zh' }),
      {},
      { ...anonymous, locale: 'zh' },
    );
    expect(zh.replies[0].text).toBe('好的～还有什么可以帮您的吗？');
    // Asked for an order number, a thumbs-up is not a wrong number.
    const which = await policy.decide('where is my order', nlu('track_order'), {}, identified);
    const ok = await policy.decide('👍', nlu('oos', { outOfScope: true }), which.state, identified);
    expect(ok.replies[0].text).toBe('Great. Is there anything else I can help with?');
    // A thumbs-down is not "fine, thanks".
    const down = await policy.decide('👎', nlu('oos', { outOfScope: true }), {}, anonymous);
    expect(down.replies[0].text).not.toMatch(/^Great/);
  });

  it("shows the shop's popular products when asked what is trending, not the fallback", async () => {
    const trending = await policy.decide(
      "what's trending right now",
      nlu('oos', { outOfScope: true, confidence: 0.95 }),
      {},
      anonymous,
    );
    expect(trending.handledIntent).toBe('product_recommendation');
    expect(trending.replies[0].payload?.products?.length).toBeGreaterThan(0);
    expect(trending.replies[0].text).not.toMatch(/couldn't find/);
    const zh = await policy.decide(
      '最火的是什么',
      nlu('oos', { outOfScope: true, lang: 'zh' }),
      {},
      { ...anonymous, locale: 'zh' },
    );
    expect(zh.replies[0].payload?.products?.length).toBeGreaterThan(0);
    // Someone else's trends stay out of scope.
    const google = await policy.decide(
      "what's trending on google today",
      nlu('oos', { outOfScope: true }),
      {},
      anonymous,
    );
    expect(google.replies[0].payload?.products).toBeUndefined();
  });

  it('answers where a refund is when the model reads the question as asking for one', async () => {
    const d = await policy.decide(
      "this is the third time I'm asking, where is my refund",
      nlu('get_refund', { confidence: 0.68 }),
      {},
      anonymous,
    );
    expect(d.handledIntent).toBe('track_refund');
    const zh = await policy.decide(
      '退款怎么还没到账',
      nlu('check_refund_policy', { lang: 'zh' }),
      {},
      { ...anonymous, locale: 'zh' },
    );
    expect(zh.handledIntent).toBe('track_refund');
    // How long a refund takes, read as how long delivery takes.
    for (const text of ['要多久退款', '退货后多久能收到钱']) {
      const howLong = await policy.decide(
        text,
        nlu('delivery_period', { lang: 'zh', confidence: 0.75 }),
        {},
        { ...anonymous, locale: 'zh' },
      );
      expect(howLong.handledIntent).toBe('track_refund');
    }
    // Asking for a refund stays that; so does delivery time with a payment word in it.
    const ask = await policy.decide('I want my money back', nlu('get_refund'), {}, anonymous);
    expect(ask.handledIntent).toBe('get_refund');
    const paid = await policy.decide(
      'I paid for express, when will it arrive',
      nlu('delivery_period'),
      {},
      anonymous,
    );
    expect(paid.handledIntent).toBe('delivery_period');
  });

  it('reads a short declined follow-up as the topic just answered when that is its likeliest reading', async () => {
    const declined = (intent: string, confidence: number, lang: 'en' | 'zh' = 'zh') =>
      nlu('oos', {
        lang,
        outOfScope: true,
        confidence: 0.8,
        alternatives: [
          { intent, confidence },
          { intent: 'newsletter_subscription', confidence: 0.01 },
        ],
      });
    const zh = { ...anonymous, locale: 'zh' as const };
    const refund = await policy.decide('我想退货', nlu('get_refund', { lang: 'zh' }), {}, zh);
    const how = await policy.decide('怎么退', declined('get_refund', 0.2), refund.state, zh);
    expect(how.handledIntent).toBe('get_refund');
    expect(how.state.failures ?? 0).toBe(0);
    // Another topic, a weaker reading, or a long message: the honest fallback as before.
    for (const [text, understood] of [
      ['怎么退', declined('get_refund', 0.1)],
      ['怎么改', declined('change_order', 0.2)],
      ['我想知道你们那边到底是怎么处理这种情况的呢', declined('get_refund', 0.2)],
    ] as const) {
      const d = await policy.decide(text, understood, refund.state, zh);
      expect(d.handledIntent).toBe('oos');
    }
  });

  it('takes an order named by its status over the one just discussed', async () => {
    // Ann's orders: A10001 shipped, A10002 processing, and two delivered ones (newest first).
    shop.orders.push(order({ id: 'o7', number: 'A10007', status: 'delivered' }));
    shop.orders.push(order({ id: 'o8', number: 'A10008', status: 'delivered' }));
    shop.recentFirst = true;
    const tracked = await policy.decide(
      'where is A10002',
      nlu('track_order', { entities: orderEntity('A10002') }),
      {},
      identified,
    );
    const refund = await policy.decide(
      'how do I return the shirt from my last delivered order',
      nlu('get_refund'),
      tracked.state,
      identified,
    );
    expect(refund.replies[0].text).toBe('template for get_refund about A10008');
    // Without "last" two delivered orders fit: the shopper is asked which.
    const which = await policy.decide(
      'how do I return something from a delivered order',
      nlu('get_refund'),
      tracked.state,
      identified,
    );
    expect(which.replies[0].payload?.quickReplies?.map((q) => q.value)).toEqual([
      'A10008',
      'A10007',
    ]);
  });

  it('offers the orders a cancellation can act on first, and says when none can be cancelled', async () => {
    // Ann's orders: A10001 shipped, A10002 processing, a delivered one.
    shop.orders.push(order({ id: 'o4', number: 'A10004', status: 'delivered' }));
    // One can be cancelled: that one, named, with the question before anything is done.
    const only = await policy.decide('cancel my order', nlu('cancel_order'), {}, identified);
    expect(only.state.pending).toEqual({ kind: 'confirm_cancel', orderId: 'o2' });
    expect(only.replies[0].text).toMatch(/^Order A10002 .*Do you want me to cancel it\?$/);
    // Two can: those first.
    shop.orders.push(order({ id: 'o5', number: 'A10005', status: 'paid' }));
    const pick = await policy.decide('cancel my order', nlu('cancel_order'), {}, identified);
    expect(pick.replies[0].payload?.quickReplies?.map((q) => q.value)).toEqual([
      'A10002',
      'A10005',
      'A10001',
    ]);
    for (const o of shop.orders) if (o.customerId === 'c1') o.status = 'delivered';
    const none = await policy.decide('cancel my order', nlu('cancel_order'), {}, identified);
    expect(none.replies[0].text).toBe(
      'None of your recent orders can be cancelled any more: the latest, A10001, is delivered. Something you received can be returned instead. If you meant another order, type its number.',
    );
    expect(none.state.pending).toMatchObject({ kind: 'order_number', intent: 'cancel_order' });
    const address = await policy.decide(
      '帮我改一下收货地址',
      nlu('change_shipping_address', { lang: 'zh' }),
      {},
      { ...identified, locale: 'zh' },
    );
    expect(address.replies[0].text).toBe(
      '您最近的订单都已无法修改地址：最新的订单 A10001 当前状态：已签收。如果是其他订单，请输入订单号。',
    );
    // Tracking still lists them all.
    const track = await policy.decide('where is my order', nlu('track_order'), {}, identified);
    expect(track.replies[0].payload?.quickReplies).toHaveLength(3);
  });

  it('says when the product named after "which product?" is not in the shop, instead of asking again', async () => {
    const zh: TurnContext = { ...anonymous, locale: 'zh' };
    const which = await policy.decide(
      '这件衣服能换个尺码吗',
      nlu('product_question', { lang: 'zh' }),
      {},
      zh,
    );
    expect(which.replies[0].text).toBe('template for product_question');
    expect(which.state.pending).toEqual({ kind: 'name_product' });
    const missing = await policy.decide(
      '我买的是羊毛大衣',
      nlu('product_question', { lang: 'zh', confidence: 0.85 }),
      which.state,
      zh,
    );
    expect(missing.replies[0].text).toMatch(/^店里没有找到这个名字的商品/);
    expect(missing.replies[0].payload?.quickReplies).toEqual([
      { label: '转人工客服', value: 'contact_human_agent' },
    ]);
    // A product the shop has is answered.
    const named = await policy.decide(
      'the Ember Hiking Backpack',
      nlu('product_question', { confidence: 0.6 }),
      which.state,
      anonymous,
    );
    expect(named.replies[0].text).toMatch(/^Ember Hiking Backpack: \$165\.99/);
    // A how-to question is no product name, however unsure the model is of it.
    const howTo = await policy.decide(
      'how do I pay for it',
      nlu('goodbye', { confidence: 0.55 }),
      which.state,
      anonymous,
    );
    expect(howTo.state.pending?.kind).not.toBe('name_product');
    expect(howTo.replies[0].text).not.toMatch(/couldn't find a product/);
  });

  it('answers a question about a product the shopper names, and follow-ups about "it"', async () => {
    const asked = await policy.decide(
      'is the Ember Hiking Backpack waterproof?',
      nlu('product_question'),
      {},
      anonymous,
    );
    expect(asked.replies[0].text).toBe(
      'Ember Hiking Backpack: $165.99, only 3 left. A 30-litre pack in waxed canvas. If that does not answer your question, a colleague can help.',
    );
    expect(asked.replies[0].payload?.products?.map((p) => p.id)).toEqual(['p9']);
    expect(asked.replies[0].payload?.quickReplies?.[0].value).toBe('contact_human_agent');
    shop.products[0].stock = 0;
    const stock = await policy.decide(
      'is it in stock?',
      nlu('product_question'),
      asked.state,
      anonymous,
    );
    expect(stock.replies[0].text).toMatch(
      /^Ember Hiking Backpack: \$165\.99, out of stock right now\./,
    );
    const zh = await policy.decide(
      '登山背包是防水的吗',
      nlu('product_question'),
      {},
      {
        ...anonymous,
        locale: 'zh',
      },
    );
    expect(zh.replies[0].text).toBe(
      'Ember Hiking Backpack：US$165.99，暂时缺货。如果没有解答您的问题，可以转人工客服。',
    );
    // Right after a product answer, "how much is it?" is about it whatever the model read.
    const fee = nlu('check_cancellation_fee');
    // Chinese drops the "it": "多少钱" / "有货吗" right after a product answer mean that product.
    const inZh = { ...anonymous, locale: 'zh' as const };
    const zhPrice = await policy.decide(
      '多少钱',
      nlu('oos', { outOfScope: true }),
      asked.state,
      inZh,
    );
    expect(zhPrice.replies[0].payload?.products?.[0]?.id).toBe('p9');
    const zhStock = await policy.decide('有货吗', nlu('product_question'), asked.state, inZh);
    expect(zhStock.replies[0].payload?.products?.[0]?.id).toBe('p9');
    expect(zhStock.replies[0].text).toBe('Ember Hiking Backpack：US$165.99，暂时缺货。');
    const price = await policy.decide('how much does it cost?', fee, asked.state, anonymous);
    expect(price.replies[0].payload?.products?.map((p) => p.id)).toEqual(['p9']);
    // The price and stock only: the description was just given.
    expect(price.replies[0].text).toBe('Ember Hiking Backpack: $165.99, out of stock right now.');
    const cancelFee = await policy.decide(
      'how much does it cost to cancel?',
      fee,
      asked.state,
      anonymous,
    );
    expect(cancelFee.replies[0].text).toBe('template for check_cancellation_fee');
    // No product named, none discussed: the template asks which one.
    const vague = await policy.decide('is it waterproof?', nlu('product_question'), {}, anonymous);
    expect(vague.replies[0].text).toBe('template for product_question');
  });

  it('narrows the recommendations just shown by a budget, and starts afresh for another category', async () => {
    shop.popularProducts = async (category: string | undefined) =>
      [
        { title: 'Trail Running Shoes', price: 120 },
        { title: 'Canvas Shoes', price: 45 },
        { title: 'Summer Dress', price: 40 },
      ]
        .filter((p) => (category === 'Dresses') === p.title.includes('Dress'))
        .map((p) => ({
          ...p,
          id: p.title,
          currency: 'USD',
          imageUrl: null,
          url: null,
          category: category ?? null,
        }));
    const shoes = await policy.decide(
      'recommend some shoes',
      nlu('product_recommendation'),
      {},
      anonymous,
    );
    expect(shoes.replies[0].payload?.products).toHaveLength(2);
    const cheaper = await policy.decide(
      'anything under $50?',
      nlu('oos', { outOfScope: true, confidence: 0.3 }),
      shoes.state,
      anonymous,
    );
    expect(cheaper.replies[0].payload?.products?.map((p) => p.title)).toEqual(['Canvas Shoes']);
    expect(cheaper.handledIntent).toBe('product_recommendation');
    // Read alone, "cheaper ones?" can look like an order question; after recommendations it is not.
    const cheapest = await policy.decide(
      'cheaper ones?',
      nlu('track_order', { confidence: 0.7 }),
      shoes.state,
      anonymous,
    );
    expect(cheapest.replies[0].payload?.products?.[0]?.title).toBe('Canvas Shoes');
    // Right after products were shown, a bare "under 100" is a price too.
    const bare = await policy.decide(
      'something under 100',
      nlu('product_recommendation'),
      shoes.state,
      anonymous,
    );
    expect(bare.replies[0].text).toBe('Here are some picks in Shoes under $100:');
    expect(bare.replies[0].payload?.products?.map((p) => p.title)).toEqual(['Canvas Shoes']);
    const dresses = await policy.decide(
      'and dresses under $50?',
      nlu('product_recommendation'),
      cheaper.state,
      anonymous,
    );
    expect(dresses.replies[0].payload?.products?.map((p) => p.title)).toEqual(['Summer Dress']);
    // Not after something else.
    const alone = await policy.decide(
      'anything under $50?',
      nlu('oos', { outOfScope: true, confidence: 0.3 }),
      {},
      anonymous,
    );
    expect(alone.handledIntent).toBe('oos');
  });

  it('asks which product is meant when several fit, then answers about the one picked', async () => {
    shop.products.push({
      ...shop.products[0],
      id: 'p10',
      title: 'Juniper Hiking Backpack',
      price: 89,
      url: '/shop/products/SP-2',
    });
    const which = await policy.decide(
      'is the hiking backpack waterproof?',
      nlu('product_question'),
      {},
      anonymous,
    );
    expect(which.replies[0].text).toBe('Which one do you mean? These fit what you wrote:');
    expect(which.replies[0].payload?.products?.map((p) => p.id)).toEqual(['p9', 'p10']);
    expect(which.replies[0].payload?.quickReplies?.map((q) => q.value)).toEqual([
      'Ember Hiking Backpack',
      'Juniper Hiking Backpack',
    ]);
    const picked = await policy.decide(
      'the juniper one',
      nlu('oos', { outOfScope: true }),
      which.state,
      anonymous,
    );
    expect(picked.replies[0].text).toMatch(/^Juniper Hiking Backpack: \$89\.00/);
    expect(picked.state.lastProductId).toBe('p10');
    // One product fits in part: answered about it.
    const one = await policy.decide(
      'the juniper backpack, is it waterproof',
      nlu('product_question'),
      {},
      anonymous,
    );
    expect(one.replies[0].payload?.products?.map((p) => p.id)).toEqual(['p10']);
  });

  it('says so when the shop has nothing like what the shopper asks for, then shows popular picks', async () => {
    const mats = await policy.decide(
      'do you sell yoga mats?',
      nlu('product_recommendation'),
      {},
      anonymous,
    );
    expect(mats.replies[0].text).toBe(
      "I couldn't find exactly that in our shop. Here is what's popular:",
    );
    expect(mats.replies[0].payload?.products).toHaveLength(1);
    const zh = await policy.decide(
      '你们卖瑜伽垫吗',
      nlu('product_recommendation'),
      {},
      { ...anonymous, locale: 'zh' },
    );
    expect(zh.replies[0].text).toBe('店里暂时没有找到完全符合的商品，为您推荐热销商品：');
    // A category named is what was asked for, whatever the titles say.
    const boots = await policy.decide(
      'do you sell boots?',
      nlu('product_recommendation'),
      {},
      anonymous,
    );
    expect(boots.replies[0].text).toBe('Here are some popular picks in Shoes:');
    const plain = await policy.decide(
      'recommend me something',
      nlu('product_recommendation'),
      {},
      anonymous,
    );
    expect(plain.replies[0].text).toBe('Here are some popular picks:');
  });

  it('takes leave when thanked with a goodbye', async () => {
    const bye = await policy.decide('thanks, bye!', nlu('thanks'), {}, anonymous);
    expect(bye.replies[0].text).toBe('template for goodbye');
    const zh = await policy.decide('谢谢，拜拜', nlu('thanks'), {}, { ...anonymous, locale: 'zh' });
    expect(zh.handledIntent).toBe('goodbye');
    const thanks = await policy.decide('thanks a lot', nlu('thanks'), {}, anonymous);
    expect(thanks.replies[0].text).toBe('template for thanks');
  });

  it('apologises to an upset shopper and offers a person beside the answer', async () => {
    const upset = nlu('get_refund', { sentiment: { score: -0.94, label: 'negative' } });
    const answer = await policy.decide(
      'third time it arrived broken, useless',
      upset,
      {},
      anonymous,
    );
    expect(answer.escalate).toBeUndefined();
    expect(answer.replies[0].text).toBe("I'm sorry about that. template for get_refund");
    expect(answer.replies[0].payload?.quickReplies).toEqual([
      { label: 'Talk to a person', value: 'contact_human_agent' },
    ]);
    // A template that offers a person itself keeps its one chip.
    shop.templateChips = [{ label: 'Talk to a person', value: 'Talk to a person' }];
    const again = await policy.decide('still broken, useless', upset, {}, anonymous);
    expect(again.replies[0].payload?.quickReplies).toEqual(shop.templateChips);
    shop.templateChips = null;
    const zh = await policy.decide('第三次收到坏的了', upset, {}, { ...anonymous, locale: 'zh' });
    expect(zh.replies[0].text).toBe('非常抱歉给您带来不好的体验。template for get_refund');
    // A question about how the shop works needs plainly angry words for an apology.
    const cod = await policy.decide(
      '能货到付款吗',
      nlu('check_payment_methods', { sentiment: { score: -0.78, label: 'negative' } }),
      {},
      { ...anonymous, locale: 'zh' },
    );
    expect(cod.replies[0].text).toBe('template for check_payment_methods');
    // "怎么联系客服" (how do I reach customer service) reads -0.82.
    const contact = await policy.decide(
      '怎么联系客服',
      nlu('contact_customer_service', { sentiment: { score: -0.82, label: 'negative' } }),
      {},
      { ...anonymous, locale: 'zh' },
    );
    expect(contact.replies[0].text).toBe('template for contact_customer_service');
    const angry = await policy.decide(
      'useless site, how on earth do I pay',
      nlu('check_payment_methods', { sentiment: { score: -0.97, label: 'negative' } }),
      {},
      anonymous,
    );
    expect(angry.replies[0].text).toBe("I'm sorry about that. template for check_payment_methods");
    // Calm questions and negative small talk get the plain answer.
    const calm = await policy.decide('refund please', nlu('get_refund'), {}, anonymous);
    expect(calm.replies[0]).toEqual({ text: 'template for get_refund' });
    const sarcastic = nlu('thanks', { sentiment: { score: -0.9, label: 'negative' } });
    const thanks = await policy.decide('thanks for nothing', sarcastic, {}, anonymous);
    expect(thanks.replies[0]).toEqual({ text: 'template for thanks' });
    // A template that apologises itself is not preceded by a second apology.
    shop.templateOpening = 'Sorry about the trouble with the payment. ';
    const charged = nlu('payment_issue', { sentiment: { score: -0.9, label: 'negative' } });
    const twice = await policy.decide('charged twice, ridiculous', charged, {}, anonymous);
    expect(twice.replies[0].text).toBe(
      'Sorry about the trouble with the payment. template for payment_issue',
    );
    shop.templateOpening = '抱歉支付遇到了问题。';
    const zhTwice = await policy.decide('扣了两次钱', charged, {}, { ...anonymous, locale: 'zh' });
    expect(zhTwice.replies[0].text).toBe('抱歉支付遇到了问题。template for payment_issue');
    shop.templateOpening = '';
  });

  it('offers another way and a person to a shopper who does not know the order e-mail', async () => {
    const asked = await policy.decide(
      'track A10001',
      nlu('track_order', { entities: orderEntity('A10001') }),
      {},
      anonymous,
    );
    expect(asked.state.pending).toMatchObject({ kind: 'order_email' });
    // Out of context the model reads it as a password reset, confidently.
    const unknown = await policy.decide(
      "hmm I don't remember the email",
      nlu('recover_password', { confidence: 0.9 }),
      asked.state,
      anonymous,
    );
    expect(unknown.replies[0].text).toMatch(/^No problem\. If you have an account, sign in/);
    expect(unknown.replies[0].text).toContain('order A10001');
    const yes = await policy.decide('yes please', nlu('thanks'), unknown.state, anonymous);
    expect(yes.escalate).toMatchObject({ reason: 'requested' });
    const zh = await policy.decide(
      '邮箱忘了',
      nlu('recover_password', { lang: 'zh' }),
      asked.state,
      { ...anonymous, locale: 'zh' },
    );
    expect(zh.replies[0].text).toMatch(/^没关系。如果您有账户/);
  });

  it('hands a payment problem to a person on a plain yes, as its answer offers', async () => {
    const answered = await policy.decide(
      'I was charged twice for my last order',
      nlu('payment_issue'),
      {},
      anonymous,
    );
    expect(answered.replies[0].text).toBe('template for payment_issue');
    const yes = await policy.decide('yes please', nlu('thanks'), answered.state, anonymous);
    expect(yes.escalate).toMatchObject({ reason: 'requested' });
  });

  it('stops asking for the e-mail of an order after three wrong ones, even when asked again', async () => {
    let state = (
      await policy.decide(
        'where is A10001',
        nlu('track_order', { entities: orderEntity('A10001') }),
        {},
        anonymous,
      )
    ).state;
    const replies: string[] = [];
    for (const guess of ['a@example.com', 'b@example.com', 'c@example.com']) {
      const d = await policy.decide(guess, emailNlu(guess), state, anonymous);
      replies.push(d.replies[0].text);
      state = d.state;
    }
    expect(replies.filter((r) => r.includes('type it again'))).toHaveLength(2);
    expect(replies[2]).toContain("can't show its details");
    expect(state.pending).toBeUndefined();
    const again = await policy.decide(
      'where is A10001',
      nlu('track_order', { entities: orderEntity('A10001') }),
      state,
      anonymous,
    );
    expect(again.replies[0].text).toContain("can't show its details");
    expect(again.state.pending).toBeUndefined();
    const owner = await policy.decide(
      'ann@example.com',
      emailNlu('ann@example.com'),
      again.state,
      anonymous,
    );
    expect(owner.replies[0].payload?.order).toBeUndefined();
  });

  it('changes an address given in the request itself after one confirmation', async () => {
    const text =
      'change the delivery address of A10002 to 5 Baker Street, London, NW1 6XE, United Kingdom';
    const ask = await policy.decide(
      text,
      nlu('change_shipping_address', {
        entities: [
          ...orderEntity('A10002'),
          { type: 'address', value: '5 Baker Street', text: '5 Baker Street', start: 45, end: 59 },
        ],
      }),
      {},
      identified,
    );
    expect(ask.replies[0].text).toBe(
      'Change the delivery address of order A10002 to "5 Baker Street, London, NW1 6XE, GB"?',
    );
    expect(ask.state.addressHint).toBeUndefined();
    await policy.decide('yes', nlu('oos', { outOfScope: true }), ask.state, identified);
    expect(shop.addressChanges).toEqual([
      {
        id: 'o2',
        address: { line1: '5 Baker Street', city: 'London', postalCode: 'NW1 6XE', country: 'GB' },
      },
    ]);
  });

  it('keeps a new address typed before the e-mail check for when the order is proven', async () => {
    const ask = await policy.decide(
      'change the delivery address on A10002',
      nlu('change_shipping_address', { entities: orderEntity('A10002') }),
      {},
      anonymous,
    );
    expect(ask.state.pending).toMatchObject({ kind: 'order_email' });
    const address = 'it should go to 5 Baker Street, London, NW1 6XE';
    const noted = await policy.decide(
      address,
      nlu('change_shipping_address', { confidence: 0.5 }),
      ask.state,
      anonymous,
    );
    expect(noted.replies[0].text).toMatch(/^Got it, I'll use that address\. .*A10002/);
    expect(noted.state.pending).toMatchObject({ kind: 'order_email' });
    const proven = await policy.decide(
      'ann@example.com',
      emailNlu('ann@example.com'),
      noted.state,
      anonymous,
    );
    expect(proven.replies[0].text).toBe(
      'Change the delivery address of order A10002 to "5 Baker Street, London, NW1 6XE, GB"?',
    );
    await policy.decide('yes', nlu('oos', { outOfScope: true }), proven.state, anonymous);
    expect(shop.addressChanges).toEqual([
      {
        id: 'o2',
        address: { line1: '5 Baker Street', city: 'London', postalCode: 'NW1 6XE', country: 'GB' },
      },
    ]);
  });

  it('shows the products of the order just shown when asked to order it again', async () => {
    shop.orders.push(
      order({
        id: 'o9',
        number: 'A10009',
        status: 'delivered',
        items: [{ title: 'Ember Hiking Backpack', quantity: 1 }],
      }),
    );
    const shown = await policy.decide(
      'where is A10009',
      nlu('track_order', { entities: orderEntity('A10009') }),
      {},
      identified,
    );
    for (const text of ['can I order it again', '我想再买一次']) {
      const again = await policy.decide(
        text,
        nlu('place_order', { lang: /[a-z]/.test(text) ? 'en' : 'zh' }),
        shown.state,
        identified,
      );
      expect(again.replies[0].text).toMatch(/A10009/);
      expect(again.replies[0].payload?.products?.map((p) => p.id)).toEqual(['p9']);
      // A question next is about that product.
      const price = await policy.decide(
        'how much is it now',
        nlu('product_question'),
        again.state,
        identified,
      );
      expect(price.replies[0].text).toMatch(/^Ember Hiking Backpack: \$165\.99/);
    }
    // Nobody signed in, or no order in view: the model's reading.
    const anon = await policy.decide('can I order it again', nlu('place_order'), {}, anonymous);
    expect(anon.replies[0].text).toBe('template for place_order');
  });

  it('notes a new address typed after "can no longer be changed here" for the colleague offered', async () => {
    const refused = await policy.decide(
      'change the delivery address of A10001',
      nlu('change_shipping_address', { entities: orderEntity('A10001') }),
      {},
      identified,
    );
    expect(refused.replies[0].text).toMatch(/can no longer be changed here/);
    const typed = await policy.decide(
      'Hauptstraße 5, 10115 Berlin, Germany',
      nlu('oos', { outOfScope: true }),
      refused.state,
      identified,
    );
    expect(typed.replies[0].text).toMatch(/^Noted: Hauptstraße 5.*Shall I pass it on\?$/);
    const yes = await policy.decide(
      'yes',
      nlu('oos', { outOfScope: true }),
      typed.state,
      identified,
    );
    expect(yes.escalate).toEqual({ reason: 'requested', priority: 1 });
  });

  it('takes "第三个" after "which of these do you mean?" as the third option, not a complaint', async () => {
    const unsure = nlu('product_recommendation', {
      lang: 'zh',
      confidence: 0.4,
      alternatives: [
        { intent: 'product_recommendation', confidence: 0.4 },
        { intent: 'delivery_options', confidence: 0.35 },
        { intent: 'check_payment_methods', confidence: 0.2 },
      ],
    });
    const zh = { ...anonymous, locale: 'zh' as const };
    const asked = await policy.decide('都有哪些', unsure, {}, zh);
    expect(asked.state.pending).toMatchObject({ kind: 'clarify' });
    // Alone, "第三个" reads as an upset complaint (0.63), which hands the chat over.
    const third = await policy.decide(
      '第三个',
      nlu('complaint', {
        lang: 'zh',
        confidence: 0.63,
        sentiment: { score: -0.69, label: 'negative' },
      }),
      asked.state,
      zh,
    );
    expect(third.escalate).toBeUndefined();
    expect(third.handledIntent).toBe('check_payment_methods');
    // "帮我查下订单" (out of scope, 0.73): the order lookup.
    const check = await policy.decide(
      '帮我查下订单',
      nlu('oos', { lang: 'zh', outOfScope: true }),
      {},
      zh,
    );
    expect(check.handledIntent).toBe('track_order');
  });

  it('takes "the processing one" right after an answer about an order as that order of theirs', async () => {
    const tracked = await policy.decide(
      'where is A10001',
      nlu('track_order', { entities: orderEntity('A10001') }),
      {},
      identified,
    );
    // Read alone as placing an order (0.28).
    const processing = await policy.decide(
      'the processing one',
      nlu('place_order', { confidence: 0.28 }),
      tracked.state,
      identified,
    );
    expect(processing.replies[0].payload?.order?.number).toBe('A10002');
  });

  it('follows a shopper who takes back or corrects what they asked mid-way', async () => {
    shop.orders.push(order({ id: 'o13', number: 'A10013', status: 'processing' }));
    const confirm = await policy.decide(
      'cancel A10002',
      nlu('cancel_order', { entities: orderEntity('A10002') }),
      {},
      identified,
    );
    expect(confirm.state.pending).toEqual({ kind: 'confirm_cancel', orderId: 'o2' });
    // "Actually no": kept (it was asked again).
    const no = await policy.decide(
      'actually no',
      nlu('oos', { outOfScope: true }),
      confirm.state,
      identified,
    );
    expect(no.replies[0].text).toMatch(/A10002 stays as it is/);
    // "Wait, no, I meant change the address": that, and nothing cancelled.
    const meant = await policy.decide(
      'wait, no, I meant change the address',
      nlu('change_shipping_address'),
      confirm.state,
      identified,
    );
    expect(meant.state.pending).toMatchObject({ kind: 'new_address' });
    expect(shop.cancelled).toEqual([]);
    // Asked for the new address, another order's number: that order's address.
    const other = await policy.decide(
      'A10013',
      nlu('oos', { outOfScope: true, entities: orderEntity('A10013') }),
      meant.state,
      identified,
    );
    expect(other.state.pending).toEqual({ kind: 'new_address', orderId: 'o13', attempts: 0 });
    // Asked for the e-mail of one order, the number corrected: the e-mail of that one.
    const email = await policy.decide(
      'where is my order A10001',
      nlu('track_order', { entities: orderEntity('A10001') }),
      {},
      anonymous,
    );
    expect(email.state.pending).toMatchObject({ kind: 'order_email', orderId: 'o1' });
    const corrected = await policy.decide(
      "oops wrong number, it's A10002",
      nlu('track_order', { entities: orderEntity('A10002') }),
      email.state,
      anonymous,
    );
    expect(corrected.state.pending).toMatchObject({ kind: 'order_email', orderId: 'o2' });
    expect(corrected.replies[0].text).toMatch(/A10002/);
  });

  it('keeps a new address typed while asked for the order number', async () => {
    const zh: TurnContext = { ...anonymous, locale: 'zh' };
    const ask = await policy.decide(
      '我想改一下收货地址',
      nlu('change_shipping_address', { lang: 'zh' }),
      {},
      zh,
    );
    expect(ask.state.pending).toMatchObject({ kind: 'order_number' });
    const noted = await policy.decide(
      '北京市朝阳区建国路88号',
      nlu('oos', { lang: 'zh', outOfScope: true }),
      ask.state,
      zh,
    );
    expect(noted.replies[0].text).toMatch(/^好的，新地址已记下。请问是哪个订单/);
    const number = await policy.decide('A10002', nlu('oos', { outOfScope: true }), noted.state, zh);
    expect(number.state.pending).toMatchObject({ kind: 'order_email' });
    const proven = await policy.decide(
      'ann@example.com',
      emailNlu('ann@example.com'),
      number.state,
      zh,
    );
    expect(proven.state.pending).toMatchObject({ kind: 'confirm_address', orderId: 'o2' });
    expect(proven.replies[0].text).toContain('建国路88号');
    // Signed in, with no order whose address can still change: a colleague, with the address.
    shop.orders.push(order({ id: 'o14', number: 'B20014', customerId: 'c2', status: 'shipped' }));
    const customer = { ...identified, customerId: 'c2', locale: 'zh' as const };
    const none = await policy.decide(
      '我昨天下的单能改地址吗',
      nlu('change_shipping_address', { lang: 'zh' }),
      {},
      customer,
    );
    expect(none.replies[0].text).toMatch(/^您最近的订单都已无法修改地址/);
    const typed = await policy.decide(
      '上海市浦东新区张江路100号',
      nlu('oos', { lang: 'zh', outOfScope: true }),
      none.state,
      customer,
    );
    expect(typed.replies[0].text).toMatch(/^已记下新地址：.*张江路100号.*要帮您转给同事吗？$/);
    const yes = await policy.decide(
      '对的',
      nlu('oos', { lang: 'zh', outOfScope: true }),
      typed.state,
      customer,
    );
    expect(yes.escalate?.reason).toBe('requested');
  });

  it('asks for the address in Chinese and takes one written without commas', async () => {
    const chinese: TurnContext = { ...identified, locale: 'zh' };
    const ask = await policy.decide(
      '修改订单A10002的收货地址',
      nlu('change_shipping_address', { lang: 'zh', entities: orderEntity('A10002') }),
      {},
      chinese,
    );
    expect(ask.state.pending).toMatchObject({ kind: 'new_address' });
    const confirm = await policy.decide(
      '上海市浦东新区世纪大道100号',
      nlu('oos', { lang: 'zh', outOfScope: true }),
      ask.state,
      chinese,
    );
    expect(confirm.replies[0].text).toBe(
      '确认把订单 A10002 的收货地址改为“上海市浦东新区世纪大道100号”吗？',
    );
    await policy.decide(
      '是的',
      nlu('oos', { lang: 'zh', outOfScope: true }),
      confirm.state,
      chinese,
    );
    expect(shop.addressChanges.map((c) => c.address)).toEqual([
      { line1: '浦东新区世纪大道100号', city: '上海市', postalCode: undefined, country: 'CN' },
    ]);
  });

  it('acts on the order just discussed when asked to cancel "it", after proof of ownership', async () => {
    const track = await policy.decide(
      'where is A10002',
      nlu('track_order', { entities: orderEntity('A10002') }),
      {},
      anonymous,
    );
    const proved = await policy.decide(
      'ann@example.com',
      emailNlu('ann@example.com'),
      track.state,
      anonymous,
    );
    expect(proved.replies[0].payload?.order?.number).toBe('A10002');
    const cancel = await policy.decide(
      'can I cancel it?',
      nlu('cancel_order'),
      proved.state,
      anonymous,
    );
    expect(cancel.replies[0].text).toMatch(/Order A10002 .* cancel it\?/);
    expect(cancel.state.pending).toEqual({ kind: 'confirm_cancel', orderId: 'o2' });
    // Tracking again asks which order: the shopper may mean another one.
    const again = await policy.decide(
      'where is my order',
      nlu('track_order'),
      proved.state,
      anonymous,
    );
    expect(again.state.pending).toMatchObject({ kind: 'order_number' });
  });

  it('cancels only after an explicit yes', async () => {
    const ask = await policy.decide(
      'cancel A10002',
      nlu('cancel_order', { entities: orderEntity('A10002') }),
      {},
      identified,
    );
    expect(ask.state.pending).toEqual({ kind: 'confirm_cancel', orderId: 'o2' });
    expect(shop.cancelled).toEqual([]);
    const yes = await policy.decide(
      'yes please',
      nlu('oos', { outOfScope: true }),
      ask.state,
      identified,
    );
    expect(shop.cancelled).toEqual(['o2']);
    expect(yes.actions).toEqual([{ type: 'order_cancelled', orderId: 'o2', detail: undefined }]);
    expect(yes.replies[0].text).toContain('cancelled');
  });

  it('keeps the order when the shopper says no', async () => {
    const ask = await policy.decide(
      'cancel A10002',
      nlu('cancel_order', { entities: orderEntity('A10002') }),
      {},
      identified,
    );
    const no = await policy.decide('no', nlu('oos', { outOfScope: true }), ask.state, identified);
    expect(shop.cancelled).toEqual([]);
    expect(no.replies[0].text).toContain('stays as it is');
  });

  it('explains that a shipped order cannot be cancelled or readdressed, and offers a colleague', async () => {
    const d = await policy.decide(
      'cancel A10001',
      nlu('cancel_order', { entities: orderEntity('A10001') }),
      {},
      identified,
    );
    expect(d.replies[0].text).toContain('can no longer be cancelled');
    // The answer offers a colleague: "yes please" takes it.
    const yes = await policy.decide(
      'yes please',
      nlu('oos', { outOfScope: true }),
      d.state,
      identified,
    );
    expect(yes.escalate?.reason).toBe('requested');
    const address = await policy.decide(
      'can I change the address of A10001',
      nlu('change_shipping_address', { entities: orderEntity('A10001') }),
      {},
      identified,
    );
    expect(address.replies[0].text).toContain('can no longer be changed');
    const ok = await policy.decide(
      'ok',
      nlu('oos', { outOfScope: true }),
      address.state,
      identified,
    );
    expect(ok.escalate?.reason).toBe('requested');
  });

  it('tracks the order a shopper asks about in words the model reads as something else', async () => {
    for (const [text, understood] of [
      ["where's my delivery", nlu('delivery_options', { confidence: 0.35 })],
      ['where are the boots I ordered', nlu('complaint', { confidence: 0.78 })],
      ["i'm still waiting for my parcel", nlu('track_refund', { confidence: 0.55 })],
      ['my jacket never arrived', nlu('oos', { outOfScope: true, confidence: 0.51 })],
      ["my sneakers still haven't shown up", nlu('track_refund', { confidence: 0.45 })],
    ] as const) {
      const d = await policy.decide(text, understood, {}, anonymous);
      expect(d.state.pending).toMatchObject({ kind: 'order_number', intent: 'track_order' });
    }
    // A refund question stays one.
    const refund = await policy.decide('where is my refund', nlu('track_refund'), {}, anonymous);
    expect(refund.state.pending).toMatchObject({ intent: 'track_refund' });
    // A confident other reading of something that never came stays that reading.
    const code = await policy.decide(
      'trying to register but the code never came to my phone',
      nlu('registration_problems', { confidence: 0.99 }),
      {},
      anonymous,
    );
    expect(code.replies[0].text).toBe('template for registration_problems');
  });

  it('offers the likeliest intent of a message declined only just, and follows it when tapped', async () => {
    const declined = (alternatives: { intent: string; confidence: number }[]) =>
      nlu('oos', { outOfScope: true, confidence: 0.47, alternatives });
    const asked = await policy.decide(
      'any news on those sneakers',
      declined([
        { intent: 'track_order', confidence: 0.46 },
        { intent: 'track_refund', confidence: 0.03 },
      ]),
      {},
      anonymous,
    );
    expect(asked.replies[0].text).toMatch(
      /^Sorry, I'm not sure I understood\. Did you mean this\?/,
    );
    expect(asked.replies[0].payload?.quickReplies).toEqual([
      { label: 'Track my order', value: 'track_order' },
      { label: 'Talk to a person', value: 'contact_human_agent' },
    ]);
    expect(asked.state.failures).toBe(1);
    const tapped = await policy.decide('track_order', nlu('track_order'), asked.state, anonymous);
    expect(tapped.state.pending).toMatchObject({ kind: 'order_number', intent: 'track_order' });
    // "Yes" to the one intent offered is that intent (out of context "确认" reads as anything).
    const yes = await policy.decide('确认', nlu('check_invoice', { lang: 'zh' }), asked.state, {
      ...anonymous,
      locale: 'zh',
    });
    expect(yes.state.pending).toMatchObject({ kind: 'order_number', intent: 'track_order' });
    // Nothing likely enough: the plain fallback.
    const far = await policy.decide(
      'how do I reverse a list in python',
      declined([{ intent: 'review', confidence: 0.12 }]),
      {},
      anonymous,
    );
    expect(far.replies[0].payload?.quickReplies).toEqual([
      { label: 'Talk to a person', value: 'contact_human_agent' },
    ]);
  });

  it('answers out-of-scope questions from the FAQ when retrieval finds one', async () => {
    shop.faq = { text: 'We ship to Canada.' };
    const d = await policy.decide(
      'do you ship to canada',
      nlu('oos', { outOfScope: true }),
      {},
      anonymous,
    );
    expect(d.replies[0].text).toBe('We ship to Canada.');
    expect(d.escalate).toBeUndefined();
  });

  it('offers a person after one failure and escalates after two in a row', async () => {
    const first = await policy.decide(
      'what is the meaning of life',
      nlu('oos', { outOfScope: true }),
      {},
      anonymous,
    );
    expect(first.replies[0].payload?.quickReplies?.[0].value).toBe('contact_human_agent');
    expect(first.escalate).toBeUndefined();
    const second = await policy.decide(
      'tell me a joke',
      nlu('oos', { outOfScope: true }),
      first.state,
      anonymous,
    );
    expect(second.escalate?.reason).toBe('repeated_failure');
  });

  it('escalates on an explicit request and on an angry complaint', async () => {
    expect(
      (await policy.decide('human please', nlu('contact_human_agent'), {}, anonymous)).escalate
        ?.reason,
    ).toBe('requested');
    const angry = nlu('complaint', { sentiment: { score: -0.8, label: 'negative' } });
    expect((await policy.decide('this is a disgrace', angry, {}, anonymous)).escalate?.reason).toBe(
      'negative_complaint',
    );
    const mild = nlu('complaint', { sentiment: { score: 0.1, label: 'neutral' } });
    expect(
      (await policy.decide('I want to complain', mild, {}, anonymous)).escalate,
    ).toBeUndefined();
  });

  it('answers a wish for another size read as an upset complaint with how to change the order', async () => {
    // The review-trained sentiment model hears "need a bigger one" as negative.
    const upset = nlu('complaint', {
      confidence: 0.66,
      sentiment: { score: -0.6, label: 'negative' },
    });
    for (const text of ['I need a bigger one', '尺码拍错了，要换大一码']) {
      const d = await policy.decide(text, upset, {}, identified);
      expect(d.escalate).toBeUndefined();
      expect(d.handledIntent).toBe('change_order');
    }
    // Right after one product was shown, it is about that product: not an order change.
    const shown = await policy.decide(
      'I need a bigger one',
      upset,
      { lastIntent: 'product_question', lastProductId: 'p9', productsShown: ['p9'] },
      identified,
    );
    expect(shown.handledIntent).not.toBe('change_order');
  });

  it('looks up a bare number typed on its own as an order number', async () => {
    const d = await policy.decide('12345', nlu('oos', { outOfScope: true }), {}, anonymous);
    expect(d.replies[0].text).toMatch(/couldn't find an order with the number 12345.*A10234/);
    // The next message may be the corrected number.
    expect(d.state.pending).toMatchObject({ kind: 'order_number', intent: 'track_order' });
  });

  it('offers a colleague when asked "what do I do now" after the complaint answer', async () => {
    const mild = nlu('complaint', { lang: 'zh', sentiment: { score: -0.2, label: 'neutral' } });
    const zh = { ...anonymous, locale: 'zh' as const };
    const complaint = await policy.decide('东西收到了但是坏了', mild, {}, zh);
    expect(complaint.replies[0].text).toBe('template for complaint');
    const next = await policy.decide(
      '怎么办',
      nlu('oos', { lang: 'zh', outOfScope: true }),
      complaint.state,
      zh,
    );
    expect(next.replies[0].text).toBe('这个需要同事帮您处理，点下面的按钮转人工客服即可。');
    expect(next.state.failures).toBe(0);
    const yes = await policy.decide('好的', nlu('oos', { outOfScope: true }), next.state, zh);
    expect(yes.escalate?.reason).toBe('requested');
    // Out of that context it is no complaint.
    const alone = await policy.decide('怎么办', nlu('oos', { outOfScope: true }), {}, zh);
    expect(alone.replies[0].text).not.toMatch(/同事帮您处理/);
  });

  it('tells a shopper returning something that does not fit how to get another size', async () => {
    const d = await policy.decide(
      'hi i need to return a jacket it doesnt fit',
      nlu('get_refund'),
      {},
      anonymous,
    );
    expect(d.replies[0].text).toMatch(
      /^Sorry it doesn't fit\. For another size.*template for get_refund$/,
    );
    const plain = await policy.decide(
      'I need to return a jacket',
      nlu('get_refund'),
      {},
      anonymous,
    );
    expect(plain.replies[0].text).toBe('template for get_refund');
  });

  it('takes "it\'s broken" / "质量有问题" / "I just don\'t like it" after a returns answer as why', async () => {
    const policyAnswer = await policy.decide(
      'I want to return something',
      nlu('check_refund_policy'),
      {},
      anonymous,
    );
    // Alone, the model reads these as a sign-up problem, a product question, a cancellation.
    const broken = await policy.decide(
      "it's broken",
      nlu('registration_problems', { confidence: 0.51 }),
      policyAnswer.state,
      anonymous,
    );
    expect(broken.replies[0].text).toBe('template for complaint');
    const quality = await policy.decide(
      '质量有问题',
      nlu('product_question', { lang: 'zh', confidence: 0.65 }),
      policyAnswer.state,
      { ...anonymous, locale: 'zh' },
    );
    expect(quality.handledIntent).toBe('complaint');
    const dislike = await policy.decide(
      "I just don't like it",
      nlu('cancel_order', { confidence: 0.5 }),
      policyAnswer.state,
      anonymous,
    );
    expect(dislike.handledIntent).toBe('get_refund');
    expect(dislike.replies[0].text).toMatch(
      /^That's fine, you don't need a reason.*template for get_refund$/,
    );
    // Without the returns answer before it, a cancellation is a cancellation.
    const alone = await policy.decide(
      "I don't want it anymore",
      nlu('cancel_order'),
      {},
      anonymous,
    );
    expect(alone.handledIntent).toBe('cancel_order');
  });

  it('offers a colleague when asked "what should I do" after any answer', async () => {
    const charged = await policy.decide(
      'I was charged twice for my order',
      nlu('payment_issue'),
      {},
      anonymous,
    );
    const next = await policy.decide(
      'what should I do',
      nlu('oos', { outOfScope: true }),
      charged.state,
      anonymous,
    );
    expect(next.replies[0].text).toMatch(/a colleague can look into it with you/);
    expect(next.state.pending).toEqual({ kind: 'offered_person', intent: 'payment_issue' });
  });

  it('takes an address typed after the saved-addresses answer as a new address for an order', async () => {
    const saved = await policy.decide(
      'I want to change my delivery address',
      nlu('set_up_shipping_address'),
      {},
      identified,
    );
    const address = '5 Baker Street, London, NW1 6XE, UK';
    const typed = await policy.decide(
      address,
      nlu('oos', {
        outOfScope: true,
        entities: [
          { type: 'address', value: address, text: address, start: 0, end: address.length },
        ],
      }),
      saved.state,
      identified,
    );
    expect(typed.handledIntent).toBe('change_shipping_address');
    // The one order whose address can still change, with the address typed: asked to confirm.
    expect(typed.replies[0].text).toMatch(
      /^Change the delivery address of order A10002 to "5 Baker Street/,
    );
    expect(typed.state.pending).toMatchObject({ kind: 'confirm_address', orderId: 'o2' });
  });

  it('recommends for the person named right after recommendations ("送妈妈的")', async () => {
    const zh = { ...anonymous, locale: 'zh' as const };
    const first = await policy.decide(
      '有什么推荐的吗',
      nlu('product_recommendation', { lang: 'zh' }),
      {},
      zh,
    );
    const forMum = await policy.decide(
      '送妈妈的',
      nlu('oos', { lang: 'zh', outOfScope: true }),
      first.state,
      zh,
    );
    expect(forMum.handledIntent).toBe('product_recommendation');
    expect(forMum.replies[0].payload?.products?.length).toBeGreaterThan(0);
  });

  it('meets openers that say nothing yet ("can you help me", "a question about my order")', async () => {
    const help = await policy.decide(
      'hi, can you help me?',
      nlu('oos', { outOfScope: true, confidence: 0.51 }),
      {},
      identified,
    );
    expect(help.replies[0].text).toBe('template for greeting');
    expect(help.state.failures).toBe(0);
    const order = await policy.decide(
      'I have a question about my order',
      nlu('recover_password', { confidence: 0.22 }),
      {},
      identified,
    );
    expect(order.replies[0].text).toBe(
      'Which order do you mean? Here are your latest ones, or type its number.',
    );
    expect(order.state.pending).toMatchObject({ kind: 'order_number', intent: 'track_order' });
    const anon = await policy.decide(
      '我的订单有问题',
      nlu('change_order', { lang: 'zh', confidence: 0.48 }),
      {},
      { ...anonymous, locale: 'zh' },
    );
    expect(anon.state.pending).toMatchObject({ kind: 'order_number', intent: 'track_order' });
    // With something to ask, the message is read as usual.
    const specific = await policy.decide(
      'can you help me find a jacket',
      nlu('product_recommendation'),
      {},
      identified,
    );
    expect(specific.handledIntent).toBe('product_recommendation');
  });

  it('shows gift ideas for "I want to buy a gift for my sister", not the checkout steps', async () => {
    const gift = await policy.decide(
      'I want to buy a gift for my sister',
      nlu('place_order', { confidence: 0.7 }),
      {},
      anonymous,
    );
    expect(gift.replies[0].payload?.products?.length).toBeGreaterThan(0);
    expect(gift.replies.map((r) => r.text)).not.toContain('template for place_order');
    const checkout = await policy.decide('I want to buy it now', nlu('place_order'), {}, anonymous);
    expect(checkout.replies[0].text).toBe('template for place_order');
  });

  it('tracks "where\'s A10001" even when the model declines it', async () => {
    const where = await policy.decide(
      "where's A10001",
      nlu('oos', { outOfScope: true, confidence: 0.52, entities: orderEntity('A10001') }),
      {},
      identified,
    );
    expect(where.replies[0].text).toMatch(/^Order A10001 is on its way/);
    const refund = await policy.decide(
      "where's the refund for A10001",
      nlu('oos', { outOfScope: true, entities: orderEntity('A10001') }),
      {},
      identified,
    );
    expect(refund.handledIntent).not.toBe('track_order');
  });

  it('answers "my package is late" with its status and a colleague to chase it', async () => {
    const late = await policy.decide(
      'my package is late',
      nlu('oos', {
        outOfScope: true,
        confidence: 0.62,
        alternatives: [
          { intent: 'track_order', confidence: 0.29 },
          { intent: 'complaint', confidence: 0.07 },
        ],
      }),
      {},
      identified,
    );
    expect(late.handledIntent).toBe('track_order');
    // Ann has one order on its way and one being prepared: which one.
    expect(late.replies[0].text).toMatch(/^Which order do you mean/);
    const picked = await policy.decide(
      'A10001',
      nlu('track_order', { entities: orderEntity('A10001') }),
      late.state,
      identified,
    );
    expect(picked.replies[0].text).toMatch(/^Order A10001 is on its way\..*I can't speed it up/);
    // "Is it too late to cancel?" is no late parcel.
    const cancel = await policy.decide(
      'is it too late to cancel my order',
      nlu('oos', { outOfScope: true }),
      {},
      identified,
    );
    expect(cancel.handledIntent).not.toBe('track_order');
  });

  it('answers "什么时候到" right after an order status about that order', async () => {
    const zh = { ...identified, locale: 'zh' as const };
    const status = await policy.decide(
      'A10001到哪了',
      nlu('track_order', { lang: 'zh', entities: orderEntity('A10001') }),
      {},
      zh,
    );
    const when = await policy.decide(
      '什么时候到',
      nlu('oos', { lang: 'zh', outOfScope: true, confidence: 0.68 }),
      status.state,
      zh,
    );
    expect(when.replies[0].text).toMatch(/^订单 A10001 当前状态：已发货。预计送达：2026-12-03/);
  });

  it('answers "when was it delivered" with the status, not as a parcel gone missing', async () => {
    shop.orders[0].status = 'delivered';
    const seen = await policy.decide(
      'where is A10001',
      nlu('track_order', { entities: orderEntity('A10001') }),
      {},
      identified,
    );
    const when = await policy.decide(
      'when was it delivered',
      nlu('delivery_period'),
      seen.state,
      identified,
    );
    expect(when.replies[0].text).toBe('Order A10001 is delivered.');
    // "When will it arrive?" about a delivered order still offers a trace.
    const future = await policy.decide(
      'when will it arrive',
      nlu('delivery_period'),
      seen.state,
      identified,
    );
    expect(future.replies[0].text).toMatch(/If it hasn't reached you/);
  });

  it('answers "and my phone number?" after the profile answer with the profile answer', async () => {
    const email = await policy.decide(
      'I want to change my email address',
      nlu('edit_account'),
      {},
      identified,
    );
    const phone = await policy.decide(
      'and my phone number',
      nlu('contact_customer_service', { confidence: 0.66 }),
      email.state,
      identified,
    );
    expect(phone.replies[0].text).toBe('template for edit_account');
    // Asked on its own, it is the shop's number.
    const shop = await policy.decide(
      'what is your phone number',
      nlu('contact_customer_service'),
      email.state,
      identified,
    );
    expect(shop.replies[0].text).toBe('template for contact_customer_service');
  });

  it('answers "how long do I have" after a return answer with the return window', async () => {
    const returnAnswer = await policy.decide(
      'how do I return something',
      nlu('get_refund'),
      {},
      anonymous,
    );
    const left = await policy.decide(
      'how long do I have',
      nlu('oos', {
        outOfScope: true,
        confidence: 0.48,
        alternatives: [
          { intent: 'delivery_period', confidence: 0.43 },
          { intent: 'check_refund_policy', confidence: 0.03 },
        ],
      }),
      returnAnswer.state,
      anonymous,
    );
    expect(left.replies[0].text).toBe('template for check_refund_policy');
    // Out of that context it is not about returns.
    const alone = await policy.decide(
      'how long do I have',
      nlu('oos', { outOfScope: true }),
      {},
      anonymous,
    );
    expect(alone.handledIntent).not.toBe('check_refund_policy');
  });

  it('passes a complaint about a numbered order to a person with that order', async () => {
    const mild = (extra: Partial<Understanding> = {}) =>
      nlu('complaint', { sentiment: { score: -0.2, label: 'neutral' }, ...extra });
    const damaged = await policy.decide(
      'I received a damaged item, order A10001',
      mild({ entities: orderEntity('A10001') }),
      {},
      identified,
    );
    expect(damaged.escalate?.reason).toBe('order_problem');
    expect(damaged.replies[0].text).toMatch(/passed it to a colleague together with order A10001/);
    expect(damaged.state.ordersDiscussed).toEqual(['o1']);
    // Read as tracking because of the number, it is still a faulty item to pass on.
    const tracking = await policy.decide(
      'my sneakers arrived damaged, order A10001',
      nlu('track_order', { confidence: 0.42, entities: orderEntity('A10001') }),
      {},
      identified,
    );
    expect(tracking.escalate?.reason).toBe('order_problem');
    // The number given after the complaint answer asked for it.
    const complaint = await policy.decide('the item arrived broken', mild(), {}, anonymous);
    expect(complaint.escalate).toBeUndefined();
    const number = await policy.decide(
      'A10001',
      nlu('track_order', { entities: orderEntity('A10001') }),
      complaint.state,
      anonymous,
    );
    expect(number.escalate?.reason).toBe('order_problem');
    // Without a complaint, a number is an order request as before.
    const track = await policy.decide(
      'A10001',
      nlu('track_order', { entities: orderEntity('A10001') }),
      {},
      identified,
    );
    expect(track.escalate).toBeUndefined();
  });

  it('asks which intent is meant when the top two are close, then follows the pick', async () => {
    const unsure = nlu('get_refund', {
      confidence: 0.41,
      alternatives: [
        { intent: 'get_refund', confidence: 0.41 },
        { intent: 'track_refund', confidence: 0.37 },
        { intent: 'check_refund_policy', confidence: 0.1 },
      ],
    });
    const ask = await policy.decide('refund', unsure, {}, anonymous);
    expect(ask.replies[0].payload?.quickReplies?.map((q) => q.value)).toEqual([
      'get_refund',
      'track_refund',
      'check_refund_policy',
    ]);
    const picked = await policy.decide(
      'track_refund',
      nlu('oos', { outOfScope: true }),
      ask.state,
      anonymous,
    );
    expect(picked.replies[0].text).toBe('template for track_refund');
  });

  it('recommends popular products of the category mentioned', async () => {
    const d = await policy.decide(
      'any good shoes for running?',
      nlu('product_recommendation'),
      {},
      anonymous,
    );
    expect(d.replies[0].payload?.products?.[0].title).toBe('Best Shoes');
    // The only product recommended: "which one is the best" and "I'll buy it" are that one.
    shop.products.push({ ...shop.products[0], id: 'p1', title: 'Best Shoes' });
    const best = await policy.decide(
      'which one is the best',
      nlu('product_recommendation', { confidence: 0.7 }),
      d.state,
      anonymous,
    );
    expect(best.replies[0].text).toBe(
      "It's the only one of those we have: Best Shoes, $165.99, only 3 left.",
    );
    const buy = await policy.decide(
      "ok I'll buy it",
      nlu('oos', { outOfScope: true }),
      d.state,
      anonymous,
    );
    expect(buy.replies.map((r) => r.text)).toEqual([
      'Good choice! Open Best Shoes from its card to add it to your cart.',
      'template for place_order',
    ]);
  });

  it('answers about the product a signed-in shopper says they bought when the shop has several of its kind', async () => {
    const webcam = (id: string, title: string): ProductDetail => ({
      id,
      title,
      price: 60,
      currency: 'USD',
      imageUrl: null,
      url: null,
      category: 'Electronics',
      description: 'Plug and play on Windows and macOS.',
      stock: 9,
    });
    shop.products = [webcam('w1', 'Aurora Travel Webcam'), webcam('w2', 'Juniper Slim Webcam')];
    shop.popular = shop.products;
    shop.orders[0].items = [{ title: 'Juniper Slim Webcam', quantity: 1 }];
    const question = 'I bought a webcam from you, is it compatible with mac?';
    const mine = await policy.decide(question, nlu('product_question'), {}, identified);
    expect(mine.replies[0].text).toContain('Juniper Slim Webcam');
    expect(mine.state.lastProductId).toBe('w2');
    // Anonymous, nothing is known of their orders: which of the shop's webcams.
    const anon = await policy.decide(question, nlu('product_question'), {}, anonymous);
    expect(anon.replies[0].payload?.products?.map((p) => p.id)).toEqual(['w1', 'w2']);
  });

  it('compares products asked about side by side instead of asking which one', async () => {
    const bottle = (id: string, title: string, price: number): ProductDetail => ({
      id,
      title,
      price,
      currency: 'USD',
      imageUrl: null,
      url: null,
      category: 'Outdoors',
      description: `${title} description.`,
      stock: 20,
    });
    shop.products = [
      bottle('b1', 'Juniper Performance Water Bottle', 28.99),
      bottle('b2', 'Lumen Summit Water Bottle', 29.99),
    ];
    shop.popular = shop.products;
    const compared = await policy.decide(
      "what's the difference between the juniper and the lumen water bottle",
      nlu('product_question'),
      {},
      anonymous,
    );
    expect(compared.state.pending).toBeUndefined();
    expect(compared.replies[0].text).toMatch(
      /Juniper Performance Water Bottle: \$28\.99.*Juniper Performance Water Bottle description\.\n.*Lumen Summit Water Bottle: \$29\.99/s,
    );
    expect(compared.replies[0].payload?.products?.map((p) => p.id)).toEqual(['b1', 'b2']);
    // The products just shown ("which one do you mean?"), compared when asked how they differ.
    const asked = await policy.decide(
      'is the water bottle any good',
      nlu('product_question'),
      {},
      anonymous,
    );
    expect(asked.state.pending).toMatchObject({ kind: 'pick_product' });
    const them = await policy.decide(
      '这两款有什么区别',
      nlu('product_question', { lang: 'zh' }),
      asked.state,
      { ...anonymous, locale: 'zh' },
    );
    expect(them.replies[0].text).toMatch(/^为您对比一下：\n• Juniper/);
  });

  it('answers a refund question from the FAQ when it asks about a price drop, not an order', async () => {
    shop.faqQuestions = [{ question: '退差价', answer: 'price-drop entry' }];
    const zh = { ...anonymous, locale: 'zh' as const };
    const drop = await policy.decide(
      '我想问一下，如果我买的东西降价了，可以退差价吗',
      nlu('get_refund', { lang: 'zh', confidence: 0.85 }),
      {},
      zh,
    );
    expect(drop.replies[0].text).toBe('price-drop entry');
    // About an order named by its number, the order flow answers.
    const order = await policy.decide(
      'A10001 降价了，可以退差价吗',
      nlu('get_refund', { lang: 'zh', entities: orderEntity('A10001') }),
      {},
      zh,
    );
    expect(order.replies[0].text).not.toBe('price-drop entry');
  });

  it('answers a question naming a product in full, however unsure the reading', async () => {
    const q = await policy.decide(
      'can you tell me if the Ember Hiking Backpack fits a 15 inch laptop? need it for school',
      nlu('oos', { outOfScope: true }),
      {},
      anonymous,
    );
    expect(q.replies[0].text).toMatch(/^Ember Hiking Backpack: \$165\.99/);
  });

  it('answers "in black?" and "size M?" about the products just shown', async () => {
    const jacket = (id: string, title: string, colour: string): ProductDetail => ({
      id,
      title,
      price: 80,
      currency: 'USD',
      imageUrl: null,
      url: null,
      category: 'Clothing',
      description: `The ${title.toLowerCase()} in ${colour}. Part of our clothing range.`,
      stock: 20,
    });
    shop.products = [
      jacket('j1', 'Solstice Rain Jacket', 'navy'),
      jacket('j2', 'Pebble Denim Jacket', 'black'),
      jacket('j3', 'Lumen Slim Jacket', 'sky'),
    ];
    shop.popular = shop.products;
    const shown = await policy.decide(
      'do you have any jackets',
      nlu('product_recommendation'),
      {},
      anonymous,
    );
    expect(shown.replies[0].payload?.products).toHaveLength(3);
    // The model reads "in black?" as nothing it knows.
    const black = await policy.decide(
      'in black?',
      nlu('oos', { outOfScope: true }),
      shown.state,
      anonymous,
    );
    expect(black.replies[0].text).toBe('Listed in black:');
    expect(black.replies[0].payload?.products?.map((p) => p.id)).toEqual(['j2']);
    // Another colour next is asked among the same jackets, not only the black one.
    const navy = await policy.decide(
      'any navy ones',
      nlu('oos', { outOfScope: true }),
      black.state,
      anonymous,
    );
    expect(navy.replies[0].payload?.products?.map((p) => p.id)).toEqual(['j1']);
    // "Blue" finds navy and sky; Chinese too.
    const blue = await policy.decide(
      '有蓝色的吗',
      nlu('product_question', { lang: 'zh' }),
      shown.state,
      { ...anonymous, locale: 'zh' },
    );
    expect(blue.replies[0].payload?.products?.map((p) => p.id)).toEqual(['j1', 'j3']);
    const red = await policy.decide(
      'any red ones?',
      nlu('oos', { outOfScope: true }),
      shown.state,
      anonymous,
    );
    expect(red.replies[0].text).toMatch(/^None of these is listed in red/);
    // "Which one keeps you warmest?" (the model finds no such product): them side by side.
    const warmest = await policy.decide(
      'which one keeps you warmest',
      nlu('product_recommendation', { confidence: 0.4 }),
      shown.state,
      anonymous,
    );
    expect(warmest.replies[0].text).toMatch(/^Here they are side by side:\n• Solstice Rain Jacket/);
    expect(warmest.replies[0].payload?.products?.map((p) => p.id)).toEqual(['j1', 'j2', 'j3']);
    // "Size M" (read as changing an order): where sizes are chosen.
    const size = await policy.decide(
      'size M',
      nlu('change_order', { confidence: 0.6 }),
      shown.state,
      anonymous,
    );
    expect(size.handledIntent).toBe('product_question');
    expect(size.replies[0].text).toMatch(/^Sizes are chosen on each product page/);
    // Without products just shown, "size M" is no question about them.
    const alone = await policy.decide('size M', nlu('change_order'), {}, anonymous);
    expect(alone.handledIntent).toBe('change_order');
  });

  it('shows the products a shopper wants to buy, and explains ordering when none is named', async () => {
    const card = (id: string, title: string): ProductDetail => ({
      id,
      title,
      price: 99,
      currency: 'USD',
      imageUrl: null,
      url: null,
      category: 'Electronics',
      description: null,
      stock: 5,
    });
    shop.popular = [card('h1', 'Wireless Headphones'), card('w1', 'Slim Webcam')];
    const buy = await policy.decide('I want to buy headphones', nlu('place_order'), {}, anonymous);
    expect(buy.replies[0].payload?.products?.map((p) => p.id)).toEqual(['h1']);
    expect(buy.replies[1].text).toBe('template for place_order');
    expect(buy.state.lastIntent).toBe('product_recommendation');
    for (const how of ['how do I place an order', 'can I order by phone']) {
      const d = await policy.decide(how, nlu('place_order'), {}, anonymous);
      expect(d.replies[0].text).toBe('template for place_order');
    }
  });

  it('shows the products asked for in words the model did not learn, and only when it looks like shopping', async () => {
    const card = (id: string, title: string): ProductDetail => ({
      id,
      title,
      price: 20,
      currency: 'USD',
      imageUrl: null,
      url: null,
      category: 'Pets',
      description: null,
      stock: 5,
    });
    shop.popular = [
      card('b1', 'Calm Dog Bed'),
      card('l1', 'Reflective Dog Leash'),
      card('h1', 'Trail Headlamp'),
      card('s1', 'Aurora 猫抓板'),
    ];
    const oos = (lang: 'en' | 'zh' = 'en') =>
      nlu('oos', { outOfScope: true, confidence: 0.6, lang });
    const shown = async (text: string, understood: Understanding, locale: 'en' | 'zh' = 'en') => {
      const d = await policy.decide(text, understood, {}, { ...anonymous, locale });
      return { d, ids: d.replies[0].payload?.products?.map((p) => p.id) };
    };
    // Out of scope, a greeting, or a weak reading as a review / how to reach the shop.
    expect((await shown('do you stock headlamps', oos())).ids).toEqual(['h1']);
    expect((await shown('i want a leash for my puppy', oos())).ids).toEqual(['l1']);
    expect((await shown('有猫抓板吗', oos('zh'), 'zh')).ids).toEqual(['s1']);
    expect(
      (await shown('hi, do you have dog beds?', nlu('greeting', { confidence: 0.74 }))).ids?.[0],
    ).toBe('b1');
    const weak = await shown(
      'where can I find headlamps on your site',
      nlu('contact_customer_service', { confidence: 0.51 }),
    );
    expect(weak.ids).toEqual(['h1']);
    expect(weak.d.state.lastIntent).toBe('product_recommendation');
    expect(weak.d.state.failures).toBe(0);
    // Which of a kind by price or rank.
    expect((await shown("what's your cheapest headlamp", oos())).ids).toEqual(['h1']);
    expect((await shown('最便宜的猫抓板', oos('zh'), 'zh')).ids).toEqual(['s1']);
    // Just the thing's name, as an answer to "anything else?".
    expect((await shown('a headlamp?', oos())).ids).toEqual(['h1']);
    expect((await shown('猫抓板', oos('zh'), 'zh')).ids).toEqual(['s1']);
    // Not shopping: no products named, a purchase already made, an order or return, or a
    // confident reading of another intent.
    for (const [text, understood] of [
      ['do you stock unicorns', oos()],
      ['can you recommend a good vet for my dog', oos()],
      ['my dog chewed the leash I bought', oos()],
      ['I want to return the dog bed', oos()],
      ['my dog bed', oos()],
      ['leash broke', oos()],
      ['where can I find headlamps on your site', nlu('contact_customer_service')],
    ] as const) {
      const { ids } = await shown(text, understood);
      expect(ids).toBeUndefined();
    }
  });

  it('shows a kind of product asked for rather than asking which intent or which product was meant', async () => {
    const card = (id: string, title: string): ProductDetail => ({
      id,
      title,
      price: 20,
      currency: 'USD',
      imageUrl: null,
      url: null,
      category: 'Sports',
      description: null,
      stock: 5,
    });
    shop.popular = [
      card('m1', 'Pebble Yoga Mat'),
      card('s1', '睡袋'),
      card('h1', 'Trail Headlamp'),
    ];
    const unsure = (intent: string, second: string, lang: 'en' | 'zh' = 'en') =>
      nlu(intent, {
        lang,
        confidence: 0.3,
        alternatives: [
          { intent, confidence: 0.3 },
          { intent: second, confidence: 0.25 },
        ],
      });
    // Close readings would otherwise be a "which of these do you mean?" question.
    const mats = await policy.decide(
      'where can I find yoga mats',
      unsure('product_recommendation', 'contact_customer_service'),
      {},
      anonymous,
    );
    expect(mats.replies[0].payload?.products?.map((p) => p.id)).toEqual(['m1']);
    const bags = await policy.decide(
      '有没有睡袋',
      unsure('product_question', 'product_recommendation', 'zh'),
      {},
      { ...anonymous, locale: 'zh' },
    );
    expect(bags.replies[0].payload?.products?.map((p) => p.id)).toEqual(['s1']);
    // A kind the shop does not sell, read confidently as a product question: said so, with
    // popular picks, rather than "tell me which product".
    const baby = await policy.decide(
      'do you have baby blankets?',
      nlu('product_question'),
      {},
      anonymous,
    );
    expect(baby.replies[0].text).toBe(
      "I couldn't find exactly that in our shop. Here is what's popular:",
    );
    expect(baby.handledIntent).toBe('product_recommendation');
    // About a property of a product ("in blue", "XL码", "防水的", whether it irritates the
    // skin): still a product question.
    for (const [text, locale] of [
      ['do you have it in blue?', 'en'],
      ['有XL码吗', 'zh'],
      ['有防水的吗', 'zh'],
      ['对皮肤有刺激吗', 'zh'],
    ] as const) {
      const d = await policy.decide(text, nlu('product_question'), {}, { ...anonymous, locale });
      expect(d.replies[0].text).toBe('template for product_question');
    }
  });

  it('says when a request names something the shop has nothing like, but not for who or what it is for', async () => {
    shop.popular = [
      {
        id: 'w1',
        title: 'Slim Webcam',
        price: 59,
        currency: 'USD',
        imageUrl: null,
        url: null,
        category: 'Electronics',
        description: null,
        stock: 5,
      },
    ];
    const intro = async (text: string, locale: 'en' | 'zh' = 'en') =>
      (await policy.decide(text, nlu('product_recommendation'), {}, { ...anonymous, locale }))
        .replies[0].text;
    expect(await intro('what should I buy for a newborn')).toBe(
      "I couldn't find exactly that in our shop. Here is what's popular:",
    );
    expect(await intro('给新生儿买什么好', 'zh')).toBe(
      '店里暂时没有找到完全符合的商品，为您推荐热销商品：',
    );
    for (const text of [
      'any gift ideas for my mom',
      "recommend something for my boyfriend's birthday",
      'something cool for summer',
    ]) {
      expect(await intro(text)).toBe('Here are some popular picks:');
    }
    expect(await intro('推荐一些送妈妈的礼物', 'zh')).toBe('为您推荐热销商品：');
    expect(await intro('有没有适合送爸爸的礼物', 'zh')).toBe('为您推荐热销商品：');
  });

  it('answers a question about a kind of product the shop sells by that kind', async () => {
    const item = (id: string, title: string): ProductDetail => ({
      id,
      title,
      price: 40,
      currency: 'USD',
      imageUrl: null,
      url: null,
      category: 'Electronics',
      description: null,
      stock: 3,
    });
    shop.popular = [item('w1', 'Slim Webcam'), item('w2', 'Pro Webcam'), item('k1', 'Desk Lamp')];
    shop.products.push(...shop.popular);
    // Two webcams: which one, with both.
    const webcam = await policy.decide(
      "what's the warranty on the webcam",
      nlu('product_question'),
      {},
      anonymous,
    );
    expect(webcam.replies[0].payload?.products?.map((p) => p.id)).toEqual(['w1', 'w2']);
    expect(webcam.state.pending?.kind).toBe('pick_product');
    // "Any cheaper ones?" instead of picking: products of that kind, not a discount answer.
    shop.faqQuestions = [{ question: 'cheaper', answer: 'Our offers are on the website.' }];
    const cheaper = await policy.decide(
      'any cheaper ones?',
      nlu('oos', { outOfScope: true }),
      webcam.state,
      anonymous,
    );
    expect(cheaper.handledIntent).toBe('product_recommendation');
    expect(cheaper.replies[0].payload?.products?.length).toBeGreaterThan(0);
    shop.faqQuestions = [];
    // One lamp: answered about it.
    const lamp = await policy.decide(
      'is the lamp dimmable?',
      nlu('product_question'),
      {},
      anonymous,
    );
    expect(lamp.replies[0].payload?.products?.map((p) => p.id)).toEqual(['k1']);
    // Declined, but most likely a product question: still answered when it names the kind.
    const unsure = (extra: Partial<Understanding> = {}) =>
      nlu('oos', {
        outOfScope: true,
        confidence: 0.44,
        alternatives: [
          { intent: 'product_question', confidence: 0.4 },
          { intent: 'complaint', confidence: 0.05 },
        ],
        ...extra,
      });
    const quality = await policy.decide(
      'how good is the sound of your webcam',
      unsure(),
      {},
      anonymous,
    );
    expect(quality.replies[0].payload?.products?.map((p) => p.id)).toEqual(['w1', 'w2']);
    expect(quality.handledIntent).toBe('product_question');
    // Naming nothing the shop sells, it is declined as before.
    const nothing = await policy.decide(
      'how good is the sound of a cello',
      unsure(),
      {},
      anonymous,
    );
    expect(nothing.replies[0].payload?.products).toBeUndefined();
    expect(nothing.replies[0].text).toMatch(/^Sorry/);
  });

  it('answers about the product the shopper points at by its position among those shown', async () => {
    const shoe = (id: string, title: string, price: number, stock: number): ProductDetail => ({
      id,
      title,
      price,
      currency: 'USD',
      imageUrl: null,
      url: null,
      category: 'Shoes',
      description: null,
      stock,
    });
    shop.popular = [shoe('s1', 'Trail Runner', 80, 12), shoe('s2', 'Court Sneaker', 55, 0)];
    shop.products.push(...shop.popular);
    const shown = await policy.decide(
      'any good shoes?',
      nlu('product_recommendation'),
      {},
      anonymous,
    );
    expect(shown.state.productsShown).toEqual(['s1', 's2']);
    // Out of context the model reads these as anything but a product question.
    const second = await policy.decide(
      'is the second one in stock?',
      nlu('check_cancellation_fee'),
      shown.state,
      anonymous,
    );
    expect(second.replies[0].text).toContain('Court Sneaker: $55.00, out of stock right now.');
    expect(second.replies[0].payload?.products?.[0].id).toBe('s2');
    // Picked by price: the model reads it as a new recommendation (0.61), which would list them again.
    const cheapest = await policy.decide(
      'which one is the cheapest',
      nlu('product_recommendation', { confidence: 0.61 }),
      shown.state,
      anonymous,
    );
    expect(cheapest.replies[0].payload?.products?.map((p) => p.id)).toEqual(['s2']);
    expect(cheapest.replies[0].text).toBe(
      'The least expensive of those is Court Sneaker: $55.00, out of stock right now.',
    );
    const dearest = await policy.decide(
      '哪个最贵',
      nlu('product_recommendation', { lang: 'zh' }),
      shown.state,
      { ...anonymous, locale: 'zh' },
    );
    expect(dearest.replies[0].payload?.products?.map((p) => p.id)).toEqual(['s1']);
    const first = await policy.decide(
      '第一个多少钱',
      nlu('check_cancellation_fee', { lang: 'zh' }),
      second.state,
      { ...anonymous, locale: 'zh' },
    );
    expect(first.replies[0].payload?.products?.[0].id).toBe('s1');
    // Read alone, "the first one" is an upset complaint (0.54, sentiment -0.35): still the product.
    const upset = await policy.decide(
      'the first one',
      nlu('complaint', { confidence: 0.54, sentiment: { score: -0.35, label: 'neutral' } }),
      shown.state,
      anonymous,
    );
    expect(upset.escalate).toBeUndefined();
    expect(upset.replies[0].payload?.products?.[0].id).toBe('s1');
    expect(first.replies[0].text).toMatch(/^Trail Runner：US\$80\.00，有货。/);
    // About none of them in particular: which one, among those shown (the general answer asks
    // for a product name).
    const which = await policy.decide(
      'is it waterproof?',
      nlu('product_question'),
      shown.state,
      anonymous,
    );
    expect(which.replies[0].payload?.products?.map((p) => p.id)).toEqual(['s1', 's2']);
    expect(which.state.pending?.kind).toBe('pick_product');
    const picked = await policy.decide(
      'Court Sneaker',
      nlu('product_question'),
      which.state,
      anonymous,
    );
    expect(picked.replies[0].payload?.products?.[0].id).toBe('s2');
    // Then "how much?" is about the one picked.
    const price = await policy.decide(
      'how much?',
      nlu('check_cancellation_fee'),
      picked.state,
      anonymous,
    );
    expect(price.replies[0].payload?.products?.map((p) => p.id)).toEqual(['s2']);
    // About an order, "the first one" is not a product.
    const order = await policy.decide(
      'cancel the first one I ordered',
      nlu('cancel_order'),
      shown.state,
      anonymous,
    );
    expect(order.handledIntent).toBe('cancel_order');
    // "Noise cancelling" is a feature, not cancelling an order.
    const feature = await policy.decide(
      'does the second one have noise cancelling',
      nlu('check_cancellation_fee', { confidence: 0.9 }),
      shown.state,
      anonymous,
    );
    expect(feature.replies[0].payload?.products?.[0].id).toBe('s2');
    // "Best rated": the shop knows what sells best, and says so. After "cheapest first" the
    // order shown is by price, so the shop's popularity order decides.
    const cheapFirst = await policy.decide(
      'cheaper ones?',
      nlu('oos', { outOfScope: true }),
      shown.state,
      anonymous,
    );
    expect(cheapFirst.state.productsShown).toEqual(['s2', 's1']);
    const best = await policy.decide(
      'which is the best rated',
      nlu('product_recommendation', { confidence: 0.5 }),
      cheapFirst.state,
      anonymous,
    );
    expect(best.replies[0].text).toBe(
      'Of those, the most popular with our shoppers is Trail Runner: $80.00, in stock.',
    );
    // "Add it to my cart": that product's card, then how to buy it.
    const cart = await policy.decide(
      'ok add it to my cart',
      nlu('oos', { outOfScope: true }),
      best.state,
      anonymous,
    );
    expect(cart.replies.map((r) => r.text)).toEqual([
      'Good choice! Open Trail Runner from its card to add it to your cart.',
      'template for place_order',
    ]);
    expect(cart.replies[0].payload?.products?.map((p) => p.title)).toEqual(['Trail Runner']);
    // "就要这个" read as another question about it is still buying it.
    const take = await policy.decide(
      '就要这个',
      nlu('product_question', { lang: 'zh', confidence: 0.9 }),
      best.state,
      { ...anonymous, locale: 'zh' },
    );
    expect(take.replies[0].text).toBe('好的！点开下面的 Trail Runner 即可加入购物车。');
    // Sold out: said so, with no checkout steps.
    shop.products.find((p) => p.title === 'Trail Runner')!.stock = 0;
    const soldOut = await policy.decide('我要买这个', nlu('place_order'), best.state, {
      ...anonymous,
      locale: 'zh',
    });
    expect(soldOut.replies.map((r) => r.text)).toEqual([
      'Trail Runner 暂时缺货，现在还不能下单。需要的话我可以推荐类似的商品。',
    ]);
    shop.popular = null;
  });

  it('recommends within a budget and says so', async () => {
    const d = await policy.decide(
      'any shoes under $20?',
      nlu('product_recommendation'),
      {},
      anonymous,
    );
    // The fake shop's only shoe costs $10.
    expect(d.replies[0].text).toBe('Here are some picks in Shoes under $20:');
    const none = await policy.decide(
      'any shoes under $5?',
      nlu('product_recommendation'),
      {},
      anonymous,
    );
    expect(none.replies[0].text).toBe(
      "I couldn't find anything in Shoes under $5; these are the least expensive:",
    );
    // A budget in another currency than the shop's is not taken as dollars, and says so.
    const euros = await policy.decide(
      'any shoes under 20 euros?',
      nlu('product_recommendation'),
      {},
      anonymous,
    );
    expect(euros.replies[0].text).toBe(
      'Our prices are in USD, so here are the least expensive in Shoes:',
    );
    const around = await policy.decide(
      'some shoes around 12 dollars',
      nlu('product_recommendation'),
      {},
      anonymous,
    );
    expect(around.replies[0].text).toBe('Here are some picks in Shoes around $12:');
  });

  it('replies in Chinese to a Chinese message', async () => {
    const d = await policy.decide(
      '我的订单到哪了',
      nlu('track_order', { lang: 'zh' }),
      {},
      anonymous,
    );
    expect(d.replies[0].text).toContain('订单号');
  });

  it('keeps answering in the conversation language when a message has none of its own', async () => {
    const chinese: TurnContext = { ...anonymous, locale: 'zh' };
    const ask = await policy.decide(
      '我想取消订单',
      nlu('cancel_order', { lang: 'zh' }),
      {},
      chinese,
    );
    const number = await policy.decide(
      'A10001',
      nlu('oos', { lang: 'en', outOfScope: true, confidence: 0.2 }),
      ask.state,
      chinese,
    );
    expect(number.replies[0].text).toContain('邮箱');
    expect(number.locale).toBe('zh');
    // A whole English sentence switches the conversation to English.
    const english = await policy.decide(
      'where is my order A10001',
      nlu('track_order'),
      {},
      chinese,
    );
    expect(english.locale).toBe('en');
    expect(english.replies[0].text).toMatch(/e-mail/);
  });

  it('resets the failure count after a helpful answer', async () => {
    const state: DialogueState = { failures: 1 };
    const d = await policy.decide('how can I pay', nlu('check_payment_methods'), state, anonymous);
    expect(d.state.failures).toBe(0);
  });

  describe('a message asking two things', () => {
    /** How each part of a message is understood on its own (everything else: out of scope). */
    const readings: Record<string, Understanding> = {
      'where is A10001': nlu('track_order', { entities: orderEntity('A10001') }),
      'where is my order': nlu('track_order'),
      'how do I get a refund': nlu('get_refund'),
      'what is the weather like': nlu('oos', { outOfScope: true }),
      'can you cancel it': nlu('cancel_order'),
      'how long does a refund take': nlu('track_refund'),
      'do you ship to Canada': nlu('delivery_options'),
    };
    let understood: string[];
    beforeEach(() => {
      understood = [];
      shop.understand = async (text: string) => {
        understood.push(text);
        return readings[text] ?? nlu('oos', { outOfScope: true });
      };
    });

    it('answers the second request after the first, about the order the first one showed', async () => {
      const d = await policy.decide(
        'where is A10001 and how do I get a refund',
        nlu('track_order', { entities: orderEntity('A10001') }),
        {},
        identified,
      );
      expect(d.replies).toHaveLength(2);
      expect(d.replies[0].text).toMatch(/^Order A10001 is on its way/);
      expect(d.replies[1].text).toMatch(/template for get_refund about A10001$/);
      // Stored with the request each reply answers.
      expect(d.replies[1].intent).toBe('get_refund');
      expect(d.handledIntent).toBe('track_order');
      expect(d.state.lastIntent).toBe('get_refund');
    });

    it('answers the other request before a question, so the question stays last', async () => {
      const d = await policy.decide(
        'where is my order and how do I get a refund',
        nlu('track_order'),
        {},
        anonymous,
      );
      expect(d.replies.map((r) => r.text)).toEqual([
        'template for get_refund',
        expect.stringMatching(/order number/),
      ]);
      // The order number is still what the bot waits for.
      expect(d.state.pending).toMatchObject({ kind: 'order_number', intent: 'track_order' });
    });

    it('answers both parts of a message that reads as either of two requests instead of asking which', async () => {
      const either = nlu('track_order', {
        confidence: 0.45,
        alternatives: [
          { intent: 'track_order', confidence: 0.45 },
          { intent: 'delivery_options', confidence: 0.4 },
        ],
      });
      const d = await policy.decide(
        'where is A10001? also, do you ship to Canada',
        either,
        {},
        identified,
      );
      expect(d.replies.map((r) => r.text)).toEqual([
        expect.stringMatching(/^Order A10001 is on its way/),
        'template for delivery_options',
      ]);
      expect(d.state.pending).toBeUndefined();
    });

    it('gives no second answer to a part the bot does not understand', async () => {
      const d = await policy.decide(
        'where is A10001 and what is the weather like',
        nlu('track_order', { entities: orderEntity('A10001') }),
        {},
        identified,
      );
      expect(d.replies).toHaveLength(1);
      expect(d.replies[0].text).toMatch(/^Order A10001 is on its way/);
    });

    it('reads an answer to its confirmation question whole, and acts once', async () => {
      const d = await policy.decide(
        'yes. can you cancel it. how long does a refund take?',
        nlu('cancel_order'),
        { pending: { kind: 'confirm_cancel', orderId: 'o2' } },
        identified,
      );
      expect(shop.cancelled).toEqual(['o2']);
      expect(understood).toEqual([]);
      expect(d.replies).toHaveLength(1);
    });
  });
});
