import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { DomainError } from '../common/domain-error';
import { INTENT_GRAPH_IO } from '../training/onnx/intent-onnx-export';
import { Featurizer, FeaturizerConfig } from './featurizer';
import { OUT_OF_SCOPE, decideIntent } from './intent-decision';
import { INTENT_MODEL_FILES, IntentLabelsFile } from './intent-model-files';
import { Lang, detectLanguage } from './language';
import { SpellingCorrector } from './spelling';

export interface IntentAlternative {
  intent: string;
  confidence: number;
}

export interface IntentPrediction {
  lang: Lang;
  /** Most probable intent, or `oos` when the model declines. */
  intent: string;
  confidence: number;
  /** The three most probable in-scope intents, best first. */
  alternatives: IntentAlternative[];
  outOfScope: boolean;
  /** L2-normalised sentence embedding for template retrieval (cosine). */
  vector: number[];
}

export class IntentModelError extends DomainError {
  constructor(message: string) {
    super('INTENT_MODEL_UNAVAILABLE', message, 503);
  }
}

/** The trained intent classifier: featuriser in JS, network on onnxruntime-node. */
export class IntentModel {
  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly featurizer: Featurizer,
    private readonly spelling: SpellingCorrector,
    readonly labels: readonly string[],
    readonly threshold: number,
    readonly vectorDimension: number,
  ) {}

  /**
   * Loads a model directory written by `train intent`. Misspelt words are corrected towards the
   * model's vocabulary unless `correctSpelling` is false (the typo benchmark's baseline).
   */
  static async load(
    dir: string,
    options: { correctSpelling?: boolean } = {},
  ): Promise<IntentModel> {
    try {
      const [onnx, featurizerJson, labelsJson] = await Promise.all([
        readFile(join(dir, INTENT_MODEL_FILES.onnx)),
        readFile(join(dir, INTENT_MODEL_FILES.featurizer), 'utf8'),
        readFile(join(dir, INTENT_MODEL_FILES.labels), 'utf8'),
      ]);
      const featurizer = Featurizer.fromJSON(JSON.parse(featurizerJson) as FeaturizerConfig);
      const labels = JSON.parse(labelsJson) as IntentLabelsFile;
      if (!Array.isArray(labels.labels) || typeof labels.threshold !== 'number') {
        throw new Error(`${INTENT_MODEL_FILES.labels} lacks labels or threshold`);
      }
      const session = await ort.InferenceSession.create(onnx, {
        intraOpNumThreads: 1,
        interOpNumThreads: 1,
        graphOptimizationLevel: 'all',
      });
      return new IntentModel(
        session,
        featurizer,
        options.correctSpelling === false
          ? SpellingCorrector.none()
          : SpellingCorrector.forVocabulary(featurizer.config),
        labels.labels,
        labels.threshold,
        labels.vectorDimension,
      );
    } catch (error) {
      throw new IntentModelError(
        `cannot load intent model from ${dir}: ${(error as Error).message}`,
      );
    }
  }

  /** Term weights of the vocabulary the model was trained on (see `Featurizer.idfOf`). */
  get termWeights(): { idfOf: (feature: string) => number | undefined; maxIdf: number } {
    const featurizer = this.featurizer;
    return { idfOf: (feature) => featurizer.idfOf(feature), maxIdf: featurizer.maxIdf };
  }

  /** Raw network outputs for one text, its misspelt words corrected first. */
  async infer(
    text: string,
  ): Promise<{ probs: Float32Array; vector: Float32Array; features: number }> {
    const x = this.featurizer.transform(this.spelling.correct(text));
    const n = x.indices.length;
    const outputs = await this.session.run({
      [INTENT_GRAPH_IO.indices]: new ort.Tensor('int64', BigInt64Array.from(x.indices, BigInt), [
        n,
      ]),
      [INTENT_GRAPH_IO.values]: new ort.Tensor('float32', x.values, [n]),
    });
    return {
      probs: outputs[INTENT_GRAPH_IO.probs].data as Float32Array,
      vector: outputs[INTENT_GRAPH_IO.vector].data as Float32Array,
      // Known features besides the always-on bias.
      features: n - 1,
    };
  }

  /** Intent, confidence, alternatives, out-of-scope decision and vector; never throws on text. */
  async predict(text: string): Promise<IntentPrediction> {
    const safe = typeof text === 'string' ? text : '';
    const { probs, vector, features } = await this.infer(safe);
    const decision = decideIntent(probs, this.labels, this.threshold);
    // Text without a single known n-gram (empty, emoji only, unknown script) carries no intent.
    if (features === 0) decision.outOfScope = true;
    const alternatives = this.labels
      .map((intent, i) => ({ intent, confidence: round(probs[i]) }))
      .filter((a) => a.intent !== OUT_OF_SCOPE)
      .sort((a, b) => b.confidence - a.confidence)
      .slice(0, 3);
    return {
      lang: detectLanguage(safe.slice(0, 2000)),
      intent: decision.outOfScope ? OUT_OF_SCOPE : this.labels[decision.top],
      confidence: round(decision.confidence),
      alternatives,
      outOfScope: decision.outOfScope,
      vector: Array.from(vector),
    };
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
