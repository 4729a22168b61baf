import { ChurnDataset } from '../../src/churn/churn-dataset';
import { stratifiedFolds } from '../../src/churn/dataset-split';
import { FeatureEncoder } from '../../src/churn/feature-encoder';
import { CustomerFeatures } from '../../src/churn/feature-schema';
import { sigmoid } from '../../src/churn/gbdt-ensemble';
import {
  DEFAULT_LOGISTIC_PARAMS,
  logisticMargin,
  LogisticModel,
  trainLogistic,
} from '../../src/churn/logistic-regression';
import { bestF1Threshold, rocAuc } from '../../src/churn/metrics';

const L2_GRID = [0.1, 1, 10, 100];
const FOLDS = 5;

export interface LogisticBaseline {
  l2: number;
  threshold: number;
  probabilities(test: ChurnDataset): number[];
  /** One customer, as a live scorer would call it (for the latency comparison). */
  probability(features: CustomerFeatures): number;
}

/**
 * The baseline gets the same care as the trees: L2 strength and F1 threshold both chosen from
 * 5-fold out-of-fold predictions on the training split, then a refit on all of it.
 */
export function trainLogisticBaseline(train: ChurnDataset, seed: number): LogisticBaseline {
  const encoder = FeatureEncoder.fit(train.schema, train.rows);
  const width = encoder.width;
  const x = encoder.encodeRows(train.rows);
  const y = train.labels;
  const folds = stratifiedFolds(y, FOLDS, seed, train.rowKeys);
  const rowsOf = (rows: number[]) => {
    const out = new Float64Array(rows.length * width);
    rows.forEach((r, i) => out.set(x.subarray(r * width, (r + 1) * width), i * width));
    return out;
  };
  let best = { l2: L2_GRID[0], auc: -1, oof: new Float64Array(0) };
  for (const l2 of L2_GRID) {
    const oof = new Float64Array(y.length);
    for (const fold of folds) {
      const model = trainLogistic(
        rowsOf(fold.train),
        Uint8Array.from(fold.train, (r) => y[r]),
        width,
        {
          ...DEFAULT_LOGISTIC_PARAMS,
          l2,
        },
      );
      fold.test.forEach((r) => (oof[r] = sigmoid(logisticMargin(model, x, r * width))));
    }
    const auc = rocAuc(oof, y);
    if (auc > best.auc) best = { l2, auc, oof };
  }
  const model: LogisticModel = trainLogistic(x, y, width, {
    ...DEFAULT_LOGISTIC_PARAMS,
    l2: best.l2,
  });
  return {
    l2: best.l2,
    threshold: bestF1Threshold(best.oof, y),
    probabilities(test) {
      const xt = encoder.encodeRows(test.rows);
      return test.rows.map((_, r) => sigmoid(logisticMargin(model, xt, r * width)));
    },
    probability(features) {
      const row = new Float64Array(width);
      encoder.encodeInto(features, row);
      return sigmoid(logisticMargin(model, row));
    },
  };
}
