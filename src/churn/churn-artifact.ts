import { Calibrator } from './calibration';
import { ChurnError } from './churn.errors';
import { EncodedColumn } from './feature-encoder';
import { DatasetSchema } from './feature-schema';
import { GbdtParams } from './gbdt-trainer';
import { RegressionTreeJson } from './regression-tree';

export const CHURN_MODEL_FORMAT = 'concierge-churn-gbdt';

/** Probability cut-offs of the risk tiers; `high` is the decision threshold. */
export interface RiskTiers {
  medium: number;
  high: number;
}

/** Everything `model.json` holds: enough to score and explain without the training code. */
export interface ChurnModelArtifact {
  format: typeof CHURN_MODEL_FORMAT;
  version: 1;
  createdAt: string;
  schema: DatasetSchema;
  columns: EncodedColumn[];
  baseScore: number;
  trees: RegressionTreeJson[];
  calibration: Calibrator;
  tiers: RiskTiers;
  params: GbdtParams;
  training: {
    rows: number;
    positives: number;
    earlyStoppingRounds: number;
    folds: number;
    seconds: number;
  };
}

export function checkArtifact(value: unknown, source: string): ChurnModelArtifact {
  const artifact = value as Partial<ChurnModelArtifact> | null;
  if (!artifact || artifact.format !== CHURN_MODEL_FORMAT || artifact.version !== 1) {
    throw new ChurnError('CHURN_MODEL', `${source}: not a churn model (format/version mismatch)`);
  }
  const fields: (keyof ChurnModelArtifact)[] = [
    'schema',
    'columns',
    'trees',
    'calibration',
    'tiers',
  ];
  for (const field of fields) {
    if (!artifact[field]) throw new ChurnError('CHURN_MODEL', `${source}: missing "${field}"`);
  }
  return artifact as ChurnModelArtifact;
}
