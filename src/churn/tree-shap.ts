import { GbdtEnsemble } from './gbdt-ensemble';
import { maxDepth, RegressionTree } from './regression-tree';

/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, Algorithm 2), following the
 * reference implementation in the `shap` package. For one row, `phi[c]` is the Shapley value of
 * column c for the margin, so `Σ phi + ensembleExpectedValue(model) = margin` exactly.
 * Buffers are allocated once per model so scoring a customer allocates nothing.
 */
export class TreeShap {
  private readonly feature: Int32Array;
  private readonly zero: Float64Array;
  private readonly one: Float64Array;
  private readonly weight: Float64Array;

  constructor(private readonly model: GbdtEnsemble) {
    const depth = model.trees.reduce((d, t) => Math.max(d, maxDepth(t)), 0);
    // One path copy per recursion level, each up to depth + 2 long.
    const size = ((depth + 2) * (depth + 3)) / 2 + depth + 3;
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.weight = new Float64Array(size);
  }

  /** Adds the contributions of row `x` (starting at `offset`) into `phi` (one slot per column). */
  explainInto(x: ArrayLike<number>, phi: Float64Array, offset = 0): void {
    for (const tree of this.model.trees) {
      this.recurse(tree, x, offset, phi, 0, 0, 0, 1, 1, -1);
    }
  }

  private recurse(
    tree: RegressionTree,
    x: ArrayLike<number>,
    offset: number,
    phi: Float64Array,
    node: number,
    depth: number,
    parentStart: number,
    zeroFraction: number,
    oneFraction: number,
    featureIndex: number,
  ): void {
    // Each level works on its own copy of the parent's path (its first `depth` elements),
    // placed right after them, so the parent's path is intact for its second child.
    const path = depth === 0 ? 0 : parentStart + depth;
    if (depth > 0) {
      this.feature.copyWithin(path, parentStart, parentStart + depth);
      this.zero.copyWithin(path, parentStart, parentStart + depth);
      this.one.copyWithin(path, parentStart, parentStart + depth);
      this.weight.copyWithin(path, parentStart, parentStart + depth);
    }
    this.extend(path, depth, zeroFraction, oneFraction, featureIndex);

    if (tree.left[node] < 0) {
      const value = tree.value[node];
      for (let i = 1; i <= depth; i++) {
        const w = this.unwoundSum(path, depth, i);
        phi[this.feature[path + i]] += w * (this.one[path + i] - this.zero[path + i]) * value;
      }
      return;
    }
    const split = tree.feature[node];
    const v = x[offset + split];
    const goesLeft = v !== v ? tree.defaultLeft[node] === 1 : v <= tree.threshold[node];
    const hot = goesLeft ? tree.left[node] : tree.right[node];
    const cold = goesLeft ? tree.right[node] : tree.left[node];
    const cover = tree.cover[node];
    let incomingZero = 1;
    let incomingOne = 1;
    let unique = depth;
    let k = 0;
    while (k <= unique && this.feature[path + k] !== split) k++;
    if (k <= unique) {
      incomingZero = this.zero[path + k];
      incomingOne = this.one[path + k];
      this.unwind(path, unique, k);
      unique--;
    }
    this.recurse(
      tree,
      x,
      offset,
      phi,
      hot,
      unique + 1,
      path,
      (tree.cover[hot] / cover) * incomingZero,
      incomingOne,
      split,
    );
    this.recurse(
      tree,
      x,
      offset,
      phi,
      cold,
      unique + 1,
      path,
      (tree.cover[cold] / cover) * incomingZero,
      0,
      split,
    );
  }

  private extend(
    path: number,
    depth: number,
    zeroFraction: number,
    oneFraction: number,
    feature: number,
  ): void {
    const w = this.weight;
    this.feature[path + depth] = feature;
    this.zero[path + depth] = zeroFraction;
    this.one[path + depth] = oneFraction;
    w[path + depth] = depth === 0 ? 1 : 0;
    for (let i = depth - 1; i >= 0; i--) {
      w[path + i + 1] += (oneFraction * w[path + i] * (i + 1)) / (depth + 1);
      w[path + i] = (zeroFraction * w[path + i] * (depth - i)) / (depth + 1);
    }
  }

  private unwind(path: number, depth: number, index: number): void {
    const w = this.weight;
    const one = this.one[path + index];
    const zero = this.zero[path + index];
    let next = w[path + depth];
    for (let i = depth - 1; i >= 0; i--) {
      if (one !== 0) {
        const tmp = w[path + i];
        w[path + i] = (next * (depth + 1)) / ((i + 1) * one);
        next = tmp - (w[path + i] * zero * (depth - i)) / (depth + 1);
      } else {
        w[path + i] = (w[path + i] * (depth + 1)) / (zero * (depth - i));
      }
    }
    for (let i = index; i < depth; i++) {
      this.feature[path + i] = this.feature[path + i + 1];
      this.zero[path + i] = this.zero[path + i + 1];
      this.one[path + i] = this.one[path + i + 1];
    }
  }

  /** Σ of the path weights after unwinding element `index`, without modifying the path. */
  private unwoundSum(path: number, depth: number, index: number): number {
    const w = this.weight;
    const one = this.one[path + index];
    const zero = this.zero[path + index];
    let next = w[path + depth];
    let total = 0;
    if (one !== 0) {
      for (let i = depth - 1; i >= 0; i--) {
        const tmp = (next * (depth + 1)) / ((i + 1) * one);
        total += tmp;
        next = w[path + i] - (tmp * zero * (depth - i)) / (depth + 1);
      }
    } else {
      for (let i = depth - 1; i >= 0; i--) {
        total += (w[path + i] * (depth + 1)) / (zero * (depth - i));
      }
    }
    return total;
  }
}
