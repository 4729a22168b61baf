import { findAddresses } from '../nlu/entities/address-patterns';
import type { ShippingAddressInput } from './dialogue.types';

/**
 * A new delivery address as a shopper types it in chat, turned into the shop's address shape
 * (ISO country code included): "5 Baker Street, London, NW1 6XE, United Kingdom",
 * "南京路100号，上海，200001，中国", or "上海市浦东新区世纪大道100号" with no commas at all.
 */

// ISO 3166-1 alpha-2 code, then the names shoppers use for the country (English and Chinese).
const COUNTRIES: [string, ...string[]][] = [
  [
    'CN',
    'china',
    "people's republic of china",
    'prc',
    'mainland china',
    '中国',
    '中国大陆',
    '大陆',
    '内地',
  ],
  ['HK', 'hong kong', 'hongkong', 'hk sar', '香港'],
  ['MO', 'macau', 'macao', '澳门'],
  ['TW', 'taiwan', '台湾', '臺灣'],
  ['SG', 'singapore', '新加坡'],
  ['MY', 'malaysia', '马来西亚'],
  ['JP', 'japan', '日本'],
  ['KR', 'south korea', 'korea', 'republic of korea', '韩国', '南韩'],
  ['TH', 'thailand', '泰国'],
  ['VN', 'vietnam', 'viet nam', '越南'],
  ['PH', 'philippines', '菲律宾'],
  ['ID', 'indonesia', '印度尼西亚', '印尼'],
  ['IN', 'india', '印度'],
  ['AU', 'australia', '澳大利亚', '澳洲'],
  ['NZ', 'new zealand', '新西兰'],
  ['US', 'united states', 'united states of america', 'usa', 'u.s.', 'u.s.a.', 'america', '美国'],
  ['CA', 'canada', '加拿大'],
  ['MX', 'mexico', '墨西哥'],
  ['BR', 'brazil', '巴西'],
  ['AR', 'argentina', '阿根廷'],
  [
    'GB',
    'united kingdom',
    'uk',
    'u.k.',
    'great britain',
    'britain',
    'england',
    'scotland',
    'wales',
    'northern ireland',
    '英国',
  ],
  ['IE', 'ireland', '爱尔兰'],
  ['FR', 'france', '法国'],
  ['DE', 'germany', 'deutschland', '德国'],
  ['NL', 'netherlands', 'the netherlands', 'holland', '荷兰'],
  ['BE', 'belgium', '比利时'],
  ['LU', 'luxembourg', '卢森堡'],
  ['CH', 'switzerland', '瑞士'],
  ['AT', 'austria', '奥地利'],
  ['IT', 'italy', '意大利'],
  ['ES', 'spain', '西班牙'],
  ['PT', 'portugal', '葡萄牙'],
  ['SE', 'sweden', '瑞典'],
  ['NO', 'norway', '挪威'],
  ['DK', 'denmark', '丹麦'],
  ['FI', 'finland', '芬兰'],
  ['PL', 'poland', '波兰'],
  ['CZ', 'czechia', 'czech republic', '捷克'],
  ['GR', 'greece', '希腊'],
  ['TR', 'turkey', 'türkiye', '土耳其'],
  ['RU', 'russia', 'russian federation', '俄罗斯'],
  ['UA', 'ukraine', '乌克兰'],
  ['IL', 'israel', '以色列'],
  ['AE', 'united arab emirates', 'uae', '阿联酋'],
  ['SA', 'saudi arabia', '沙特阿拉伯', '沙特'],
  ['ZA', 'south africa', '南非'],
  ['EG', 'egypt', '埃及'],
  ['NG', 'nigeria', '尼日利亚'],
];

const COUNTRY_BY_NAME = new Map<string, string>();
for (const [code, ...names] of COUNTRIES) {
  COUNTRY_BY_NAME.set(code.toLowerCase(), code);
  for (const name of names) COUNTRY_BY_NAME.set(name, code);
}

