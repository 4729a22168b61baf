import { ChurnError } from './churn.errors';
import { GbdtEnsemble, sigmoid } from './gbdt-ensemble';
import { binMatrix, fitCuts } from './histogram-binner';
import { SeededRandom } from './seeded-random';
import { TreeBuilder, TreeParams } from './tree-builder';
import { RegressionTree, leafIndex } from './regression-tree';

export interface GbdtParams extends TreeParams {
  /** Upper bound on boosting rounds; early stopping usually ends sooner. */
  rounds: number;
  /** Fraction of rows each tree sees. */
  subsample: number;
  /** Fraction of columns each tree may split on. */
  colsampleByTree: number;
  maxBins: number;
  /** Stop after this many rounds without a better validation log loss. */
  earlyStoppingRounds: number;
  seed: number;
}

export const DEFAULT_GBDT_PARAMS: GbdtParams = {
  rounds: 1000,
  learningRate: 0.05,
  maxDepth: 8,
  maxLeaves: 48,
  minChildWeight: 0.5,
  minSamplesLeaf: 2,
  lambda: 1,
  minSplitGain: 0,
  subsample: 0.9,
  colsampleByTree: 0.8,
  maxBins: 128,
  earlyStoppingRounds: 50,
  seed: 42,
};

export interface Matrix {
  x: Float64Array;
  y: Uint8Array;
}

export interface GbdtTrainingLog {
  rounds: number;
  bestRound: number;
  bestValidLoss: number | null;
}

/**
 * Logistic-loss gradient boosting. `x` is row-major with `width` columns, NaN = missing.
 * With `valid`, keeps the prefix of trees with the lowest validation log loss.
 */
export function trainGbdt(
  train: Matrix,
  width: number,
  params: GbdtParams,
  valid?: Matrix,
): { model: GbdtEnsemble; log: GbdtTrainingLog } {
  const n = train.y.length;
  if (n === 0 || train.x.length !== n * width) {
    throw new ChurnError('CHURN_TRAINING', 'training matrix is empty or malformed');
  }
  const positives = train.y.reduce((s, v) => s + v, 0);
  if (positives === 0 || positives === n) {
    throw new ChurnError(
      'CHURN_TRAINING',
      'training data needs both churned and retained customers',
    );
  }
  const data = binMatrix(train.x, n, width, fitCuts(train.x, n, width, params.maxBins));
  const builder = new TreeBuilder(data, params);
  const random = new SeededRandom(params.seed);
  const base = Math.log(positives / (n - positives));
  const margin = new Float64Array(n).fill(base);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const trees: RegressionTree[] = [];
  const nValid = valid ? valid.y.length : 0;
  const validMargin = new Float64Array(nValid).fill(base);
  let bestLoss = Infinity;
  let bestRound = 0;
  const allCols = Int32Array.from({ length: width }, (_, i) => i);
  const nCols = Math.max(1, Math.round(params.colsampleByTree * width));
  const rowBuffer = new Int32Array(n);

  for (let round = 0; round < params.rounds; round++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(margin[i]);
      grad[i] = p - train.y[i];
      hess[i] = Math.max(p * (1 - p), 1e-16);
    }
    let m = 0;
    for (let i = 0; i < n; i++)
      if (params.subsample >= 1 || random.next() < params.subsample) rowBuffer[m++] = i;
    // A tree fitted on no rows would have zero cover, which TreeSHAP cannot weigh.
    if (m === 0) for (; m < n; m++) rowBuffer[m] = m;
    const cols =
      nCols === width
        ? allCols
        : Int32Array.from(random.shuffle(Array.from(allCols)).slice(0, nCols)).sort();
    const { tree, splitBin } = builder.build(grad, hess, rowBuffer.subarray(0, m), cols);
    trees.push(tree);
    for (let i = 0; i < n; i++)
      margin[i] += tree.value[binnedLeaf(tree, splitBin, data.bins, data.nBins, i * width)];
    if (!valid) continue;
    let loss = 0;
    for (let i = 0; i < nValid; i++) {
      validMargin[i] += tree.value[leafIndex(tree, valid.x, i * width)];
      loss += logLoss(validMargin[i], valid.y[i]);
    }
    loss /= nValid;
    if (loss < bestLoss - 1e-12) {
      bestLoss = loss;
      bestRound = round + 1;
    } else if (round + 1 - bestRound >= params.earlyStoppingRounds) {
      break;
    }
  }
  const rounds = trees.length;
  const kept = valid ? trees.slice(0, bestRound) : trees;
  return {
    model: { baseScore: base, trees: kept },
    log: { rounds, bestRound: kept.length, bestValidLoss: valid ? bestLoss : null },
  };
}

/** Same routing as `leafIndex` but on bin codes, so training rows need no raw lookups. */
function binnedLeaf(
  tree: RegressionTree,
  splitBin: Int32Array,
  bins: Uint8Array,
  nBins: Int32Array,
  offset: number,
) {
  let node = 0;
  while (tree.left[node] >= 0) {
    const c = tree.feature[node];
    const b = bins[offset + c];
    const goLeft = b === nBins[c] ? tree.defaultLeft[node] === 1 : b <= splitBin[node];
    node = goLeft ? tree.left[node] : tree.right[node];
  }
  return node;
}

/** Numerically stable log loss of one row given its margin. */
export function logLoss(margin: number, label: number): number {
  const z = label ? -margin : margin;
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}
