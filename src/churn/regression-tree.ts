/**
 * One boosted tree in flat arrays (node 0 is the root). Internal nodes send `x ≤ threshold`
 * left and a missing (NaN) value to the side chosen in training; leaves have `left = -1`.
 */
export interface RegressionTree {
  feature: Int32Array;
  threshold: Float64Array;
  defaultLeft: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  /** Leaf output (learning rate already applied); 0 on internal nodes. */
  value: Float64Array;
  /** Training rows that reached the node; TreeSHAP weighs unknown branches by it. */
  cover: Float64Array;
}

export interface RegressionTreeJson {
  feature: number[];
  threshold: number[];
  defaultLeft: number[];
  left: number[];
  right: number[];
  value: number[];
  cover: number[];
}

/** Leaf reached by the row starting at `offset` of `x`. */
export function leafIndex(tree: RegressionTree, x: ArrayLike<number>, offset = 0): number {
  let node = 0;
  while (tree.left[node] >= 0) {
    const v = x[offset + tree.feature[node]];
    if (v !== v) node = tree.defaultLeft[node] ? tree.left[node] : tree.right[node];
    else node = v <= tree.threshold[node] ? tree.left[node] : tree.right[node];
  }
  return node;
}

/** Mean output over the training rows (cover-weighted), the tree's share of the base value. */
export function expectedValue(tree: RegressionTree): number {
  let sum = 0;
  for (let n = 0; n < tree.value.length; n++) {
    if (tree.left[n] < 0) sum += tree.value[n] * tree.cover[n];
  }
  return sum / tree.cover[0];
}

export function maxDepth(tree: RegressionTree, node = 0): number {
  if (tree.left[node] < 0) return 0;
  return 1 + Math.max(maxDepth(tree, tree.left[node]), maxDepth(tree, tree.right[node]));
}

export function treeToJson(tree: RegressionTree): RegressionTreeJson {
  return {
    feature: Array.from(tree.feature),
    threshold: Array.from(tree.threshold),
    defaultLeft: Array.from(tree.defaultLeft),
    left: Array.from(tree.left),
    right: Array.from(tree.right),
    value: Array.from(tree.value),
    cover: Array.from(tree.cover),
  };
}

export function treeFromJson(json: RegressionTreeJson): RegressionTree {
  return {
    feature: Int32Array.from(json.feature),
    threshold: Float64Array.from(json.threshold),
    defaultLeft: Uint8Array.from(json.defaultLeft),
    left: Int32Array.from(json.left),
    right: Int32Array.from(json.right),
    value: Float64Array.from(json.value),
    cover: Float64Array.from(json.cover),
  };
}
