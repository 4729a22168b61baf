import { CHINESE_NUMERAL_CHARS, parseNumberToken } from './chinese-numeral';
import { EntityCandidate, ExtractContext } from './entity';

const PRIORITY = 60;
const DAY_MS = 86_400_000;
const CN = `[${CHINESE_NUMERAL_CHARS}]`;

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH_WORD =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const CN_WEEKDAYS: Record<string, number> = {
  一: 0,
  二: 1,
  三: 2,
  四: 3,
  五: 4,
  六: 5,
  日: 6,
  天: 6,
};

// Every numeric pattern starts with a look-behind so that scanning inside a long digit run
// fails at once instead of trying each position (linear time on 100 KB of digits).
const YMD =
  /(?<!\d)(\d{4})\s?(?:[-/.]|年)\s?(\d{1,2})\s?(?:[-/.]|月)\s?(\d{1,2})(?:日|号)?(?![\d/])/g;
const MDY = /(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?![\d/])/g;
const CN_MD = new RegExp(
  `(?<![\\d${CHINESE_NUMERAL_CHARS}年])(\\d{1,2}|${CN}{1,3})月(\\d{1,2}|${CN}{1,3})(?:日|号)`,
  'g',
);
const EN_MONTH_DAY = new RegExp(
  `(?<![A-Za-z])${MONTH_WORD}\\.?\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s{1,3}(\\d{4}))?(?![\\d:])`,
  'gi',
);
const EN_DAY_MONTH = new RegExp(
  `(?<![\\d.])(\\d{1,2})(?:st|nd|rd|th)?\\s{1,3}(?:of\\s{1,3})?${MONTH_WORD}(?![A-Za-z])\\.?(?:,?\\s{1,3}(\\d{4}))?(?!\\d)`,
  'gi',
);
const EN_RELATIVE =
  /(?<![A-Za-z])(the day after tomorrow|the day before yesterday|today|tonight|tomorrow|tmr|tmrw|yesterday)(?![A-Za-z])/gi;
const EN_WEEKDAY =
  /(?<![A-Za-z])(?:(next|this|last|coming)\s{1,3})?(mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|rsday|urday)?(?![A-Za-z])/gi;
const EN_IN_DAYS =
  /(?<![A-Za-z])in\s{1,3}(\d{1,3}|a|one|two|three|four|five|six|seven|ten)\s{1,3}(days?|weeks?)(?![A-Za-z])/gi;
const CN_RELATIVE = /(大后天|大前天|今天|今日|明天|明日|后天|昨天|昨日|前天)/g;
const CN_WEEKDAY = /(下下|下个?|上个?|这个?|本)?(?:周|星期|礼拜)([一二三四五六日天])/g;
const CN_IN_DAYS = new RegExp(`(\\d{1,3}|${CN}{1,3})(天|周|个星期)(?:以后|之后|后)`, 'g');

const EN_NUMBER_WORDS: Record<string, number> = {
  a: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  ten: 10,
};

function utcDay(now: Date): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function validDate(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  return new Date(ms).getUTCDate() === day ? ms : undefined;
}

/** A date without a year is taken in whichever year puts it closest to today. */
function nearestYear(now: Date, month: number, day: number): number | undefined {
  const today = utcDay(now);
  const year = now.getUTCFullYear();
  let best: number | undefined;
  for (const y of [year - 1, year, year + 1]) {
    const ms = validDate(y, month, day);
    if (ms !== undefined && (best === undefined || Math.abs(ms - today) < Math.abs(best - today)))
      best = ms;
  }
  return best;
}

function twoDigitYear(year: string): number {
  return year.length === 2 ? 2000 + Number(year) : Number(year);
}

/** Monday-based index (0 = Monday) of the reference day. */
function weekdayIndex(dayMs: number): number {
  return (new Date(dayMs).getUTCDay() + 6) % 7;
}

function candidate(match: RegExpMatchArray, ms: number | undefined): EntityCandidate | undefined {
  if (ms === undefined || match.index === undefined) return undefined;
  return {
    type: 'date',
    value: iso(ms),
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
    priority: PRIORITY,
  };
}

