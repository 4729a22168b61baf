import { expectedValue, leafIndex, RegressionTree } from './regression-tree';

/** Boosted trees on the logit scale: margin = baseScore + Σ tree outputs. */
export interface GbdtEnsemble {
  baseScore: number;
  trees: RegressionTree[];
}

export function ensembleMargin(model: GbdtEnsemble, x: ArrayLike<number>, offset = 0): number {
  let margin = model.baseScore;
  for (const tree of model.trees) margin += tree.value[leafIndex(tree, x, offset)];
  return margin;
}

/** Margins of every row of a row-major matrix with `width` columns. */
export function ensembleMargins(model: GbdtEnsemble, x: Float64Array, width: number): Float64Array {
  const rows = x.length / width;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) out[r] = ensembleMargin(model, x, r * width);
  return out;
}

/** The margin of an "average" training customer; SHAP contributions are measured from it. */
export function ensembleExpectedValue(model: GbdtEnsemble): number {
  return model.trees.reduce((sum, tree) => sum + expectedValue(tree), model.baseScore);
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
