import { EntityCandidate, EntityType } from './entity';
import { matchesKeyword } from './fuzzy-keyword';

const KEYWORD_PRIORITY = 90;
const CARD_PRIORITY = 80;
const ACCOUNT_PRIORITY = 75;
const SKU_SHAPE_PRIORITY = 50;
const BARE_NUMBER_PRIORITY = 10;

// Filler words allowed between a keyword and the identifier: "order number is 123",
// "purchase with the ID #123", 订单号是123. Each alternative is a fixed word, so a failed
// attempt costs a bounded number of steps.
const EN_GAP =
  '(?:\\s{0,3}(?:numbers?|nos?\\.?|nr\\.?|num|id|code|ref(?:erence)?|with|the|my|is|was|of|:|#)){0,4}\\s{0,3}[:#]?\\s{0,3}';
const ZH_GAP = '(?:\\s{0,3}(?:编号|号码|号|单号|是|为|的|:|：|#)){0,4}\\s{0,3}';
const ID = '#?([A-Za-z0-9][A-Za-z0-9-]{2,29})(?![A-Za-z0-9-])';

interface KeywordFamily {
  type: EntityType;
  pattern: RegExp;
}

function keywordPattern(english: string, chinese: string): RegExp {
  return new RegExp(
    `(?:(?<![A-Za-z])(?:${english})(?![A-Za-z])${EN_GAP}|(?:${chinese})${ZH_GAP})${ID}`,
    'gi',
  );
}

const FAMILIES: KeywordFamily[] = [
  {
    type: 'tracking_number',
    pattern: keywordPattern('tracking|waybill|consignment', '快递单号|运单号|物流单号|快递单|运单'),
  },
  {
    type: 'order_number',
    pattern: keywordPattern('orders?|purchases?|ord|order-?no', '订单号|订单编号|订单|单号'),
  },
  {
    type: 'invoice_number',
    pattern: keywordPattern('invoices?|bills?|receipts?', '发票号码?|发票|账单|收据'),
  },
  {
    type: 'sku',
    pattern: keywordPattern(
      'sku|item(?=\\s{0,3}(?:no|nr|num|number|code|#))|product(?=\\s{0,3}(?:no|nr|num|number|code|id|#))|model|article|art\\.',
      '货号|商品编号|商品号|型号|款号|编码',
    ),
  },
];

const ORDER_WORDS = ['order', 'purchase', 'package', 'parcel', 'shipment'];
const INVOICE_WORDS = ['invoice', 'bill', 'receipt'];
const ZH_ORDER_CONTEXT = /订单|单号|包裹/;
const WORD = /[A-Za-z]+/g;
// A long bare number, or "#" and at least four digits.
const BARE_NUMBER = /(?<![\w#$€£¥￥.,/-])(#\d{4,20}|\d{6,20})(?![\w/]|[.,]\d)/g;
// Enough words to see what a chat message is about without scanning a whole pasted document.
const CONTEXT_WORDS = 300;
const SKU_SHAPE = /(?<![A-Za-z0-9-])[A-Z]{2,5}-\d{3,8}(?:-[A-Z0-9]{1,6}){0,2}(?![A-Za-z0-9-])/g;
// Payment cards start with 2–6 (Mastercard 2/5, Amex/JCB/Diners 3, Visa 4, Discover/UnionPay 6).
const CARD_RUN = /(?<![\d-])[2-6](?:[ -]?\d){12,18}(?![\d])/g;
const IBAN =
  /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![A-Za-z0-9])/g;
const ACCOUNT_KEYWORD = new RegExp(
  `(?:(?<![A-Za-z])(?:bank account|account|acct|a/c)${EN_GAP}|(?:银行卡号|银行卡|银行账号|账号|账户|卡号)${ZH_GAP})(\\d[\\d -]{4,28}\\d)(?![\\d])`,
  'gi',
);

function normaliseId(raw: string): string {
  return raw.replace(/^#/, '').replace(/[\s-]/g, '').toUpperCase();
}

function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++)
    if (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) n++;
  return n;
}

