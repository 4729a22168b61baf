/**
 * Finds the product a shopper names in a message ("is the Ember All-Weather Hiking Backpack
 * waterproof?", "Ember 登山背包有货吗", "SP-0124") among the shop's product names.
 */
export interface NamedProduct {
  id: string;
  title: string;
  sku: string | null;
  /** The Chinese title, where the shop has one. */
  titleZh?: string | null;
}

/** Share of an English title's words a message must contain to name that product. */
const MIN_TITLE_SHARE = 0.6;
/** ...and at least this many of them: "backpack" alone names no product. */
const MIN_TITLE_WORDS = 2;
/** A Chinese title's Han part shorter than this is too common to name a product by itself. */
const MIN_HAN_CHARS = 3;

const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+(?:['-][a-z0-9]+)*/g) ?? [];
const han = (text: string) => (text.match(/\p{Script=Han}+/gu) ?? []).join('');
/** Adjacent pairs of Han characters ("登山背包" → 登山, 山背, 背包). */
const hanPairs = (text: string) => [...text].slice(0, -1).map((c, i) => c + [...text][i + 1]);
const compact = (text: string) => text.toLowerCase().replace(/[\s\-_'’.,]/g, '');

export class ProductMentions {
  private readonly entries: {
    product: NamedProduct;
    words: Set<string>;
    han: string;
    latinZh: string[];
  }[];

  private readonly byId: Map<string, NamedProduct>;

  constructor(products: NamedProduct[]) {
    this.byId = new Map(products.map((p) => [p.id, p]));
    this.entries = products.map((product) => ({
      product,
      words: new Set(words(product.title)),
      han: product.titleZh ? han(product.titleZh) : '',
      latinZh: product.titleZh ? words(product.titleZh) : [],
    }));
  }

  /** The product with this id, if it is active. */
  get(id: string): NamedProduct | undefined {
    return this.byId.get(id);
  }

  /**
   * The one product the message names best, or null when it names none, or several equally well
   * ("the Ember backpack" when the shop sells two): guessing would answer about the wrong one.
   */
  find(message: string): NamedProduct | null {
    const text = compact(message);
    const messageWords = new Set(words(message));
    const messageHan = han(message);
    let best: NamedProduct | null = null;
    let bestScore = 0;
    let tied = false;
    for (const entry of this.entries) {
      const score = this.score(entry, text, messageWords, messageHan);
      if (score === 0) continue;
      if (score > bestScore) {
        [best, bestScore, tied] = [entry.product, score, false];
      } else if (score === bestScore) tied = true;
    }
    return tied ? null : best;
  }

  /**
   * Products the message names in part when it names no one product ("the Ember backpack" for
   * "Ember All-Weather Hiking Backpack" and "Ember Compact Backpack"): titles sharing at least two
   * words with it, or whose Chinese title it contains with its brand; most shared first.
   */
  candidates(message: string, limit: number): NamedProduct[] {
    const messageWords = new Set(words(message));
    const messageHan = han(message);
    const scored: { product: NamedProduct; shared: number }[] = [];
    for (const entry of this.entries) {
      let shared = [...entry.words].filter((w) => messageWords.has(w)).length;
      // "Ember 背包": the brand and a Chinese word of the title.
      if (entry.han && messageHan) {
        const brand = entry.latinZh.filter((w) => messageWords.has(w)).length;
        // Its whole Han part ("登山背包") counts as two words, a pair of its characters as one.
        const hanWords = messageHan.includes(entry.han)
          ? 2
          : hanPairs(messageHan).some((p) => entry.han.includes(p))
            ? 1
            : 0;
        if (hanWords > 0) shared = Math.max(shared, brand + hanWords);
      }
      if (shared >= MIN_TITLE_WORDS) scored.push({ product: entry.product, shared });
    }
    return scored
      .sort((a, b) => b.shared - a.shared)
      .slice(0, limit)
      .map((s) => s.product);
  }

  private score(
    entry: ProductMentions['entries'][number],
    text: string,
    messageWords: Set<string>,
    messageHan: string,
  ): number {
    const { product } = entry;
    if (product.sku && product.sku.length >= 4 && text.includes(compact(product.sku))) return 3;
    let best = 0;
    if (entry.words.size > 0) {
      const matched = [...entry.words].filter((w) => messageWords.has(w)).length;
      const share = matched / entry.words.size;
      if (matched >= Math.min(MIN_TITLE_WORDS, entry.words.size) && share >= MIN_TITLE_SHARE)
        best = share + matched / 100;
    }
    // Chinese: the title's Han part, plus its brand when it has one in Latin letters.
    if (entry.han.length >= MIN_HAN_CHARS && messageHan.includes(entry.han)) {
      const brand = entry.latinZh.length === 0 || entry.latinZh.every((w) => messageWords.has(w));
      best = Math.max(best, brand ? 1 + entry.han.length / 100 : 0.5 + entry.han.length / 100);
    }
    return best;
  }
}
