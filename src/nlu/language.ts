/** Language of a shopper message, as far as the bot cares: it answers in English or Chinese. */
export type Lang = 'en' | 'zh' | 'other';

const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;
const KANA_OR_HANGUL = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const OTHER_LETTERS = /[\p{L}--[\p{Script=Latin}\p{Script=Han}]]/gv;
const LATIN_WORD = /\p{Script=Latin}+/gu;

// Frequent function words of Latin-script languages other than English; a message made of them
// and no English function word is answered as "other".
const ENGLISH_WORDS = new Set(
  'the a an i my me you your is are was to of and or in on for it this that do does can how what where when why not no with have has be at from please order'.split(
    ' ',
  ),
);
const NON_ENGLISH_WORDS = new Set(
  'le la les des est une et je vous pas mon ma el los las es un una y yo mi por para que der die das ist nicht ich und mein ein eine o não meu minha il di che non sono'.split(
    ' ',
  ),
);

// Order numbers, SKUs, e-mail addresses and links are written in Latin letters whatever the
// shopper's language: "A105072" alone says nothing about it.
const NOT_LANGUAGE =
  /[^\s@]+@[^\s@]+|(?:https?:\/\/|www\.)\S+|\b(?=[A-Za-z-]*\d)(?=[\d-]*[A-Za-z])[A-Za-z0-9-]+\b/g;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * Script-based detection: Chinese when Han characters carry at least about as much text as the
 * Latin letters (three Latin letters per Han character), English for Latin text unless it reads as
 * another Latin-script language, otherwise "other". Empty or symbol-only text is "other".
 */
export function detectLanguage(text: string): Lang {
  if (!text) return 'other';
  const sample = (text.length > 2000 ? text.slice(0, 2000) : text).replace(NOT_LANGUAGE, ' ');
  const han = count(sample, HAN);
  const latin = count(sample, LATIN);
  const otherLetters = count(sample, OTHER_LETTERS);
  if (han > 0 && !KANA_OR_HANGUL.test(sample) && han * 3 >= latin && han >= otherLetters) {
    return 'zh';
  }
  if (latin === 0 || otherLetters > latin) return 'other';
  const words = sample.toLowerCase().match(LATIN_WORD) ?? [];
  let english = 0;
  let foreign = 0;
  for (const word of words) {
    if (ENGLISH_WORDS.has(word)) english++;
    else if (NON_ENGLISH_WORDS.has(word)) foreign++;
  }
  return foreign >= 2 && foreign > english ? 'other' : 'en';
}

/**
 * The message's language when it has enough words of it to keep answering the conversation in
 * it (two Chinese characters, or two English words); null for "ok", "A105072" or an e-mail
 * address, which should not switch a Chinese conversation to English.
 */
export function clearLanguage(text: string): 'en' | 'zh' | null {
  const lang = detectLanguage(text);
  const sample = (text.length > 2000 ? text.slice(0, 2000) : text).replace(NOT_LANGUAGE, ' ');
  if (lang === 'zh') return count(sample, HAN) >= 2 ? 'zh' : null;
  if (lang === 'en')
    return (sample.match(/\p{Script=Latin}{2,}/gu)?.length ?? 0) >= 2 ? 'en' : null;
  return null;
}