/** Luhn checksum, which every payment card number satisfies. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function ibanValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

function span(
  type: EntityType,
  value: string,
  text: string,
  start: number,
  priority: number,
): EntityCandidate {
  return { type, value, text, start, end: start + text.length, priority };
}

/**
 * Order, tracking and invoice numbers and SKUs named by a keyword ("order #A123", 订单号123,
 * "bill #37777", "SKU AB-12"); SKU-shaped codes (`AB-1234`); and, when the message talks about
 * an order, a bare long number.
 */
export function findIdentifiers(text: string): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  for (const family of FAMILIES) {
    for (const m of text.matchAll(family.pattern)) {
      const id = m[1];
      // Needs digits: "order status" or "bill me" are not identifiers.
      if (digitCount(id) < 3) continue;
      const offset = m[0].length - id.length;
      // Include a leading "#" in the span, since it is part of how the id is written.
      const withHash = m[0][offset - 1] === '#' ? 1 : 0;
      const start = (m.index ?? 0) + offset - withHash;
      out.push(
        span(
          family.type,
          normaliseId(id),
          text.slice(start, start + id.length + withHash),
          start,
          KEYWORD_PRIORITY,
        ),
      );
    }
  }
  for (const m of text.matchAll(SKU_SHAPE)) {
    out.push(span('sku', m[0], m[0], m.index ?? 0, SKU_SHAPE_PRIORITY));
  }
  out.push(...findBareNumbers(text));
  return out;
}

function wordsOf(text: string, limit: number): string[] {
  const words: string[] = [];
  for (const m of text.matchAll(WORD)) {
    words.push(m[0]);
    if (words.length >= limit) break;
  }
  return words;
}

/**
 * A bare number read as an order or invoice number from the words before it, or from the
 * message as a whole, tolerating typos ("cancel purchqse 00123842", "my bil #00108").
 */
function findBareNumbers(text: string): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  let aboutOrders: boolean | undefined;
  for (const m of text.matchAll(BARE_NUMBER)) {
    const start = m.index ?? 0;
    const before = wordsOf(text.slice(Math.max(0, start - 40), start), 10).slice(-3);
    let type: EntityType | undefined;
    if (before.some((w) => matchesKeyword(w, INVOICE_WORDS))) type = 'invoice_number';
    else if (before.some((w) => matchesKeyword(w, ORDER_WORDS))) type = 'order_number';
    else {
      aboutOrders ??=
        ZH_ORDER_CONTEXT.test(text) ||
        wordsOf(text, CONTEXT_WORDS).some((w) => matchesKeyword(w, ORDER_WORDS));
      if (aboutOrders) type = 'order_number';
    }
    if (type) out.push(span(type, normaliseId(m[0]), m[0], start, BARE_NUMBER_PRIORITY));
  }
  return out;
}

/** Payment card numbers (13–19 digits, Luhn-valid) and bank account numbers / IBANs. */
export function findFinancialNumbers(text: string): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  for (const m of text.matchAll(CARD_RUN)) {
    const digits = m[0].replace(/\D/g, '');
    if (luhnValid(digits)) out.push(span('card_number', digits, m[0], m.index ?? 0, CARD_PRIORITY));
  }
  for (const m of text.matchAll(IBAN)) {
    const compact = m[0].replace(/ /g, '');
    if (ibanValid(compact))
      out.push(span('account_number', compact, m[0], m.index ?? 0, ACCOUNT_PRIORITY));
  }
  for (const m of text.matchAll(ACCOUNT_KEYWORD)) {
    const id = m[1];
    const start = (m.index ?? 0) + m[0].length - id.length;
    out.push(span('account_number', normaliseId(id), id, start, ACCOUNT_PRIORITY + 10));
  }
  return out;
}
