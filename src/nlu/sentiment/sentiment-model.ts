import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../common/domain-error';
import { Featurizer, FeaturizerConfig, SparseVector } from '../featurizer';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface SentimentResult {
  /** -1 (very negative) … 1 (very positive); `tanh` of half the logistic regression logit. */
  score: number;
  label: SentimentLabel;
}

/** Serialised weights of the sentiment model (`sentiment.json` beside `featurizer.json`). */
export interface SentimentWeights {
  version: 1;
  /** One weight per featuriser index (index 0 is the bias feature). */
  weights: number[];
  /** Scores inside [low, high] are labelled neutral. */
  neutralBand: { low: number; high: number };
}

export const SENTIMENT_WEIGHTS_FILE = 'sentiment.json';
/**
 * A complaint scored at or below this goes straight to a person (the dialogue policy's default);
 * the model card reports how well it finds negative chat messages.
 */
export const NEGATIVE_ESCALATION_SCORE = -0.35;
export const FEATURIZER_FILE = 'featurizer.json';

export class SentimentModelError extends DomainError {
  constructor(message: string) {
    super('SENTIMENT_MODEL_INVALID', message, 500);
  }
}

/** Shopper-message sentiment for English and Chinese: a linear model on tf-idf n-grams. */
export class SentimentModel {
  private readonly weights: Float32Array;

  constructor(
    readonly featurizer: Featurizer,
    readonly config: SentimentWeights,
  ) {
    if (config?.version !== 1 || config.weights?.length !== featurizer.dimension) {
      throw new SentimentModelError(
        `sentiment weights do not match the featurizer (${config?.weights?.length} vs ${featurizer.dimension})`,
      );
    }
    this.weights = Float32Array.from(config.weights);
  }

  /** Loads `featurizer.json` and `sentiment.json` from a model directory. */
  static load(dir: string): SentimentModel {
    const read = (file: string): unknown => {
      try {
        return JSON.parse(readFileSync(join(dir, file), 'utf8'));
      } catch (error) {
        throw new SentimentModelError(
          `cannot read ${join(dir, file)}: ${(error as Error).message}`,
        );
      }
    };
    let featurizer: Featurizer;
    try {
      featurizer = Featurizer.fromJSON(read(FEATURIZER_FILE) as FeaturizerConfig);
    } catch (error) {
      if (error instanceof SentimentModelError) throw error;
      throw new SentimentModelError(`${join(dir, FEATURIZER_FILE)}: ${(error as Error).message}`);
    }
    return new SentimentModel(featurizer, read(SENTIMENT_WEIGHTS_FILE) as SentimentWeights);
  }

  /** Logit of "positive" for an already featurised text. */
  logit(x: SparseVector): number {
    let z = 0;
    for (let k = 0; k < x.indices.length; k++) z += this.weights[x.indices[k]] * x.values[k];
    return z;
  }

  labelOf(score: number): SentimentLabel {
    const { low, high } = this.config.neutralBand;
    return score < low ? 'negative' : score > high ? 'positive' : 'neutral';
  }

  /**
   * Sentiment of a message. Text without any known n-gram (empty, emoji the model never saw,
   * another script) scores near 0, i.e. neutral. Never throws.
   */
  score(text: string): SentimentResult {
    const x = this.featurizer.transform(typeof text === 'string' ? text : '');
    // Only the bias feature: nothing the model knows, so no opinion.
    if (x.indices.length <= 1) return { score: 0, label: 'neutral' };
    const score = Math.tanh(this.logit(x) / 2);
    const rounded = Math.round(score * 1e4) / 1e4;
    return { score: rounded, label: this.labelOf(rounded) };
  }
}
