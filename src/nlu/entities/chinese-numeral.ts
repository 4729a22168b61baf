const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Characters that may appear in a Chinese numeral below 100 million, for regex classes. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万';

/**
 * Parses a Chinese numeral such as 十五, 二十, 三百五十, 两千, 一万二千 (up to 99,999,999).
 * Returns undefined for anything it does not understand rather than guessing.
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (text.length === 0) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (digit !== undefined && digit !== 0) return undefined;
      digit = DIGITS[ch];
    } else if (ch in UNITS) {
      // A leading 十 means 10 (十五 = 15).
      section += (digit ?? 1) * UNITS[ch];
      digit = undefined;
    } else if (ch === '万') {
      total += (section + (digit ?? 0)) * 10000;
      if (total === 0) return undefined;
      section = 0;
      digit = undefined;
    } else {
      return undefined;
    }
  }
  return total + section + (digit ?? 0);
}

/** `"12"` → 12, `"十二"` → 12; undefined when neither. */
export function parseNumberToken(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  return parseChineseNumeral(text);
}
