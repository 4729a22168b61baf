import { Entity } from './entity';
import { extractEntities } from './entity-extractor';

// A Sunday; relative dates below are computed from it.
const now = new Date('2026-11-29T12:00:00Z');

function found(text: string): Array<[string, string, string]> {
  return extractEntities(text, { now }).map((e: Entity) => [e.type, e.value, e.text]);
}

describe('extractEntities (English)', () => {
  it.each([
    ['is it possible to cancel order 370795561790?', 'order_number', '370795561790'],
    ['my order number is #A-10293', 'order_number', 'A10293'],
    ['see purchase 00004587345 status', 'order_number', '00004587345'],
    ['I lost my bill #12588, resend it', 'invoice_number', '12588'],
    ['tracking number 1Z999AA10123456784 shows nothing', 'tracking_number', '1Z999AA10123456784'],
    ['is SKU AB-1234-XL back in stock?', 'sku', 'AB1234XL'],
    ['do you still sell KT-20455?', 'sku', 'KT-20455'],
  ])('finds the identifier in %p', (text, type, value) => {
    expect(found(text)).toContainEqual([type, value, expect.any(String)]);
  });

  it('reads an amount followed by a comma, but not a malformed thousands group', () => {
    expect(found('I paid $25, but got nothing')).toEqual([['money', '25 USD', '$25']]);
    expect(found('it was $1,200, ok?')).toEqual([['money', '1200 USD', '$1,200']]);
    expect(found('about $1,20 maybe')).toEqual([]);
  });

  it('normalises emails, phones and money', () => {
    expect(found('email me at John.Doe@Example.com or call +1 (555) 123-4567')).toEqual([
      ['email', 'john.doe@example.com', 'John.Doe@Example.com'],
      ['phone', '+15551234567', '+1 (555) 123-4567'],
    ]);
    expect(found('you charged me $1,299.50 instead of 350 dollars')).toEqual([
      ['money', '1299.5 USD', '$1,299.50'],
      ['money', '350 USD', '350 dollars'],
    ]);
    expect(found('refund 20 EUR please')).toEqual([['money', '20 EUR', '20 EUR']]);
  });

  it('turns absolute and relative dates into ISO dates', () => {
    expect(found('it should arrive by March 5th, 2027')).toEqual([
      ['date', '2027-03-05', 'March 5th, 2027'],
    ]);
    expect(found('ordered on 2026-11-02')).toEqual([['date', '2026-11-02', '2026-11-02']]);
    expect(found('ordered on 11/02/2026')).toEqual([['date', '2026-11-02', '11/02/2026']]);
    expect(found('can it come tomorrow?')).toEqual([['date', '2026-11-30', 'tomorrow']]);
    expect(found('deliver next Friday')).toEqual([['date', '2026-12-04', 'next Friday']]);
    // Without a year, the date nearest to today: December 3 is this year, January 2 next year.
    expect(found('placed on Dec 3')[0][1]).toBe('2026-12-03');
    expect(found('on 2 January')[0][1]).toBe('2027-01-02');
    expect(found('on February 30')).toEqual([]);
  });

  it('does not take a bare long order number for a phone number', () => {
    expect(found('cancel order 370795561790').map((e) => e[0])).toEqual(['order_number']);
    expect(found('I have 3 items, 2 on the way')).toEqual([]);
  });

  it('finds card numbers only when the Luhn check passes', () => {
    expect(found('card 4111 1111 1111 1111 was declined')).toEqual([
      ['card_number', '4111111111111111', '4111 1111 1111 1111'],
    ]);
    expect(found('card 4111 1111 1111 1112 was declined')).toEqual([]);
  });

  it('finds street addresses', () => {
    expect(found('ship to 123 Main Street, Apt 4B, Springfield, IL 62704 please')).toEqual([
      [
        'address',
        '123 Main Street, Apt 4B, Springfield, IL 62704',
        '123 Main Street, Apt 4B, Springfield, IL 62704',
      ],
    ]);
  });
});

