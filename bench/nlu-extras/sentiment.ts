/**
 * Sentiment model on the held-out review test split it was not trained on, against NLP.js's
 * lexicon sentiment (node-nlp SentimentAnalyzer) on the same texts in the same run.
 *
 *   node -r @swc-node/register bench/nlu-extras/sentiment.ts [--model models/sentiment] [--datasets ../shared/datasets] [--out bench/results]
 *
 * Writes bench/results/sentiment.{json,md}. The split is rebuilt from the seed and cap that
 * the model's metrics.json records, so it is exactly the training run's test split.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from '../../src/cli/parse-args';
import {
  CHAT_SENTIMENT_TEST_CSV,
  loadChatSentiment,
  SentimentExample,
} from '../../src/nlu/sentiment/sentiment-corpus';
import {
  evaluateSentiment,
  LanguageEvaluation,
} from '../../src/nlu/sentiment/sentiment-evaluation';
import { sentimentSplits, SentimentMetrics } from '../../src/nlu/sentiment/sentiment-export';
import {
  FEATURIZER_FILE,
  SENTIMENT_WEIGHTS_FILE,
  SentimentLabel,
  SentimentModel,
  SentimentResult,
} from '../../src/nlu/sentiment/sentiment-model';
import { latencyMicros, pct, round } from './bench-stats';

const { SentimentAnalyzer } = require('node-nlp') as {
  SentimentAnalyzer: new (options: { language: string }) => {
    getSentiment(text: string): Promise<{ score: number; vote: SentimentLabel }>;
  };
};

type Lang = 'en' | 'zh';

/** NLP.js results for every test text, computed once (its API is async). */
async function nlpjsResults(
  test: readonly SentimentExample[],
): Promise<Map<string, SentimentResult>> {
  const analyzers = {
    en: new SentimentAnalyzer({ language: 'en' }),
    zh: new SentimentAnalyzer({ language: 'zh' }),
  };
  const out = new Map<string, SentimentResult>();
  for (const e of test) {
    // NLP.js throws on empty text; no review here is empty, but keep the baseline total.
    const r = e.text.trim()
      ? await analyzers[e.lang].getSentiment(e.text)
      : { score: 0, vote: 'neutral' as const };
    out.set(e.text, { score: r.score, label: r.vote });
  }
  return out;
}

async function nlpjsLatency(texts: string[], lang: Lang): Promise<{ p50: number; p99: number }> {
  const analyzer = new SentimentAnalyzer({ language: lang });
  const samples: number[] = [];
  for (const text of texts) {
    const t = performance.now();
    await analyzer.getSentiment(text);
    samples.push((performance.now() - t) * 1000);
  }
  samples.sort((a, b) => a - b);
  const q = (p: number): number =>
    round(samples[Math.min(samples.length - 1, Math.ceil(p * samples.length) - 1)], 1);
  return { p50: q(0.5), p99: q(0.99) };
}

