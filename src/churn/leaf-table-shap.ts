import { GbdtEnsemble } from './gbdt-ensemble';
import { RegressionTree } from './regression-tree';

/**
 * Exact path-dependent TreeSHAP from per-leaf tables (the idea of Fast TreeSHAP v2, Yang 2021),
 * giving the same values as `TreeShap` (Algorithm 2) in O(leaves × depth) per customer.
 *
 * For a leaf with value v whose path splits on the distinct columns U (|U| = d), let z_j be the
 * share of training rows kept by the splits on j, and P ⊆ U the columns where the customer
 * satisfies every split on j. With g(s) = Σ_k k!(d−k−1)!/d! · [t^k] Π_{j∈s}(t + z_j) and
 * T(s) = v · Π_{j∉s} z_j · g(s), the leaf adds (1 − z_i)/z_i · T(P∖{i}) to column i ∈ P and
 * −T(P) to every column i ∉ P. T depends only on the tree, so it is computed once, at load.
 */
export class LeafTableShap {
  /** Per leaf: first entry in the per-(leaf, column) arrays, and how many (d). */
  private readonly entryStart: Int32Array;
  private readonly entryCount: Int32Array;
  private readonly tableStart: Int32Array;
  private readonly column: Int32Array;
  private readonly lower: Float64Array;
  private readonly upper: Float64Array;
  private readonly missingHere: Uint8Array;
  /** (1 − z)/z of each (leaf, column). */
  private readonly ratio: Float64Array;
  private readonly table: Float64Array;

  constructor(model: GbdtEnsemble) {
    const leaves: LeafPath[] = [];
    for (const tree of model.trees) collectLeaves(tree, 0, new Map(), leaves);
    const entries = leaves.reduce((s, l) => s + l.columns.length, 0);
    const tableSize = leaves.reduce((s, l) => s + (1 << l.columns.length), 0);
    this.entryStart = new Int32Array(leaves.length);
    this.entryCount = new Int32Array(leaves.length);
    this.tableStart = new Int32Array(leaves.length);
    this.column = new Int32Array(entries);
    this.lower = new Float64Array(entries);
    this.upper = new Float64Array(entries);
    this.missingHere = new Uint8Array(entries);
    this.ratio = new Float64Array(entries);
    this.table = new Float64Array(tableSize);
    let e = 0;
    let t = 0;
    leaves.forEach((leaf, l) => {
      this.entryStart[l] = e;
      this.entryCount[l] = leaf.columns.length;
      this.tableStart[l] = t;
      for (const c of leaf.columns) {
        this.column[e] = c.column;
        this.lower[e] = c.lower;
        this.upper[e] = c.upper;
        this.missingHere[e] = c.missingHere ? 1 : 0;
        this.ratio[e] = (1 - c.zero) / c.zero;
        e++;
      }
      fillTable(leaf, this.table, t);
      t += 1 << leaf.columns.length;
    });
  }

  /** Adds the contributions of row `x` (from `offset`) into `phi`, one slot per column. */
  explainInto(x: ArrayLike<number>, phi: Float64Array, offset = 0): void {
    const { entryStart, entryCount, tableStart, column, lower, upper, missingHere, ratio, table } =
      this;
    for (let l = 0; l < entryStart.length; l++) {
      const start = entryStart[l];
      const d = entryCount[l];
      let mask = 0;
      for (let j = 0; j < d; j++) {
        const v = x[offset + column[start + j]];
        const hot =
          v !== v ? missingHere[start + j] === 1 : v > lower[start + j] && v <= upper[start + j];
        if (hot) mask |= 1 << j;
      }
      const base = tableStart[l];
      const cold = table[base + mask];
      for (let j = 0; j < d; j++) {
        const bit = 1 << j;
        phi[column[start + j]] +=
          mask & bit ? ratio[start + j] * table[base + (mask ^ bit)] : -cold;
      }
    }
  }
}

interface PathColumn {
  column: number;
  /** The customer reaches the leaf on this column iff lower < x ≤ upper (or x missing and missingHere). */
  lower: number;
  upper: number;
  missingHere: boolean;
  zero: number;
}

interface LeafPath {
  value: number;
  columns: PathColumn[];
}

function collectLeaves(
  tree: RegressionTree,
  node: number,
  path: Map<number, PathColumn>,
  out: LeafPath[],
): void {
  if (tree.left[node] < 0) {
    out.push({ value: tree.value[node], columns: [...path.values()].map((c) => ({ ...c })) });
    return;
  }
  const column = tree.feature[node];
  const threshold = tree.threshold[node];
  for (const goLeft of [true, false]) {
    const child = goLeft ? tree.left[node] : tree.right[node];
    const previous = path.get(column);
    const current: PathColumn = previous
      ? { ...previous }
      : { column, lower: -Infinity, upper: Infinity, missingHere: true, zero: 1 };
    if (goLeft) current.upper = Math.min(current.upper, threshold);
    else current.lower = Math.max(current.lower, threshold);
    current.missingHere &&= (tree.defaultLeft[node] === 1) === goLeft;
    current.zero *= tree.cover[child] / tree.cover[node];
    path.set(column, current);
    collectLeaves(tree, child, path, out);
    if (previous) path.set(column, previous);
    else path.delete(column);
  }
}

/** T(s) for every subset s of the leaf's columns (bit j = j-th column). */
function fillTable(leaf: LeafPath, table: Float64Array, at: number): void {
  const d = leaf.columns.length;
  const weight = shapleyWeights(d);
  // poly[s] = coefficients of Π_{j∈s}(t + z_j), built from s without its lowest bit.
  const poly: Float64Array[] = [Float64Array.of(1)];
  for (let s = 1; s < 1 << d; s++) {
    const j = 31 - Math.clz32(s & -s);
    const prev = poly[s & (s - 1)];
    const z = leaf.columns[j].zero;
    const next = new Float64Array(prev.length + 1);
    for (let k = 0; k < prev.length; k++) {
      next[k] += prev[k] * z;
      next[k + 1] += prev[k];
    }
    poly[s] = next;
  }
  for (let s = 0; s < 1 << d; s++) {
    let g = 0;
    for (let k = 0; k < poly[s].length && k < d; k++) g += weight[k] * poly[s][k];
    let outside = 1;
    for (let j = 0; j < d; j++) if (!(s & (1 << j))) outside *= leaf.columns[j].zero;
    table[at + s] = leaf.value * outside * g;
  }
}

/** k!(d−k−1)!/d! for k = 0..d−1. */
function shapleyWeights(d: number): Float64Array {
  const w = new Float64Array(Math.max(d, 1));
  for (let k = 0; k < d; k++) {
    let v = 1 / d;
    // k!(d−k−1)!/d! = 1 / (d · C(d−1, k))
    for (let i = 1; i <= k; i++) v *= i / (d - i);
    w[k] = v;
  }
  return w;
}
