import { normalize } from '../nlu/normalize';

/**
 * How much a term says about what a question asks: the intent model's idf for it (shop words
 * such as "order" or "我的" are common and say little), undefined for a term it never saw.
 */
export type TermIdf = (feature: string) => number | undefined;

/** One FAQ question as the shop wrote it, with the entry it belongs to. */
export interface FaqQuestion {
  templateId: string;
  locale: string;
  text: string;
}

export interface FaqMatch {
  templateId: string;
  /** Weighted overlap of the two questions' terms, 0…1 (harmonic mean of both coverages). */
  score: number;
}

/** Words that carry no topic of their own in a question to a shop. */
const STOPWORDS = new Set(
  (
    'a an the do does did you your yours i me my mine we us our is are was were be been am can ' +
    'could would will shall should may might to for of on in at by it its this that these those ' +
    'how what when where which who why have has had any some there please pls and or if with ' +
    "from about get got u ur im i'm it's there's " +
    // Verbs of asking and buying: "can you sell stocks for me" is not about "Do you sell gift cards?".
    'find sell buy know need want like use tell look make give take see go offer available ' +
    'possible able just also still'
  ).split(' '),
);
const CJK_RUN = /[\p{Script=Han}]+/gu;
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;
/** Chinese function characters: a pair made only of these says nothing about the topic. */
const CJK_FUNCTION = new Set(
  Array.from('的了吗呢吧啊么我你您们是在有和与就都也还要想能可以请问这那个一下'),
);

interface Term {
  /** What two questions must share (a light stem, or a Chinese character pair). */
  key: string;
  /** The featuriser's name for it, for its idf. */
  feature: string;
}

/** "Gift cards" and "gift card", "shipping" and "ships", "crashes" and "crash" share a key. */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 4 && /(?:sh|ch|x|ss|z)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function terms(text: string): Term[] {
  const out: Term[] = [];
  const latin = normalize(text).replace(CJK_RUN, (run) => {
    const chars = Array.from(run);
    // Characters and character pairs: "保修期多长" shares 保修 with "商品保修多久", and its
    // characters where the pairs differ (期 / 久).
    for (const char of chars)
      if (!CJK_FUNCTION.has(char)) out.push({ key: char, feature: 'z:' + char });
    for (let i = 0; i + 2 <= chars.length; i++) {
      const pair = chars[i] + chars[i + 1];
      if (CJK_FUNCTION.has(chars[i]) && CJK_FUNCTION.has(chars[i + 1])) continue;
      out.push({ key: pair, feature: 'z:' + pair });
    }
    return ' ';
  });
  for (const word of latin.match(WORD) ?? []) {
    if (STOPWORDS.has(word)) continue;
    out.push({ key: stem(word), feature: 'w:' + word });
  }
  return out;
}

interface Indexed {
  question: FaqQuestion;
  weights: Map<string, number>;
  total: number;
}

/**
 * Finds the FAQ question a message asks again in other words, by the important words (or
 * Chinese character pairs) the two share. The intent model's sentence vector places questions
 * outside its intents close together ("do you sell gift cards?" and "is there a discount
 * code?" both land near `oos`), so an FAQ entry is only found by meaning when the wording is
 * near-identical; shared rare words are a stronger sign. Each side's coverage counts: a long
 * message that merely contains "gift" does not match "Do you sell gift cards?".
 */
export class FaqMatcher {
  private readonly questions = new Map<string, Indexed[]>();

  constructor(
    private readonly idf: TermIdf,
    /** Weight of a term the intent model never saw: as rare as its rarest. */
    private readonly unseenIdf: number,
  ) {}

  /** Replaces the questions of one FAQ entry (none removes it). */
  set(templateId: string, questions: FaqQuestion[]): void {
    if (questions.length === 0) this.questions.delete(templateId);
    else
      this.questions.set(
        templateId,
        questions.map((q) => this.indexed(q)),
      );
  }

  /** The best-matching entry in the locale, or null when none reaches `minScore`. */
  match(text: string, locale: string, minScore: number): FaqMatch | null {
    // Asked for every message: a shop without FAQ entries pays nothing for it.
    if (this.questions.size === 0) return null;
    const query = this.weigh(terms(text));
    if (query.total === 0) return null;
    let best: FaqMatch | null = null;
    for (const entries of this.questions.values()) {
      for (const entry of entries) {
        if (entry.question.locale !== locale) continue;
        const score = this.overlap(query, entry);
        if (score > 0 && score >= minScore && (!best || score > best.score)) {
          best = { templateId: entry.question.templateId, score };
        }
      }
    }
    return best;
  }

  /**
   * How well the message matches one entry (its best question in the locale), 0 when it shares
   * no important word with any: what confirms an entry the sentence vector proposed.
   */
  scoreFor(text: string, locale: string, templateId: string): number {
    const entries = this.questions.get(templateId);
    if (!entries) return 0;
    const query = this.weigh(terms(text));
    if (query.total === 0) return 0;
    let best = 0;
    for (const entry of entries) {
      if (entry.question.locale === locale) best = Math.max(best, this.overlap(query, entry));
    }
    return best;
  }

  private overlap(query: { weights: Map<string, number>; total: number }, entry: Indexed): number {
    let shared = 0;
    for (const [key, weight] of query.weights) {
      const other = entry.weights.get(key);
      if (other !== undefined) shared += Math.min(weight, other);
    }
    if (shared === 0) return 0;
    const inQuery = shared / query.total;
    const inQuestion = shared / entry.total;
    return (2 * inQuery * inQuestion) / (inQuery + inQuestion);
  }

  private indexed(question: FaqQuestion): Indexed {
    return { question, ...this.weigh(terms(question.text)) };
  }

  private weigh(list: Term[]): { weights: Map<string, number>; total: number } {
    const weights = new Map<string, number>();
    for (const term of list) {
      // A term counts once however often it is repeated.
      if (!weights.has(term.key)) weights.set(term.key, this.idf(term.feature) ?? this.unseenIdf);
    }
    let total = 0;
    for (const w of weights.values()) total += w;
    return { weights, total };
  }
}
