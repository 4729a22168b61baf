import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CHAT_SENTIMENT_TEST_CSV,
  loadChatSentiment,
  loadChineseReviews,
  loadEnglishReviews,
  SentimentExample,
  SentimentSplits,
  splitSentiment,
  WOMENS_CLOTHING_ZIP,
  ZH_SHOPPING_ZIP,
  ZH_WAIMAI_CSV,
} from './sentiment-corpus';
import { evaluateSentiment, LanguageEvaluation } from './sentiment-evaluation';
import { NegativeDetection, negativeDetection } from './sentiment-metrics';
import {
  FEATURIZER_FILE,
  NEGATIVE_ESCALATION_SCORE,
  SENTIMENT_WEIGHTS_FILE,
  SentimentModel,
} from './sentiment-model';
import { CHAT_WEIGHT, trainSentimentModel } from './sentiment-trainer';

export interface SentimentExportOptions {
  datasetsDir: string;
  out: string;
  seed: number;
  /** Chinese (category, label) strata are capped to this many reviews (bounds training time). */
  zhPerStratum: number;
  log: (line: string) => void;
}

export const DEFAULT_ZH_PER_STRATUM = 2000;

export interface SentimentMetrics {
  seed: number;
  zhPerStratum: number;
  sources: string[];
  splitSizes: Record<'en' | 'zh', Record<keyof SentimentSplits, number>>;
  chatLines: number;
  features: number;
  neutralBand: { low: number; high: number };
  trainingSeconds: number;
  test: Partial<Record<'en' | 'zh', LanguageEvaluation>>;
  /** Held-out chat messages (`corpus/chat-sentiment.test.csv`): what the chat actually sees. */
  chatTest: Partial<Record<'en' | 'zh', ChatEvaluation>>;
}

export interface ChatEvaluation extends LanguageEvaluation {
  /** `score <= NEGATIVE_ESCALATION_SCORE`, the dialogue policy's complaint threshold. */
  negative: NegativeDetection;
}

/** Three-way, binary and escalation-threshold metrics on held-out chat messages, per language. */
export function evaluateChatSentiment(
  model: SentimentModel,
  chat: readonly SentimentExample[],
): Partial<Record<'en' | 'zh', ChatEvaluation>> {
  const scored = new Map(chat.map((e) => [e.text, model.score(e.text)]));
  const base = evaluateSentiment((text) => scored.get(text)!, chat);
  const out: Partial<Record<'en' | 'zh', ChatEvaluation>> = {};
  for (const lang of ['en', 'zh'] as const) {
    const evaluation = base[lang];
    if (!evaluation) continue;
    const rows = chat.filter((e) => e.lang === lang);
    const scores = rows.map((e) => scored.get(e.text)!.score);
    const gold = rows.map((e) => e.polarity);
    out[lang] = {
      ...evaluation,
      negative: negativeDetection(scores, gold, NEGATIVE_ESCALATION_SCORE),
    };
  }
  return out;
}

/**
 * The held-out splits the shipped model was trained and tested on; the benchmark rebuilds them
 * from `metrics.json` (seed, cap) to evaluate on exactly the same test reviews.
 */
export function sentimentSplits(
  datasetsDir: string,
  seed: number,
  zhPerStratum: number,
): { en: SentimentSplits; zh: SentimentSplits } {
  return {
    en: splitSentiment(loadEnglishReviews(datasetsDir), seed),
    zh: splitSentiment(loadChineseReviews(datasetsDir), seed, undefined, zhPerStratum),
  };
}

function sizes(s: SentimentSplits): Record<keyof SentimentSplits, number> {
  return { train: s.train.length, valid: s.valid.length, test: s.test.length };
}

function pct(x: number | undefined): string {
  return x === undefined ? '–' : `${(x * 100).toFixed(1)}%`;
}