describe('extractEntities (Chinese)', () => {
  it('finds order numbers, phones, money and dates', () => {
    expect(found('我的订单号是 20231105123456，明天能到吗？')).toEqual([
      ['order_number', '20231105123456', '20231105123456'],
      ['date', '2026-11-30', '明天'],
    ]);
    expect(found('手机号13812345678')).toEqual([['phone', '+8613812345678', '13812345678']]);
    expect(found('退我50元')).toEqual([['money', '50 CNY', '50元']]);
    expect(found('两百块钱太贵了')).toEqual([['money', '200 CNY', '两百块钱']]);
    expect(found('才¥99.9')).toEqual([['money', '99.9 CNY', '¥99.9']]);
    expect(found('¥299，还没发货')).toEqual([['money', '299 CNY', '¥299']]);
    expect(found('3月5日下单的')).toEqual([['date', '2027-03-05', '3月5日']]);
    expect(found('三月五号下单的')).toEqual([['date', '2027-03-05', '三月五号']]);
    expect(found('下周三送货')).toEqual([['date', '2026-12-02', '下周三']]);
    expect(found('货号：XY2023001 有货吗')).toEqual([['sku', 'XY2023001', 'XY2023001']]);
  });

  it('does not read 一块儿 ("together") as money', () => {
    expect(found('我们一块儿去')).toEqual([]);
  });

  it('leaves the words that introduce a Chinese address out of it', () => {
    expect(found('地址写成了杭州市西湖区文三路88号')).toEqual([
      ['address', '杭州市西湖区文三路88号', '杭州市西湖区文三路88号'],
    ]);
    expect(found('帮我改成成都市武侯区成都路12号')).toEqual([
      ['address', '成都市武侯区成都路12号', '成都市武侯区成都路12号'],
    ]);
  });

  it('finds a Chinese street address', () => {
    expect(found('请寄到北京市朝阳区建国路88号3栋501室')).toEqual([
      ['address', '北京市朝阳区建国路88号3栋501室', '北京市朝阳区建国路88号3栋501室'],
    ]);
  });

  it('reads full-width digits and keeps offsets into the original text', () => {
    const text = '订单号：１２３４５６７';
    const [entity] = extractEntities(text, { now });
    expect(entity.value).toBe('1234567');
    expect(text.slice(entity.start, entity.end)).toBe('１２３４５６７');
  });
});

describe('extractEntities on bad input', () => {
  it.each([
    ['empty', ''],
    ['emoji only', '😀😡👍🏽'],
    ['lone surrogates', '\ud800 order 12345678 \udfff'],
    ['control characters', '\u0000\u0007order\u0000'],
  ])('returns a list for %s', (_name, text) => {
    expect(Array.isArray(extractEntities(text))).toBe(true);
  });

  // Guards against catastrophic backtracking: each 100 KB input would hang for minutes with a
  // nested-quantifier pattern; here the whole test finishes well inside the 20 s hang guard.
  it.each([
    ['digits', '1'.repeat(100_000)],
    ['digits and dashes', '1-'.repeat(50_000)],
    ['digits and spaces', '1 '.repeat(50_000)],
    ['at signs', 'a@'.repeat(50_000)],
    ['dotted words', 'a.'.repeat(50_000)],
    ['order keywords', 'order '.repeat(17_000)],
    ['street words', '12 main '.repeat(12_500)],
    ['Chinese streets', '北京路'.repeat(33_000)],
    ['currency', '$1,'.repeat(33_000)],
  ])(
    'handles 100 KB of %s',
    (_name, text) => {
      expect(Array.isArray(extractEntities(text))).toBe(true);
    },
    20_000,
  );

  it('still finds entities inside a long message', () => {
    const text = 'hello '.repeat(15_000) + 'order 98765432 ' + 'bye '.repeat(5_000);
    expect(extractEntities(text, { now }).map((e) => e.value)).toEqual(['98765432']);
  });
});

describe('extractEntities with typos', () => {
  it('reads a bare number as an order or invoice number from a misspelt keyword', () => {
    expect(found('cancel purchqse 00123842')).toEqual([['order_number', '00123842', '00123842']]);
    expect(found('where to get the biull #85632')).toEqual([['invoice_number', '85632', '#85632']]);
    expect(found('refunding$299')).toEqual([['money', '299 USD', '$299']]);
  });

  it('leaves a bare number alone when nothing is about orders', () => {
    expect(found('I have told you 12345678 times')).toEqual([]);
  });
});
