import { calibrate, CalibrationKind, fitCalibrator } from './calibration';
import { CHURN_MODEL_FORMAT, ChurnModelArtifact, RiskTiers } from './churn-artifact';
import { ChurnDataset } from './churn-dataset';
import { stratifiedFolds, stratifiedSplit } from './dataset-split';
import { FeatureEncoder } from './feature-encoder';
import { ensembleMargins } from './gbdt-ensemble';
import { DEFAULT_GBDT_PARAMS, GbdtParams, Matrix, trainGbdt } from './gbdt-trainer';
import { treeToJson } from './regression-tree';
import { bestF1Threshold, ChurnMetrics, evaluate } from './metrics';

export interface ChurnTrainingOptions {
  params: GbdtParams;
  calibration: CalibrationKind;
  /** Folds whose out-of-fold predictions fit the calibration and the threshold. */
  folds: number;
  /** Share of the training rows held out to pick the number of trees. */
  validationFraction: number;
}

export const DEFAULT_TRAINING_OPTIONS: ChurnTrainingOptions = {
  params: DEFAULT_GBDT_PARAMS,
  calibration: 'isotonic',
  folds: 5,
  validationFraction: 0.2,
};

export interface TrainedChurnModel {
  artifact: ChurnModelArtifact;
  /** Out-of-fold metrics on the training file (never on the rows a fold model saw). */
  validation: ChurnMetrics;
}

/**
 * The whole recipe, using only the given (training) rows:
 * 1. hold out a stratified validation share and boost until its log loss stops improving;
 * 2. with that many trees, K-fold out-of-fold margins → calibration curve and the F1-best
 *    threshold (sklearn's CalibratedClassifierCV with ensemble=False does the same);
 * 3. refit on every row with that many trees.
 */
export function trainChurnModel(
  dataset: ChurnDataset,
  options: ChurnTrainingOptions = DEFAULT_TRAINING_OPTIONS,
  log: (line: string) => void = () => undefined,
): TrainedChurnModel {
  const started = performance.now();
  const { params } = options;
  const encoder = FeatureEncoder.fit(dataset.schema, dataset.rows);
  const width = encoder.width;
  const x = encoder.encodeRows(dataset.rows);
  const y = dataset.labels;
  const take = (rows: number[]): Matrix => ({
    x: gatherRows(x, width, rows),
    y: Uint8Array.from(rows, (r) => y[r]),
  });

  // Identical rows (same customer exported twice) stay on one side of every held-out part.
  const inner = stratifiedSplit(y, options.validationFraction, params.seed, dataset.rowKeys);
  const early = trainGbdt(take(inner.train), width, params, take(inner.test));
  const rounds = Math.max(1, early.log.bestRound);
  log(
    `early stopping: ${rounds} trees (validation log loss ${early.log.bestValidLoss?.toFixed(4)})`,
  );

  const fixed: GbdtParams = { ...params, rounds };
  const oof = new Float64Array(y.length);
  stratifiedFolds(y, options.folds, params.seed, dataset.rowKeys).forEach((fold, k) => {
    const { model } = trainGbdt(take(fold.train), width, fixed);
    const margins = ensembleMargins(model, take(fold.test).x, width);
    fold.test.forEach((row, i) => (oof[row] = margins[i]));
    log(`fold ${k + 1}/${options.folds} done`);
  });
  const calibrator = fitCalibrator(options.calibration, oof, y);
  const oofProbabilities = Float64Array.from(oof, (m) => calibrate(calibrator, m));
  const threshold = bestF1Threshold(oofProbabilities, y);
  const validation = evaluate(oofProbabilities, y, threshold);

  const { model } = trainGbdt({ x, y }, width, fixed);
  const positives = validation.positives;
  const artifact: ChurnModelArtifact = {
    format: CHURN_MODEL_FORMAT,
    version: 1,
    createdAt: new Date().toISOString(),
    schema: dataset.schema,
    columns: encoder.columns,
    baseScore: model.baseScore,
    trees: model.trees.map(treeToJson),
    calibration: calibrator,
    tiers: riskTiers(threshold, positives / y.length),
    params,
    training: {
      rows: y.length,
      positives,
      earlyStoppingRounds: rounds,
      folds: options.folds,
      seconds: (performance.now() - started) / 1000,
    },
  };
  return { artifact, validation };
}

/**
 * High = at or above the F1-best threshold; medium = riskier than the average customer
 * (the training churn rate), or half the threshold when that rate is already above it.
 */
function riskTiers(threshold: number, baseRate: number): RiskTiers {
  return { high: threshold, medium: baseRate < threshold ? baseRate : threshold / 2 };
}

function gatherRows(x: Float64Array, width: number, rows: number[]): Float64Array {
  const out = new Float64Array(rows.length * width);
  rows.forEach((r, i) => out.set(x.subarray(r * width, (r + 1) * width), i * width));
  return out;
}