/** "United Kingdom", "uk", "英国" → "GB"; null when the text is not a country we know. */
export function countryCode(name: string): string | null {
  const key = name.trim().toLowerCase().replace(/\s+/g, ' ');
  return COUNTRY_BY_NAME.get(key) ?? COUNTRY_BY_NAME.get(key.replace(/[.。]$/, '')) ?? null;
}

// What comes before the address in "please change the address to …", "新地址是…".
const EN_LEAD_IN =
  /^.*?(?:\baddress\b(?:\s+\w+){0,5}?\s+(?:to|is)\b|\b(?:deliver(?:ed)?|ship(?:ped)?|send(?:\s+it)?|go(?:es)?|move(?:\s+it)?|change(?:\s+it)?|update(?:\s+it)?)\s+(?:it\s+)?to\b|\bnew address\b)\s*:?\s*/i;
const ZH_LEAD_IN =
  /^.*?(?:改成|改为|改到|换成|换到|寄到|送到|发到|寄往|地址是|地址为|地址[:：])\s*/;
const POSTCODE = /^(?=.*\d)[A-Za-z0-9][A-Za-z0-9 -]{2,9}$/;
const ZH_POSTCODE = /(?<!\d)\d{6}(?!\d)/;
const LABELLED_POSTCODE =
  /^(?:邮编|邮政编码|post\s?code|postal code|zip(?: code)?)\s*[:：]?\s*([A-Za-z0-9][A-Za-z0-9 -]{2,9})$/i;
// Province-level cities are their own province: 上海市浦东新区… has the city 上海市.
const ZH_REGION_CITY =
  /^(\p{Script=Han}{2,7}?(?:省|自治区|特别行政区))?(\p{Script=Han}{2,7}?(?:市|州|盟|地区))?/u;

const MUNICIPALITIES = ['北京', '上海', '天津', '重庆'];
/** Taiwan's cities, in simplified and traditional script. */
const TAIWAN_CITY =
  /^(?:台北|臺北|新北|桃园|桃園|台中|臺中|台南|臺南|高雄|基隆|新竹|嘉义|嘉義|花莲|花蓮|台东|臺東|宜兰|宜蘭|屏东|屏東)/;

/**
 * The address in `text`, or null when it has no street, city and country we can tell apart.
 * `fallbackCountry` (the order's current one) is used when the shopper names no country in a
 * comma-separated address; an address in Chinese script is placed by its city.
 */
