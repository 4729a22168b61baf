import { readFileSync } from 'node:fs';
import type { FeaturizerConfig } from './featurizer';

/** Shorter words are left alone: one edit turns too many of them into another real word. */
const MIN_LENGTH = 4;
/** Corrections remembered per corrector (shoppers repeat the same misspellings). */
const MEMO_SIZE = 10_000;
/** A whole English word: letters only, not part of an order number, an SKU or a contraction. */
const WORD = /(?<![A-Za-z0-9'])[A-Za-z]+(?![A-Za-z0-9']|'[A-Za-z])/g;

/**
 * Corrects a misspelt English word to a word of the model's own vocabulary when it is one edit
 * away (a letter missing, extra, wrong, or two swapped): "wheres my packge" → "wheres my
 * package". Character n-grams alone leave such a message with too few known features, and the
 * model declines it as out of scope. A word the English dictionary knows is never changed
 * ("watts" stays, although "whats" is one edit away), nor is a word the model already knows.
 *
 * Only the words that could be corrected need the dictionary's verdict, so the corrector keeps
 * those (a few thousand) rather than the dictionary's 275,000 words.
 */
export class SpellingCorrector {
  private readonly memo = new Map<string, string>();

  private constructor(
    /** The model's words, with their idf (lower: more common). */
    private readonly known: ReadonlyMap<string, number>,
    /** Every deletion of one letter from a known word (and the word itself) → those words. */
    private readonly byDeletion: ReadonlyMap<string, readonly string[]>,
    /** English words one edit from a known word: real words, left as they are. */
    private readonly realWords: ReadonlySet<string>,
  ) {}

  /** A corrector that changes nothing. */
  static none(): SpellingCorrector {
    return new SpellingCorrector(new Map(), new Map(), new Set());
  }

  /** A corrector towards the single-word features of a fitted featuriser. */
  static forVocabulary(
    config: Pick<FeaturizerConfig, 'vocab' | 'idf'>,
    englishWords: Iterable<string> = loadEnglishWords(),
  ): SpellingCorrector {
    const known = new Map<string, number>();
    config.vocab.forEach((feature, i) => {
      const word = feature.slice(2);
      if (feature.startsWith('w:') && /^[a-z]{3,}$/.test(word)) known.set(word, config.idf[i]);
    });
    const byDeletion = new Map<string, string[]>();
    for (const word of known.keys()) {
      for (const key of [word, ...deletions(word)]) {
        const words = byDeletion.get(key);
        if (!words) byDeletion.set(key, [word]);
        else if (words.at(-1) !== word) words.push(word);
      }
    }
    const corrector = new SpellingCorrector(known, byDeletion, new Set());
    const realWords = new Set<string>();
    for (const word of englishWords) {
      if (corrector.candidate(word) !== null) realWords.add(word);
    }
    return new SpellingCorrector(known, byDeletion, realWords);
  }

  /** The text with misspelt words replaced (lower-cased); everything else unchanged. */
  correct(text: string): string {
    return text.replace(WORD, (word) => {
      if (word.length < MIN_LENGTH) return word;
      const lower = word.toLowerCase();
      let fixed = this.memo.get(lower);
      if (fixed === undefined) {
        fixed = this.realWords.has(lower) ? lower : (this.candidate(lower) ?? lower);
        if (this.memo.size >= MEMO_SIZE) this.memo.clear();
        this.memo.set(lower, fixed);
      }
      return fixed === lower ? word : fixed;
    });
  }

  /**
   * The known word one edit from `word`, null when `word` is known, too short or has none. Typos
   * rarely hit the first letter, so a candidate that keeps it wins, then the most common one.
   */
  private candidate(word: string): string | null {
    if (word.length < MIN_LENGTH || this.known.has(word)) return null;
    let best: string | null = null;
    let bestKey = Infinity;
    for (const key of [word, ...deletions(word)]) {
      for (const candidate of this.byDeletion.get(key) ?? []) {
        if (!oneEditApart(candidate, word)) continue;
        const rank = (candidate[0] === word[0] ? 0 : 1000) + this.known.get(candidate)!;
        if (rank < bestKey || (rank === bestKey && best !== null && candidate < best)) {
          best = candidate;
          bestKey = rank;
        }
      }
    }
    return best;
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** True when one insertion, deletion, substitution or swap of neighbours turns `a` into `b`. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * ~275,000 English words (npm `an-array-of-english-words`), one at a time: parsing the file's JSON
 * array at once would hold them all and leave the process ~20 MB larger.
 */
function* loadEnglishWords(): Generator<string> {
  const text = readFileSync(require.resolve('an-array-of-english-words'), 'utf8');
  for (const match of text.matchAll(/"([^"\\]+)"/g)) yield match[1];
}
