import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from './chinese-numeral';
import { EntityCandidate } from './entity';

const PRIORITY = 60;

const PREFIX_CURRENCY: Record<string, string> = {
  us$: 'USD',
  usd: 'USD',
  $: 'USD',
  hk$: 'HKD',
  c$: 'CAD',
  a$: 'AUD',
  '€': 'EUR',
  eur: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
  '¥': 'CNY',
  '￥': 'CNY',
  rmb: 'CNY',
  cny: 'CNY',
};
const SUFFIX_CURRENCY: Record<string, string> = {
  dollar: 'USD',
  dollars: 'USD',
  buck: 'USD',
  bucks: 'USD',
  usd: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  eur: 'EUR',
  pound: 'GBP',
  pounds: 'GBP',
  quid: 'GBP',
  gbp: 'GBP',
  yuan: 'CNY',
  rmb: 'CNY',
  cny: 'CNY',
  kuai: 'CNY',
  元: 'CNY',
  元钱: 'CNY',
  块: 'CNY',
  块钱: 'CNY',
  人民币: 'CNY',
  美元: 'USD',
  美金: 'USD',
  欧元: 'EUR',
  英镑: 'GBP',
};

// `1,234.56`, `1234`, `12.5`; the look-behind keeps the scan linear inside long digit runs.
// After an amount, a comma is only refused when a digit follows ("$1,20" is not an amount), so
// "$25, but…" and "¥299，还没发货" (NFKC turns ， into ,) still read as money.
const AMOUNT = '(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d{1,2}))?';
const PREFIXED = new RegExp(
  // Codes need a word boundary ("usd5", not "thousand5"); symbols may follow a word ("refunding$3").
  `(?:(?<![A-Za-z0-9])(us\\$|hk\\$|c\\$|a\\$|usd|eur|gbp|rmb|cny)|(?<![\\d$])(\\$|€|£|¥|￥))\\s?${AMOUNT}(?!\\d|,\\d|\\.\\d)(?:\\s?(?:usd|dollars?|元|块))?`,
  'gi',
);
const SUFFIXED = new RegExp(
  `(?<![\\d.,A-Za-z$€£¥￥])${AMOUNT}\\s?(dollars?|bucks?|usd|euros?|eur|pounds?|quid|gbp|yuan|rmb|cny|kuai|元钱|元|块钱|块|人民币|美元|美金|欧元|英镑)(?![A-Za-z])`,
  'gi',
);
// 两百块, 三十元; 一块儿 ("together") is not money.
const CHINESE = new RegExp(`([${CHINESE_NUMERAL_CHARS}]{1,10})(元钱|元|块钱|块)(?!儿)`, 'g');

function amountValue(whole: string, cents: string | undefined): number {
  return Number(whole.replace(/,/g, '') + (cents ? `.${cents}` : ''));
}

function candidate(
  match: RegExpMatchArray,
  amount: number,
  currency: string,
): EntityCandidate | undefined {
  if (match.index === undefined || !Number.isFinite(amount)) return undefined;
  return {
    type: 'money',
    value: `${amount} ${currency}`,
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
    priority: PRIORITY,
  };
}

/** Money amounts with a currency symbol, code or word (English and Chinese). */
export function findMoney(text: string): EntityCandidate[] {
  const out: (EntityCandidate | undefined)[] = [];
  for (const m of text.matchAll(PREFIXED)) {
    out.push(candidate(m, amountValue(m[3], m[4]), PREFIX_CURRENCY[(m[1] ?? m[2]).toLowerCase()]));
  }
  for (const m of text.matchAll(SUFFIXED)) {
    out.push(candidate(m, amountValue(m[1], m[2]), SUFFIX_CURRENCY[m[3].toLowerCase()]));
  }
  for (const m of text.matchAll(CHINESE)) {
    const amount = parseChineseNumeral(m[1]);
    if (amount !== undefined) out.push(candidate(m, amount, 'CNY'));
  }
  return out.filter((c): c is EntityCandidate => c !== undefined);
}
