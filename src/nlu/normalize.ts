/**
 * Text normalisation shared by every NLU model (intent, sentiment) and by training, so that a
 * model sees the same text at training and serving time.
 */

/** Messages longer than this are cut: intent lives in the first sentences, and it bounds cost. */
export const MAX_NORMALIZED_CHARS = 2000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Zero-width joiners, variation selectors, skin-tone modifiers and tag characters only decorate
// emoji; dropping them makes 👍🏽 and 👍 the same token.
const EMOJI_DECORATION =
  /\u200B|\u200C|\u200D|\uFE0E|\uFE0F|\p{Emoji_Modifier}|[\u{E0020}-\u{E007F}]/gu;
const CONTROL = /\p{Cc}/gu;
const EMOJI = /\p{Extended_Pictographic}/gu;
const WHITESPACE = /\s+/g;

/**
 * NFKC (which also folds full-width ASCII and the ideographic space to half-width), lower case,
 * lone surrogates and control characters removed, each emoji kept as its own space-separated
 * token, whitespace collapsed. Never throws; input beyond {@link MAX_NORMALIZED_CHARS} is cut.
 */
export function normalize(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  // Cut before the expensive steps (x2: NFKC and emoji spacing can shrink or grow the text).
  let out = text.length > MAX_NORMALIZED_CHARS * 2 ? text.slice(0, MAX_NORMALIZED_CHARS * 2) : text;
  out = out.replace(LONE_SURROGATE, '');
  out = out.normalize('NFKC').toLowerCase();
  out = out.replace(EMOJI_DECORATION, '').replace(CONTROL, ' ');
  out = out.replace(EMOJI, ' $& ');
  out = out.replace(WHITESPACE, ' ').trim();
  if (out.length > MAX_NORMALIZED_CHARS) {
    out = out.slice(0, MAX_NORMALIZED_CHARS).replace(LONE_SURROGATE, '').trimEnd();
  }
  return out;
}
