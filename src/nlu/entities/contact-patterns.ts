import { EntityCandidate } from './entity';

const EMAIL_PRIORITY = 100;
const PHONE_PRIORITY = 55;

// Bounded quantifiers only: a failed attempt costs at most ~64 steps per start position.
const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?){0,6}\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;

// A loose run of digits and phone punctuation; what it is gets decided in code below.
const PHONE_RUN = /(?<![\w+\-/.])(?:\+|00)?(?:\(\d{1,4}\)|\d)[\d ().-]{5,20}\d(?![\w/]|\.\d|-\d)/g;
const PHONE_KEYWORD =
  /(phone|call|tel|mobile|cell|whatsapp|wechat|sms|text me|reach me|contact|number|手机|电话|联系|号码|微信|致电|打给)[^\n]{0,30}$/i;
const NANP = /^(?:\+?1[ .-]?)?(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}$/;
const CN_MOBILE = /^(?:86)?1[3-9]\d{9}$/;

/** Lower-cased email addresses. */
export function findEmails(text: string): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  if (!text.includes('@')) return out;
  for (const m of text.matchAll(EMAIL)) {
    const start = m.index ?? 0;
    out.push({
      type: 'email',
      value: m[0].toLowerCase(),
      text: m[0],
      start,
      end: start + m[0].length,
      priority: EMAIL_PRIORITY,
    });
  }
  return out;
}

function phoneValue(raw: string, digits: string): string | undefined {
  if (raw.startsWith('+') || raw.startsWith('00')) {
    const body = raw.startsWith('00') ? digits.slice(2) : digits;
    // Country codes never start with 0: "00004587345" is an id, not an international number.
    return body.length >= 8 && body.length <= 15 && body[0] !== '0' ? `+${body}` : undefined;
  }
  if (NANP.test(raw)) return `+1${digits.slice(-10)}`;
  if (CN_MOBILE.test(digits)) return `+86${digits.slice(-11)}`;
  return undefined;
}

/**
 * Phone numbers: anything written with `+`/`00`, North-American formatting, Chinese mobile
 * numbers (11 digits starting 13–19), and other 7–15-digit runs only right after a word such as
 * "phone", "call", 电话 — so a bare 12-digit order number is not taken for a phone number.
 */
export function findPhones(text: string): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  for (const m of text.matchAll(PHONE_RUN)) {
    const raw = m[0].trimEnd();
    const start = m.index ?? 0;
    const digits = raw.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    let value = phoneValue(raw, digits);
    if (value === undefined && PHONE_KEYWORD.test(text.slice(Math.max(0, start - 40), start))) {
      value = digits.length >= 7 ? digits : undefined;
    }
    if (value === undefined) continue;
    out.push({
      type: 'phone',
      value,
      text: raw,
      start,
      end: start + raw.length,
      priority: PHONE_PRIORITY,
    });
  }
  return out;
}