function row(name: string, e: LanguageEvaluation | undefined): string {
  return `| ${name} | ${e?.binary.n ?? 0} | ${pct(e?.binary.accuracy)} | ${pct(e?.binary.macroF1)} | ${e?.binary.auc ?? '–'} | ${pct(e?.threeWay?.accuracy)} | ${pct(e?.threeWay?.macroF1)} |`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const opt = (name: string, fallback: string): string =>
    typeof args.options[name] === 'string' ? (args.options[name] as string) : fallback;
  const modelDir = opt('model', 'models/sentiment');
  const datasetsDir = opt('datasets', '../shared/datasets');
  const outDir = opt('out', 'bench/results');
  const trained = JSON.parse(
    readFileSync(join(modelDir, 'metrics.json'), 'utf8'),
  ) as SentimentMetrics;
  const model = SentimentModel.load(modelDir);
  const splits = sentimentSplits(datasetsDir, trained.seed, trained.zhPerStratum);
  const test = [...splits.en.test, ...splits.zh.test];
  const baseline = await nlpjsResults(test);
  const ours = evaluateSentiment((t) => model.score(t), test);
  const nlpjs = evaluateSentiment((t) => baseline.get(t) ?? { score: 0, label: 'neutral' }, test);
  // Chat messages are what the product scores; reviews are what there is most data for.
  const chat = loadChatSentiment(CHAT_SENTIMENT_TEST_CSV);
  const chatBaseline = await nlpjsResults(chat);
  const chatOurs = evaluateSentiment((t) => model.score(t), chat);
  const chatNlpjs = evaluateSentiment(
    (t) => chatBaseline.get(t) ?? { score: 0, label: 'neutral' },
    chat,
  );
  const latency: Record<
    string,
    { ours: { p50: number; p99: number }; nlpjs: { p50: number; p99: number } }
  > = {};
  for (const lang of ['en', 'zh'] as const) {
    const texts = splits[lang].test.slice(0, 1000).map((e) => e.text);
    latency[lang] = {
      ours: latencyMicros(texts, (t) => model.score(t)),
      nlpjs: await nlpjsLatency(texts, lang),
    };
  }
  const bytes = [FEATURIZER_FILE, SENTIMENT_WEIGHTS_FILE].reduce(
    (n, f) => n + statSync(join(modelDir, f)).size,
    0,
  );
  const delta = (lang: Lang): number =>
    round((ours[lang]?.binary.accuracy ?? 0) - (nlpjs[lang]?.binary.accuracy ?? 0));
  const result = {
    model: modelDir,
    seed: trained.seed,
    testSizes: { en: splits.en.test.length, zh: splits.zh.test.length },
    ours,
    baseline: { name: 'NLP.js SentimentAnalyzer (node-nlp 4, senticon lexicon)', ...nlpjs },
    accuracyGainOverBaseline: { en: delta('en'), zh: delta('zh') },
    chat: { ours: chatOurs, baseline: chatNlpjs },
    latencyMicros: latency,
    latencyRatioBaselineOverOurs: {
      en: round(latency.en.nlpjs.p50 / latency.en.ours.p50, 2),
      zh: round(latency.zh.nlpjs.p50 / latency.zh.ours.p50, 2),
    },
    modelBytes: bytes,
    trainingSeconds: trained.trainingSeconds,
    neutralBand: trained.neutralBand,
    node: process.version,
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'sentiment.json'), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(
    join(outDir, 'sentiment.md'),
    `# Sentiment — held-out review test split

Command: \`node -r @swc-node/register bench/nlu-extras/sentiment.ts\` (model \`${modelDir}\`, trained by
\`npm run cli -- train sentiment\`, seed ${trained.seed}). Test reviews: en ${splits.en.test.length}, zh ${splits.zh.test.length}
(never seen in training; identical texts removed before splitting). Binary = positive vs negative reviews by the sign
of the score (English 3-star reviews left out); 3-way = with the neutral band [${trained.neutralBand.low}, ${trained.neutralBand.high}]
and 3-star reviews as neutral. Baseline in the same run: NLP.js \`SentimentAnalyzer\`; it has no Chinese lexicon
(falls back to English and scores Chinese 0), so its Chinese rows are chance.

| model / language | n (binary) | accuracy | macro-F1 | AUC | 3-way accuracy | 3-way macro-F1 |
|---|---|---|---|---|---|---|
${row('ours — en', ours.en)}
${row('NLP.js — en', nlpjs.en)}
${row('ours — zh', ours.zh)}
${row('NLP.js — zh', nlpjs.zh)}

Binary accuracy gain over NLP.js: en +${(delta('en') * 100).toFixed(1)} points, zh +${(delta('zh') * 100).toFixed(1)} points.
English test reviews are mostly positive (use macro-F1 and AUC, not accuracy, to compare); Chinese ones are balanced.

## Held-out chat messages

\`src/nlu/sentiment/corpus/chat-sentiment.test.csv\` (${chat.length} shop-chat messages by writers who never saw the
training lines; negative, neutral and positive). Binary = negative vs positive messages by the sign of the score.

| model / language | n (binary) | accuracy | macro-F1 | AUC | 3-way accuracy | 3-way macro-F1 |
|---|---|---|---|---|---|---|
${row('ours — en', chatOurs.en)}
${row('NLP.js — en', chatNlpjs.en)}
${row('ours — zh', chatOurs.zh)}
${row('NLP.js — zh', chatNlpjs.zh)}

## Latency per text (µs, first 1000 test reviews; reviews are long — chat messages are shorter)
| | ours p50 | ours p99 | NLP.js p50 | NLP.js p99 | NLP.js / ours (p50) |
|---|---|---|---|---|---|
| en | ${latency.en.ours.p50} | ${latency.en.ours.p99} | ${latency.en.nlpjs.p50} | ${latency.en.nlpjs.p99} | ${result.latencyRatioBaselineOverOurs.en}× |
| zh | ${latency.zh.ours.p50} | ${latency.zh.ours.p99} | ${latency.zh.nlpjs.p50} | ${latency.zh.nlpjs.p99} | ${result.latencyRatioBaselineOverOurs.zh}× |

Model size ${(bytes / 1e6).toFixed(2)} MB (featurizer.json + sentiment.json); training ${trained.trainingSeconds} s
(from metrics.json, including dataset reading).
`,
  );
  process.stdout.write(
    JSON.stringify({
      ours: { en: ours.en?.binary, zh: ours.zh?.binary },
      gain: result.accuracyGainOverBaseline,
    }) + '\n',
  );
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
