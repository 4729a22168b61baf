import { EntityCandidate } from './entity';

const PRIORITY = 40;
const MAX_PREFIX = 24;

const STREET_SUFFIX =
  'street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|highway|hwy|parkway|pkwy|square|sq|circle|cir';
// "12 Main Street", "4b Baker st., Apt 3", "350 Fifth Ave, New York, NY 10118". Up to four
// name words between the house number and the street type; each piece is bounded.
const EN_STREET = new RegExp(
  `(?<![\\w#$.,-])\\d{1,6}[A-Za-z]?,?\\s{1,3}(?:[A-Za-z][A-Za-z'.-]{0,24}\\s{1,3}){1,4}(?:${STREET_SUFFIX})(?![A-Za-z])\\.?` +
    `(?:,?\\s{0,3}(?:apt|apartment|unit|suite|ste|flat|floor|fl|#)\\.?\\s{0,3}[A-Za-z0-9-]{1,6})?` +
    `(?:,\\s{0,3}[A-Za-z][A-Za-z .'-]{1,30},?\\s{1,3}[A-Z]{2}\\s{1,3}\\d{5}(?:-\\d{4})?)?`,
  'gi',
);
// Chinese addresses end in a street-and-number: 建国路88号, 南京东路100号3栋2单元501室.
const ZH_ANCHOR =
  /(?:路|街|大道|大街|巷|弄|胡同|道)\s{0,2}\d{1,5}\s{0,2}号(?:院)?(?:\s{0,2}\d{1,4}\s{0,2}(?:号楼|栋|幢|座|单元|楼|层|室|号)){0,4}/g;
const ZH_STOP = /[是在到寄送至往的址住我为于了：:，,。\s]/;
// "改成 / 写成 …" ("change it to …") lead into an address but are not part of it; 成 alone can
// be (成都路), so only these verb pairs are dropped.
const ZH_LEAD_IN = /^(?:改成|写成|换成|填成|变成|改为|写为)/;
// "2 on the way", "3 of them were in the drive": function words never name a street.
const EN_FUNCTION_WORD =
  /(?<![A-Za-z])(the|a|an|my|your|our|on|in|of|to|for|and|or|is|are|was|were|it|them|items?|pieces?|days?|weeks?)\s/i;

function isHan(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/**
 * Extends a Chinese street anchor backwards over the district/city/province names before it
 * (北京市朝阳区…), stopping at punctuation or words like 是/寄到 that end the lead-in.
 */
function zhAddressStart(text: string, anchorStart: number): number {
  let start = anchorStart;
  // The street name itself: Han characters up to the previous stop character.
  while (start > 0 && anchorStart - start < MAX_PREFIX) {
    const ch = text[start - 1];
    if (!isHan(ch.charCodeAt(0)) || ZH_STOP.test(ch)) break;
    start--;
  }
  const leadIn = ZH_LEAD_IN.exec(text.slice(start, anchorStart));
  return leadIn ? start + leadIn[0].length : start;
}

/** Street addresses (English house-number + street; Chinese …路/街 + 号). */
export function findAddresses(text: string): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  for (const m of text.matchAll(EN_STREET)) {
    const start = m.index ?? 0;
    if (EN_FUNCTION_WORD.test(m[0])) continue;
    out.push({
      type: 'address',
      value: m[0],
      text: m[0],
      start,
      end: start + m[0].length,
      priority: PRIORITY,
    });
  }
  for (const m of text.matchAll(ZH_ANCHOR)) {
    const anchor = m.index ?? 0;
    const start = zhAddressStart(text, anchor);
    const end = anchor + m[0].length;
    // Without a street name before 路/街 it is not an address.
    if (start === anchor) continue;
    const slice = text.slice(start, end);
    out.push({
      type: 'address',
      value: slice.replace(/\s+/g, ''),
      text: slice,
      start,
      end,
      priority: PRIORITY,
    });
  }
  return out;
}
