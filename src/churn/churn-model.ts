import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { calibrate, Calibrator } from './calibration';
import { ChurnModelArtifact, checkArtifact, RiskTiers } from './churn-artifact';
import { ChurnError } from './churn.errors';
import { describeFeature } from './explanation';
import { FeatureEncoder } from './feature-encoder';
import { CustomerFeatures, FeatureSpec, FeatureValue } from './feature-schema';
import { ensembleExpectedValue, ensembleMargin, GbdtEnsemble } from './gbdt-ensemble';
import { treeFromJson } from './regression-tree';
import { LeafTableShap } from './leaf-table-shap';

export type RiskTier = 'low' | 'medium' | 'high';

export interface ChurnContribution {
  feature: string;
  value: FeatureValue;
  /** Effect on the margin (log-odds); positive raises the churn risk. */
  contribution: number;
  text: string;
}

export interface ChurnScore {
  probability: number;
  tier: RiskTier;
  /** Raw model output (log-odds) = baseValue + Σ contributions. */
  margin: number;
  baseValue: number;
  /** Largest effects first. */
  contributions: ChurnContribution[];
}

export interface ScoreOptions {
  /** Keep only the strongest factors (default: all features). */
  top?: number;
  /** Skip the TreeSHAP explanation (contributions = []) when only the risk is needed. */
  explain?: boolean;
}

/**
 * A trained churn model: scores one customer's plain feature object (as a processor would
 * assemble it) and explains the score with exact TreeSHAP contributions per feature.
 */
export class ChurnModel {
  readonly baseValue: number;
  readonly tiers: RiskTiers;
  private readonly encoder: FeatureEncoder;
  private readonly ensemble: GbdtEnsemble;
  private readonly calibrator: Calibrator;
  private readonly shap: LeafTableShap;
  private readonly owner: Int32Array;
  private readonly specs: FeatureSpec[];
  private readonly row: Float64Array;
  private readonly phi: Float64Array;

  constructor(readonly artifact: ChurnModelArtifact) {
    this.encoder = FeatureEncoder.restore(artifact.schema, artifact.columns);
    this.ensemble = { baseScore: artifact.baseScore, trees: artifact.trees.map(treeFromJson) };
    for (const tree of this.ensemble.trees) {
      for (let n = 0; n < tree.feature.length; n++) {
        if (tree.left[n] >= 0 && !(tree.feature[n] >= 0 && tree.feature[n] < this.encoder.width)) {
          throw new ChurnError('CHURN_MODEL', 'model tree refers to an unknown column');
        }
      }
    }
    this.calibrator = artifact.calibration;
    this.tiers = artifact.tiers;
    this.shap = new LeafTableShap(this.ensemble);
    this.owner = this.encoder.featureOfColumn();
    this.specs = artifact.schema.features;
    this.baseValue = ensembleExpectedValue(this.ensemble);
    this.row = new Float64Array(this.encoder.width);
    this.phi = new Float64Array(this.encoder.width);
  }

  /** Reads `model.json` from a model directory written by `train churn`. */
  static load(dir: string): ChurnModel {
    const path = join(dir, 'model.json');
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new ChurnError(
        'CHURN_MODEL',
        `${path}: cannot read model (${(error as Error).message})`,
      );
    }
    return new ChurnModel(checkArtifact(parsed, path));
  }

  /** Raw margin only: for bulk evaluation where explanations are not needed. */
  margin(features: CustomerFeatures): number {
    this.encoder.encodeInto(features, this.row);
    return ensembleMargin(this.ensemble, this.row);
  }

  probabilityOf(margin: number): number {
    return calibrate(this.calibrator, margin);
  }

  tierOf(probability: number): RiskTier {
    if (probability >= this.tiers.high) return 'high';
    return probability >= this.tiers.medium ? 'medium' : 'low';
  }

  score(features: CustomerFeatures, options: ScoreOptions = {}): ChurnScore {
    const margin = this.margin(features);
    const probability = this.probabilityOf(margin);
    const scored = {
      probability,
      tier: this.tierOf(probability),
      margin,
      baseValue: this.baseValue,
    };
    if (options.explain === false) return { ...scored, contributions: [] };
    this.phi.fill(0);
    this.shap.explainInto(this.row, this.phi);
    const perFeature = new Float64Array(this.specs.length);
    for (let c = 0; c < this.phi.length; c++) perFeature[this.owner[c]] += this.phi[c];
    const order = Array.from(perFeature.keys()).sort(
      (a, b) => Math.abs(perFeature[b]) - Math.abs(perFeature[a]) || a - b,
    );
    const top = Math.min(order.length, options.top ?? order.length);
    const contributions: ChurnContribution[] = [];
    for (let k = 0; k < top; k++) {
      const spec = this.specs[order[k]];
      const value = features[spec.name];
      contributions.push({
        feature: spec.name,
        value: value === undefined ? null : value,
        contribution: perFeature[order[k]],
        text: describeFeature(spec, value),
      });
    }
    return { ...scored, contributions };
  }
}