function relativeWeekday(now: Date, target: number, modifier: string | undefined): number {
  const today = utcDay(now);
  const current = weekdayIndex(today);
  const thisWeek = today + (target - current) * DAY_MS;
  switch (modifier) {
    case 'next':
    case '下':
    case '下个':
      return thisWeek + 7 * DAY_MS;
    case '下下':
      return thisWeek + 14 * DAY_MS;
    case 'last':
    case '上':
    case '上个':
      return thisWeek - 7 * DAY_MS;
    case 'this':
    case '这':
    case '这个':
    case '本':
      return thisWeek;
    default:
      // Bare or "coming": the next such day, today included.
      return today + ((((target - current) % 7) + 7) % 7) * DAY_MS;
  }
}

/** Dates in English and Chinese, absolute and relative to `ctx.now` (UTC), as ISO dates. */
export function findDates(text: string, ctx: ExtractContext): EntityCandidate[] {
  const out: (EntityCandidate | undefined)[] = [];
  const today = utcDay(ctx.now);
  for (const m of text.matchAll(YMD)) out.push(candidate(m, validDate(+m[1], +m[2], +m[3])));
  for (const m of text.matchAll(MDY)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    // US order (month/day) unless the first number cannot be a month.
    const [month, day] = a > 12 ? [b, a] : [a, b];
    out.push(candidate(m, validDate(twoDigitYear(m[3]), month, day)));
  }
  for (const m of text.matchAll(CN_MD)) {
    const month = parseNumberToken(m[1]);
    const day = parseNumberToken(m[2]);
    if (month !== undefined && day !== undefined)
      out.push(candidate(m, nearestYear(ctx.now, month, day)));
  }
  for (const m of text.matchAll(EN_MONTH_DAY)) {
    const month = MONTHS[m[1].slice(0, 3).toLowerCase()];
    const ms = m[3] ? validDate(+m[3], month, +m[2]) : nearestYear(ctx.now, month, +m[2]);
    out.push(candidate(m, ms));
  }
  for (const m of text.matchAll(EN_DAY_MONTH)) {
    const month = MONTHS[m[2].slice(0, 3).toLowerCase()];
    const ms = m[3] ? validDate(+m[3], month, +m[1]) : nearestYear(ctx.now, month, +m[1]);
    out.push(candidate(m, ms));
  }
  for (const m of text.matchAll(EN_RELATIVE)) {
    const word = m[1].toLowerCase();
    const offset: Record<string, number> = {
      'the day after tomorrow': 2,
      'the day before yesterday': -2,
      today: 0,
      tonight: 0,
      tomorrow: 1,
      tmr: 1,
      tmrw: 1,
      yesterday: -1,
    };
    out.push(candidate(m, today + offset[word] * DAY_MS));
  }
  for (const m of text.matchAll(EN_WEEKDAY)) {
    const target = WEEKDAYS.findIndex((d) => d.startsWith(m[2].toLowerCase()));
    // "sun"/"sat"/"wed" alone are too ambiguous in chat ("sun dress"); need the full day name
    // or a modifier.
    if (!m[1] && !/day$/i.test(m[0])) continue;
    out.push(candidate(m, relativeWeekday(ctx.now, target, m[1]?.toLowerCase())));
  }
  for (const m of text.matchAll(EN_IN_DAYS)) {
    const n = EN_NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1]);
    const days = /^week/i.test(m[2]) ? n * 7 : n;
    out.push(candidate(m, today + days * DAY_MS));
  }
  for (const m of text.matchAll(CN_RELATIVE)) {
    const offset: Record<string, number> = {
      大后天: 3,
      大前天: -3,
      今天: 0,
      今日: 0,
      明天: 1,
      明日: 1,
      后天: 2,
      昨天: -1,
      昨日: -1,
      前天: -2,
    };
    out.push(candidate(m, today + offset[m[1]] * DAY_MS));
  }
  for (const m of text.matchAll(CN_WEEKDAY)) {
    out.push(candidate(m, relativeWeekday(ctx.now, CN_WEEKDAYS[m[2]], m[1])));
  }
  for (const m of text.matchAll(CN_IN_DAYS)) {
    const n = parseNumberToken(m[1]);
    if (n === undefined) continue;
    out.push(candidate(m, today + (m[2] === '天' ? n : n * 7) * DAY_MS));
  }
  return out.filter((c): c is EntityCandidate => c !== undefined);
}