function modelCard(m: SentimentMetrics): string {
  const row = (lang: 'en' | 'zh'): string => {
    const e = m.test[lang];
    return `| ${lang} | ${e?.binary.n ?? 0} | ${pct(e?.binary.accuracy)} | ${pct(e?.binary.macroF1)} | ${e?.binary.auc.toFixed(4) ?? '–'} | ${pct(e?.threeWay?.accuracy)} | ${pct(e?.threeWay?.macroF1)} |`;
  };
  const chatRow = (lang: 'en' | 'zh'): string => {
    const e = m.chatTest[lang];
    if (!e) return `| ${lang} | 0 | – | – | – | – | – | – |`;
    return `| ${lang} | ${e.threeWay?.n ?? 0} | ${pct(e.threeWay?.accuracy)} | ${pct(e.threeWay?.macroF1)} | ${pct(e.binary.accuracy)} | ${pct(e.negative.precision)} | ${pct(e.negative.recall)} | ${pct(e.negative.neutralFlagged)} |`;
  };
  return `# Sentiment model (English + Chinese)

Score in [-1, 1] and a label (negative / neutral / positive) for a shopper message or review.
Trained by \`npm run cli -- train sentiment\` (this repository's code, seed ${m.seed}).

## Model
- Features: the NLU tf-idf featuriser (\`src/nlu/featurizer.ts\`): character 2–4-grams inside
  words, word 1–2-grams, CJK character 1–3-grams; min df 3; ${m.features} features (bias included).
- Classifier: logistic regression, positive vs negative, each (language, polarity) review group
  given equal weight; mini-batch Adam with early stopping on validation loss.
- Score = tanh(logit / 2) = 2·P(positive) − 1. Label: neutral inside [${m.neutralBand.low}, ${m.neutralBand.high}],
  a symmetric band chosen on the English validation split to maximise 3-way macro-F1 with
  3-star reviews as the neutral class. Text with no known n-gram (empty, emoji only) scores 0.

## Data (read from \`../shared/datasets\`, never copied into the repository)
- English: \`${WOMENS_CLOTHING_ZIP}\` — title + review text; ratings 1–2 negative,
  4–5 positive, 3 neutral (neutral reviews are **not** used to fit the classifier, only to set
  the neutral band and for the 3-way test). Rows without review text dropped.
- Chinese: \`${ZH_SHOPPING_ZIP}\` (10 product categories, hotel included) and \`${ZH_WAIMAI_CSV}\`
  (food delivery); label 1 positive, 0 negative; each (category, label) stratum capped at
  ${m.zhPerStratum} reviews to bound training time.
- Team-written chat lines: \`src/nlu/sentiment/corpus/chat-sentiment.csv\` (${m.chatLines} short English and
  Chinese complaints, thanks and plain questions; training only, each weighted like ${CHAT_WEIGHT} reviews;
  neutral lines are fitted towards score 0).
- Identical texts (after normalisation) kept once before splitting; seeded stratified split
  80 / 10 / 10 (train / validation / test) per language.

| split sizes | train | valid | test |
|---|---|---|---|
| en | ${m.splitSizes.en.train} | ${m.splitSizes.en.valid} | ${m.splitSizes.en.test} |
| zh | ${m.splitSizes.zh.train} | ${m.splitSizes.zh.valid} | ${m.splitSizes.zh.test} |

## Held-out test metrics
Binary: positive vs negative reviews by the sign of the score. 3-way: with the neutral band
(English only; the Chinese sets have no neutral class).

| lang | n (binary) | accuracy | macro-F1 | AUC | 3-way accuracy | 3-way macro-F1 |
|---|---|---|---|---|---|---|
${row('en')}
${row('zh')}

## Held-out chat messages
\`src/nlu/sentiment/corpus/chat-sentiment.test.csv\`: shop-chat messages (complaints, plain
questions and problem reports, thanks) by writers who never saw the training lines. 3-way with the
neutral band; binary = negative vs positive messages by the sign of the score; "negative found" =
\`score <= ${NEGATIVE_ESCALATION_SCORE}\`, the threshold at which the dialogue policy hands a complaint
straight to a person.

| lang | n | 3-way accuracy | 3-way macro-F1 | binary accuracy | negative found: precision | recall | neutral flagged |
|---|---|---|---|---|---|---|---|
${chatRow('en')}
${chatRow('zh')}

Training took ${m.trainingSeconds} s on this machine.

## Limits
- Trained mostly on product reviews, used on chat messages: reviews are long and written after
  the fact, chat is short. The team-written chat lines and the held-out chat table above cover
  that gap only as far as a few hundred hand-written messages can.
- English reviews are all women's clothing; Chinese include hotels and food delivery.
- Neutral is a band on a binary score, not a learned class; English 3-star reviews are mostly
  mixed opinions, which the band separates poorly (see 3-way metrics).
- Sarcasm, negation across clauses and languages other than English and Chinese are not
  handled (other languages get a score near 0).
- The Chinese data have no stated licence: internal evaluation only (see PROVENANCE.md).
`;
}

/** Trains on the seeded splits, evaluates on the held-out test split, writes the model dir. */
export function trainAndExportSentiment(options: SentimentExportOptions): SentimentMetrics {
  const started = Date.now();
  const { log } = options;
  log(`reading datasets from ${options.datasetsDir}`);
  const splits = sentimentSplits(options.datasetsDir, options.seed, options.zhPerStratum);
  const part = (name: keyof SentimentSplits): SentimentExample[] => [
    ...splits.en[name],
    ...splits.zh[name],
  ];
  const chat = loadChatSentiment();
  log(`${chat.length} team-written chat lines added to training`);
  const model: SentimentModel = trainSentimentModel([...part('train'), ...chat], part('valid'), {
    seed: options.seed,
    log,
  });
  const metrics: SentimentMetrics = {
    seed: options.seed,
    zhPerStratum: options.zhPerStratum,
    sources: [WOMENS_CLOTHING_ZIP, ZH_SHOPPING_ZIP, ZH_WAIMAI_CSV],
    splitSizes: { en: sizes(splits.en), zh: sizes(splits.zh) },
    chatLines: chat.length,
    features: model.featurizer.dimension,
    neutralBand: model.config.neutralBand,
    trainingSeconds: Math.round((Date.now() - started) / 100) / 10,
    test: evaluateSentiment((text) => model.score(text), part('test')),
    chatTest: evaluateChatSentiment(model, loadChatSentiment(CHAT_SENTIMENT_TEST_CSV)),
  };
  mkdirSync(options.out, { recursive: true });
  writeFileSync(join(options.out, FEATURIZER_FILE), JSON.stringify(model.featurizer.toJSON()));
  writeFileSync(join(options.out, SENTIMENT_WEIGHTS_FILE), JSON.stringify(model.config));
  writeFileSync(join(options.out, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
  writeFileSync(join(options.out, 'MODEL_CARD.md'), modelCard(metrics));
  log(`wrote ${options.out}`);
  return metrics;
}