export function parseAddress(
  text: string,
  fallbackCountry: string | null = null,
): ShippingAddressInput | null {
  if (text.length > 300) return null;
  const body = stripLeadIn(text.trim());
  // 上海市浦东新区世纪大道100号 reads whole, commas or not; 南京路100号，上海，中国 needs them.
  const chinese = chineseWithoutCommas(body);
  if (chinese) return chinese;
  const parts = body
    .split(/[,，、;；\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length >= 2 ? commaSeparated(parts, fallbackCountry) : null;
}

function stripLeadIn(text: string): string {
  const zh = ZH_LEAD_IN.exec(text);
  if (zh && zh[0].length < text.length) return text.slice(zh[0].length);
  const en = EN_LEAD_IN.exec(text);
  if (en && en[0].length < text.length) return text.slice(en[0].length);
  return text;
}

/** "street, [line 2,] city, [postcode,] country"; the country may be left out if one is known. */
function commaSeparated(
  parts: string[],
  fallbackCountry: string | null,
): ShippingAddressInput | null {
  const named = countryCode(parts[parts.length - 1]);
  const rest: string[] = [];
  let postalCode: string | undefined;
  let shapedCountry: string | undefined;
  for (const part of named ? parts.slice(0, -1) : parts) {
    const labelled = LABELLED_POSTCODE.exec(part);
    if (labelled) {
      postalCode = labelled[1];
      continue;
    }
    // "London SW1A 2AA" or "SW1A 2AA": a British or Canadian postcode, after the city or alone.
    const shaped = rest.length > 0 ? postcodeOfShape(part) : null;
    if (shaped && !postalCode) {
      postalCode = shaped.postalCode;
      shapedCountry = shaped.country;
      if (shaped.before) rest.push(shaped.before);
    } else rest.push(part);
  }
  // A country named wins; else the postcode's ("SW1A 2AA" is British even if the order was
  // going to the US); else the order's.
  const country = named ?? shapedCountry ?? fallbackCountry;
  if (!country) return null;
  if (!postalCode && rest.length >= 3 && POSTCODE.test(rest[rest.length - 1]))
    postalCode = rest.pop();
  if (rest.length < 2 || rest[0].length < 3) return null;
  const city = rest[rest.length - 1];
  const line2 = rest.slice(1, -1).join(', ') || undefined;
  return { line1: rest[0], ...(line2 ? { line2 } : {}), city, postalCode, country };
}

/** Postcodes whose shape tells their country. */
const POSTCODE_SHAPES: [RegExp, string][] = [
  [/^(.*?)\s*\b([A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$/i, 'GB'],
  [/^(.*?)\s*\b([A-Z]\d[A-Z] ?\d[A-Z]\d)$/i, 'CA'],
];

function postcodeOfShape(
  part: string,
): { postalCode: string; country: string; before: string } | null {
  for (const [shape, country] of POSTCODE_SHAPES) {
    const match = shape.exec(part);
    if (match) return { postalCode: match[2].toUpperCase(), country, before: match[1] };
  }
  return null;
}

/** 上海市浦东新区世纪大道100号 (province, city, district and street run together). */
function chineseWithoutCommas(text: string): ShippingAddressInput | null {
  const street = findAddresses(text).find((a) => /\p{Script=Han}/u.test(a.value));
  if (!street) return null;
  const named = COUNTRIES.find(([, ...names]) =>
    names.some((n) => /\p{Script=Han}/u.test(n) && text.includes(n)),
  )?.[0];
  let address = street.value;
  for (const [, ...names] of COUNTRIES) {
    const prefix = names.find((n) => /\p{Script=Han}/u.test(n) && address.startsWith(n));
    if (prefix) address = address.slice(prefix.length);
  }
  const [matched, region, writtenCity] = ZH_REGION_CITY.exec(address) ?? [''];
  // 北京朝阳区… : the four province-level cities are often written without 市.
  const municipality = !writtenCity && !region && MUNICIPALITIES.find((m) => address.startsWith(m));
  const head = municipality || matched;
  const city = municipality ? `${municipality}市` : writtenCity;
  if (!city) return null;
  const line1 = address.slice(head.length);
  if (line1.length < 3) return null;
  return {
    line1,
    city,
    ...(region ? { region } : {}),
    postalCode: ZH_POSTCODE.exec(text)?.[0],
    // An address in Chinese script with no country named is in Greater China, and its city says
    // which part: Hong Kong and Macau have no 市, so a 市 is the mainland unless it is Taiwan's
    // (an order going to Hong Kong moved to 上海市 goes to CN, not HK).
    country: named ?? (TAIWAN_CITY.test(city) ? 'TW' : 'CN'),
  };
}

/** The address as the shopper reads it back: Chinese largest part first, others street first. */
export function formatAddress(a: ShippingAddressInput, locale: 'en' | 'zh'): string {
  if (locale === 'zh' && /\p{Script=Han}/u.test(a.line1)) {
    const country = a.country === 'CN' ? '' : `（${a.country}）`;
    const postcode = a.postalCode ? `，邮编 ${a.postalCode}` : '';
    return `${a.region ?? ''}${a.city}${a.line1}${postcode}${country}`;
  }
  return [a.line1, a.line2, a.city, a.region, a.postalCode, a.country].filter(Boolean).join(', ');
}
