import { normalize } from './normalize';

/** A sparse feature vector: parallel arrays of feature indices and their values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** How n-grams are extracted; stored in `featurizer.json` beside the model. */
export interface FeaturizerOptions {
  /** Character n-gram lengths inside Latin/number words padded with spaces (sklearn char_wb). */
  charNgram: [number, number];
  /** Word n-gram lengths over Latin/number words (and emoji). */
  wordNgram: [number, number];
  /** Character n-gram lengths inside runs of CJK characters (Chinese has no spaces). */
  cjkNgram: [number, number];
  /** Features seen in fewer training texts are dropped (typos still share most n-grams). */
  minDf: number;
  /** Keep at most this many features, the most frequent first; bounds model size. */
  maxFeatures: number;
  /** 1 + ln(tf) instead of raw counts. */
  sublinearTf: boolean;
}

/** Serialised featuriser: options plus the fitted vocabulary and idf weights. */
export interface FeaturizerConfig extends FeaturizerOptions {
  version: 1;
  /** Feature names; feature `vocab[i]` has index `i + 1` (index 0 is the always-on bias). */
  vocab: string[];
  idf: number[];
}

export const DEFAULT_FEATURIZER_OPTIONS: FeaturizerOptions = {
  charNgram: [2, 5],
  wordNgram: [1, 2],
  cjkNgram: [1, 3],
  minDf: 2,
  maxFeatures: 60000,
  sublinearTf: true,
};

/** Index of the bias feature, present with value 1 in every vector. */
export const BIAS_INDEX = 0;

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}]+)*|\p{Extended_Pictographic}/gu;
const DIGIT = /\p{Nd}/gu;
const SURROGATE = /[\uD800-\uDFFF]/;

/** Feature groups are L2-normalised separately, like a union of two tf-idf vectorisers. */
type Group = 'c' | 'w';

/** Raw n-gram counts of one text, keyed by feature name (`c:`/`w:`/`z:` prefixed). */
export function extractNgrams(text: string, options: FeaturizerOptions): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string): void => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  const normalized = normalize(text);
  // CJK runs are cut out as their own pieces so that "退货refund" gives two kinds of features.
  const latinText = normalized.replace(CJK_RUN, (run) => {
    const chars = Array.from(run);
    for (let n = options.cjkNgram[0]; n <= options.cjkNgram[1]; n++) {
      for (let i = 0; i + n <= chars.length; i++) add('z:' + chars.slice(i, i + n).join(''));
    }
    return ' | ';
  });
  // Digits become 0 so that order numbers and amounts share features instead of being unique.
  const words = (latinText.replace(DIGIT, '0').match(TOKEN) ?? []).slice(0, 400);
  for (const word of words) {
    // Usually one UTF-16 unit per character: slices of one string, no arrays. Characters beyond
    // the BMP (emoji) are two units, so there the n-grams count code points.
    const padded: string | string[] = SURROGATE.test(word) ? Array.from(` ${word} `) : ` ${word} `;
    for (let n = options.charNgram[0]; n <= options.charNgram[1]; n++) {
      if (padded.length < n) break;
      for (let i = 0; i + n <= padded.length; i++) {
        const gram = padded.slice(i, i + n);
        add('c:' + (typeof gram === 'string' ? gram : gram.join('')));
      }
    }
  }
  for (let n = options.wordNgram[0]; n <= options.wordNgram[1]; n++) {
    for (let i = 0; i + n <= words.length; i++) add('w:' + words.slice(i, i + n).join(' '));
  }
  return counts;
}

function groupOf(key: string): Group {
  return key.charCodeAt(0) === 119 /* w */ ? 'w' : 'c';
}

/** tf-idf featuriser for English and Chinese text; fit on training texts, then serialisable. */
export class Featurizer {
  private readonly index: Map<string, number>;

  private constructor(readonly config: FeaturizerConfig) {
    this.index = new Map(config.vocab.map((name, i) => [name, i + 1]));
  }

  /** Number of feature indices, bias included. */
  get dimension(): number {
    return this.config.vocab.length + 1;
  }

  static fit(texts: readonly string[], options: Partial<FeaturizerOptions> = {}): Featurizer {
    const opts: FeaturizerOptions = { ...DEFAULT_FEATURIZER_OPTIONS, ...options };
    const df = new Map<string, number>();
    for (const text of texts) {
      for (const key of extractNgrams(text, opts).keys()) df.set(key, (df.get(key) ?? 0) + 1);
    }
    const kept = [...df.entries()]
      .filter(([, count]) => count >= opts.minDf)
      // Ties broken by name so that the vocabulary does not depend on Map insertion order.
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, opts.maxFeatures);
    const n = texts.length;
    const idf = kept.map(
      ([, count]) => Math.round((Math.log((1 + n) / (1 + count)) + 1) * 1e4) / 1e4,
    );
    return new Featurizer({ version: 1, ...opts, vocab: kept.map(([key]) => key), idf });
  }

  static fromJSON(config: FeaturizerConfig): Featurizer {
    if (
      config?.version !== 1 ||
      !Array.isArray(config.vocab) ||
      config.vocab.length !== config.idf?.length
    ) {
      throw new Error('featurizer config is not a version 1 featurizer with vocab and idf');
    }
    return new Featurizer(config);
  }

  /** The idf of a feature by name (`w:gift`, `z:礼品`), undefined when it is not in the vocabulary. */
  idfOf(feature: string): number | undefined {
    const index = this.index.get(feature);
    return index === undefined ? undefined : this.config.idf[index - 1];
  }

  /** The largest idf in the vocabulary (the rarest feature kept). */
  get maxIdf(): number {
    let max = 1;
    for (const v of this.config.idf) if (v > max) max = v;
    return max;
  }

  toJSON(): FeaturizerConfig {
    return this.config;
  }

  /** Sparse tf-idf vector of a text, each feature group L2-normalised, plus the bias feature. */
  transform(text: string): SparseVector {
    const counts = extractNgrams(text, this.config);
    const found: number[] = [];
    const weights: number[] = [];
    const groups: Group[] = [];
    const norms: Record<Group, number> = { c: 0, w: 0 };
    for (const [key, count] of counts) {
      const idx = this.index.get(key);
      if (idx === undefined) continue;
      const tf = this.config.sublinearTf ? 1 + Math.log(count) : count;
      const weight = tf * this.config.idf[idx - 1];
      const group = groupOf(key);
      norms[group] += weight * weight;
      found.push(idx);
      weights.push(weight);
      groups.push(group);
    }
    const indices = new Int32Array(found.length + 1);
    const values = new Float32Array(found.length + 1);
    const scale: Record<Group, number> = {
      c: norms.c > 0 ? 1 / Math.sqrt(norms.c) : 0,
      w: norms.w > 0 ? 1 / Math.sqrt(norms.w) : 0,
    };
    for (let i = 0; i < found.length; i++) {
      indices[i] = found[i];
      values[i] = weights[i] * scale[groups[i]];
    }
    indices[found.length] = BIAS_INDEX;
    values[found.length] = 1;
    return { indices, values };
  }
}
