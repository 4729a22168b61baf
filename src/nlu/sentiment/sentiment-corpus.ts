import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalize } from '../normalize';
import { DatasetError } from '../../training/dataset-error';
import { parseCsv, readLabelledCsv } from '../../training/labelled-csv';
import { detectLanguage } from '../language';
import { SeededRandom } from '../../training/seeded-random';
import { readZipEntry } from './zip-entry';

export type SentimentLang = 'en' | 'zh';
/** -1 negative, 0 neutral, 1 positive. */
export type Polarity = -1 | 0 | 1;

export interface SentimentExample {
  text: string;
  lang: SentimentLang;
  polarity: Polarity;
  /** Split stratum: source and label (and product category for the Chinese set). */
  stratum: string;
  /** Reviews come from the public datasets; chat lines are written by the team. */
  source: 'review' | 'chat';
}

export interface SentimentSplits {
  train: SentimentExample[];
  valid: SentimentExample[];
  test: SentimentExample[];
}

export const WOMENS_CLOTHING_ZIP =
  'womens-clothing-reviews/Womens Clothing E-Commerce Reviews.csv.zip';
export const ZH_SHOPPING_ZIP = 'zh-ecommerce-sentiment/online_shopping_10_cats.zip';
export const ZH_WAIMAI_CSV = 'zh-ecommerce-sentiment/waimai_10k.csv';

function columns(header: string[], names: string[], file: string): number[] {
  return names.map((name) => {
    const index = header.indexOf(name);
    if (index < 0) throw new DatasetError(file, 1, `missing column ${name}`);
    return index;
  });
}

function csvRows(
  content: string,
  file: string,
  names: string[],
): { values: string[]; line: number }[] {
  const records = parseCsv(content.replace(/^\uFEFF/, ''), file);
  if (records.length === 0) throw new DatasetError(file, undefined, 'file is empty');
  const cols = columns(
    records[0].fields.map((f) => f.trim()),
    names,
    file,
  );
  return records
    .slice(1)
    .map((r) => ({ values: cols.map((c) => r.fields[c] ?? ''), line: r.line }));
}

/**
 * Women's clothing reviews: title + review text; ratings 1–2 negative, 3 neutral, 4–5 positive.
 * Rows without review text are dropped.
 */
export function loadEnglishReviews(datasetsDir: string): SentimentExample[] {
  const file = join(datasetsDir, WOMENS_CLOTHING_ZIP);
  const csv = readZipEntry(file, (n) => n.endsWith('.csv') && !n.startsWith('__MACOSX')).toString(
    'utf8',
  );
  const out: SentimentExample[] = [];
  for (const { values, line } of csvRows(csv, file, ['Title', 'Review Text', 'Rating'])) {
    const [title, review, ratingText] = values;
    const rating = Number(ratingText);
    if (!review.trim()) continue;
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
      throw new DatasetError(file, line, `rating must be 1-5, found "${ratingText}"`);
    }
    const polarity: Polarity = rating <= 2 ? -1 : rating === 3 ? 0 : 1;
    out.push({
      text: title.trim() ? `${title.trim()}. ${review}` : review,
      lang: 'en',
      polarity,
      stratum: `en:${rating}`,
      source: 'review',
    });
  }
  return out;
}

/** online_shopping_10_cats (zip) and waimai_10k (csv); label 1 positive, 0 negative. */
export function loadChineseReviews(datasetsDir: string): SentimentExample[] {
  const out: SentimentExample[] = [];
  const zipFile = join(datasetsDir, ZH_SHOPPING_ZIP);
  const shopping = readZipEntry(zipFile, (n) => n.endsWith('.csv')).toString('utf8');
  const add = (file: string, line: number, text: string, label: string, source: string): void => {
    if (label !== '0' && label !== '1')
      throw new DatasetError(file, line, `label must be 0 or 1, found "${label}"`);
    if (!text.trim()) return;
    out.push({
      text,
      lang: 'zh',
      polarity: label === '1' ? 1 : -1,
      stratum: `zh:${source}:${label}`,
      source: 'review',
    });
  };
  for (const { values, line } of csvRows(shopping, zipFile, ['cat', 'label', 'review'])) {
    add(zipFile, line, values[2], values[1].trim(), values[0]);
  }
  const waimaiFile = join(datasetsDir, ZH_WAIMAI_CSV);
  let waimai: string;
  try {
    waimai = readFileSync(waimaiFile, 'utf8');
  } catch (error) {
    throw new DatasetError(
      waimaiFile,
      undefined,
      `cannot read file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  for (const { values, line } of csvRows(waimai, waimaiFile, ['label', 'review'])) {
    add(waimaiFile, line, values[1], values[0].trim(), 'waimai');
  }
  return out;
}

/** Team-written chat lines (`corpus/chat-sentiment.csv`), all used for training. */
export const CHAT_SENTIMENT_CSV = join(__dirname, 'corpus', 'chat-sentiment.csv');
/** Chat messages by writers who never saw the training lines; evaluation only. */
export const CHAT_SENTIMENT_TEST_CSV = join(__dirname, 'corpus', 'chat-sentiment.test.csv');

const CHAT_POLARITY: Record<string, Polarity> = { negative: -1, neutral: 0, positive: 1 };

/**
 * Short chat messages (complaints, thanks, plain questions) in English and Chinese, so that the
 * review-trained model also reads shopper chat. Format `text,label` with label
 * negative/neutral/positive.
 */
export function loadChatSentiment(file: string = CHAT_SENTIMENT_CSV): SentimentExample[] {
  return readLabelledCsv(file, { minClasses: 2 }).map((e) => {
    const polarity = CHAT_POLARITY[e.label];
    if (polarity === undefined) {
      throw new DatasetError(
        file,
        e.line,
        `label must be negative, neutral or positive, found "${e.label}"`,
      );
    }
    const lang: SentimentLang = detectLanguage(e.text) === 'zh' ? 'zh' : 'en';
    return { text: e.text, lang, polarity, stratum: `chat:${lang}:${e.label}`, source: 'chat' };
  });
}

/**
 * Seeded stratified split. Identical texts (after normalisation) are kept once, before
 * splitting, so that no test review also appears in training. `maxPerStratum` caps very large
 * strata to bound training time (drawn at random under the same seed).
 */
export function splitSentiment(
  examples: readonly SentimentExample[],
  seed: number,
  fractions: { valid: number; test: number } = { valid: 0.1, test: 0.1 },
  maxPerStratum = Infinity,
): SentimentSplits {
  const seen = new Set<string>();
  const strata = new Map<string, SentimentExample[]>();
  for (const example of examples) {
    const key = normalize(example.text);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const list = strata.get(example.stratum) ?? [];
    list.push(example);
    strata.set(example.stratum, list);
  }
  const rng = new SeededRandom(seed);
  const splits: SentimentSplits = { train: [], valid: [], test: [] };
  for (const key of [...strata.keys()].sort()) {
    const list = rng.shuffle(strata.get(key)!).slice(0, maxPerStratum);
    const nTest = Math.round(list.length * fractions.test);
    const nValid = Math.round(list.length * fractions.valid);
    splits.test.push(...list.slice(0, nTest));
    splits.valid.push(...list.slice(nTest, nTest + nValid));
    splits.train.push(...list.slice(nTest + nValid));
  }
  return splits;
}
