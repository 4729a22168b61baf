import { SentimentExample, SentimentLang } from './sentiment-corpus';
import {
  BinaryMetrics,
  binaryMetrics,
  ThreeWayMetrics,
  threeWayMetrics,
} from './sentiment-metrics';
import { SentimentLabel, SentimentResult } from './sentiment-model';

export interface LanguageEvaluation {
  /** Positive vs negative reviews, by the sign of the score. */
  binary: BinaryMetrics;
  /** Negative / neutral / positive with the neutral band (English only: 3-star reviews). */
  threeWay?: ThreeWayMetrics;
}

const POLARITY: Record<SentimentLabel, number> = { negative: -1, neutral: 0, positive: 1 };

/** Held-out metrics per language of any scorer (the model, or a baseline). */
export function evaluateSentiment(
  scorer: (text: string) => SentimentResult,
  test: readonly SentimentExample[],
): Partial<Record<SentimentLang, LanguageEvaluation>> {
  const out: Partial<Record<SentimentLang, LanguageEvaluation>> = {};
  for (const lang of ['en', 'zh'] as const) {
    const rows = test.filter((e) => e.lang === lang);
    if (rows.length === 0) continue;
    const results = rows.map((e) => scorer(e.text));
    const gold = rows.map((e) => e.polarity);
    const evaluation: LanguageEvaluation = {
      binary: binaryMetrics(
        results.map((r) => r.score),
        gold,
      ),
    };
    if (gold.includes(0)) {
      evaluation.threeWay = threeWayMetrics(
        results.map((r) => POLARITY[r.label]),
        gold,
      );
    }
    out[lang] = evaluation;
  }
  return out;
}
