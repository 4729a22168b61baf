/*
 * A message that asks two things ("where is my order, and how do I return the shoes?",
 * "运费多少？另外能开发票吗"): the model gives the whole message one intent, so the second request
 * went unanswered. Here the message is cut where a second request starts, so each part can be
 * understood (and answered) on its own.
 */

/**
 * Where a second request may start in English: after a sentence ends, or at "and" / "also" /
 * "plus" / "btw" (a bare "and" inside a request, as in "black and white sneakers", is followed
 * by no request of its own, see EN_REQUEST).
 */
const EN_BOUNDARY = /[.?!;]+\s+|,?\s+(?:and|also|plus|btw|by the way)\s+|,\s+(?=(?:also|btw)\b)/gi;
/**
 * Where a second request may start in Chinese: a sentence end, "，还有" / "另外" / "顺便问", or
 * "还有" right before a question ("我想退货还有怎么开发票"); not any "还有", which also means "there
 * is still" ("里面还有¥12的余额").
 */
const ZH_BOUNDARY =
  /[。？！?!；;]+\s*|[，,]\s*(?=还有|另外|顺便|再问|还想问)|(?=另外|顺便问)|(?=还有(?:怎么|如何|哪|什么|能不能|可以|可不可以|是否|有没有|多少|多久|几))/g;
/**
 * A part that asks or requests something in English: it opens like a question or a request.
 * "I ordered shoes last week. Where are they?" is one request (the first sentence only tells the
 * story).
 */
const EN_REQUEST =
  /^(?:(?:hi|hello|hey|ok|okay|so|and|also|plus|btw|by the way)[\s,!]+)*(?:how|where|what|what's|when|why|which|who|can|could|do|does|did|is|are|was|will|would|should|may|i'd like|i would like|i want|i wanna|i need|please|pls|tell me|show me|give me|send me|let me|cancel|change|track|return|exchange|delete|remove|unsubscribe|subscribe|reset|update|add|check)\b/i;
/** Ends like a question: a request too, where a sentence ended before it or after it. */
const EN_QUESTION = /\?\s*$/;
/**
 * A part that asks or requests something in Chinese: a question word or a request anywhere in it
 * (not "需要", which mostly explains: "我们需要发送正式函件").
 */
const ZH_REQUEST =
  /吗|呢|么|多少|多久|多长时间|怎么|如何|哪|什么|几[天号时个]|能不能|能否|可不可以|是否|有没有|请|帮我|麻烦|我(?:想|要)|[？?]\s*$/;
/**
 * A sentence saying what the shopper wants after a question mostly explains that question ("can
 * you check the invoice title? I want to be sure before I give it to finance", "可以修改size吗？
 * 我想从M换成S"): not a second request.
 */
const EXPLAINS_WHY =
  /^(?:i want|i wanna|i need|i'd like|i would like|we need|we want)\b|^我们?(?:想|要|需要)/i;
/** A part shorter than this (words, or Han characters) is not a request of its own. */
const MIN_EN_WORDS = 3;
const MIN_ZH_CHARS = 3;
/** Connectives left at the start of a part ("and also", "另外") are not part of the request. */
const LEADING_CONNECTIVE =
  /^(?:[\s,，:：]*(?:and|also|plus|btw|by the way|还有就是|还有|另外|顺便问一下|顺便问下|顺便|再问一下|还想问))+[\s,，:：]*/i;
const HAN = /\p{Script=Han}/gu;
/**
 * Longer messages are read as one: two requests in one message are short ("where is my order? also,
 * do you ship to Canada?"), and each place tried costs a pass over the rest of the message.
 */
const MAX_LENGTH = 300;
/** Places tried at most ("a. a. a. …" has thousands). */
const MAX_CUTS = 8;

export interface TwoRequests {
  first: string;
  second: string;
}

/**
 * The message as two requests, cut at the first place where a second one starts and both parts
 * are long enough to be requests; null when it reads as one.
 */
export function splitTwoRequests(text: string): TwoRequests | null {
  const trimmed = text.trim();
  if (trimmed.length > MAX_LENGTH) return null;
  const chinese = (trimmed.match(HAN)?.length ?? 0) >= MIN_ZH_CHARS;
  const boundary = new RegExp((chinese ? ZH_BOUNDARY : EN_BOUNDARY).source, 'gi');
  let tried = 0;
  for (const match of trimmed.matchAll(boundary)) {
    if (++tried > MAX_CUTS) break;
    const cut = match.index ?? 0;
    if (cut === 0) continue;
    const first = trimmed.slice(0, cut).trim();
    const second = trimmed
      .slice(cut + match[0].length)
      .replace(LEADING_CONNECTIVE, '')
      .trim();
    // "Is there a click and collect option?" is one question: after a bare "and", the second
    // part must open like a request of its own (a question mark alone does not make it one).
    const sentences = /[.?!;。？！；]/.test(match[0]);
    if (sentences && EXPLAINS_WHY.test(second)) continue;
    if (isRequest(first, chinese, sentences) && isRequest(second, chinese, sentences))
      return { first, second };
  }
  return null;
}

function isRequest(part: string, chinese: boolean, sentence: boolean): boolean {
  if (chinese) return (part.match(HAN)?.length ?? 0) >= MIN_ZH_CHARS && ZH_REQUEST.test(part);
  const words = part.split(/[^\p{L}\p{N}']+/u).filter(Boolean).length;
  return words >= MIN_EN_WORDS && (EN_REQUEST.test(part) || (sentence && EN_QUESTION.test(part)));
}
