import { BinnedMatrix } from './histogram-binner';
import { RegressionTree } from './regression-tree';

export interface TreeParams {
  maxDepth: number;
  maxLeaves: number;
  /** Smallest hessian sum a child may have (XGBoost's min_child_weight). */
  minChildWeight: number;
  minSamplesLeaf: number;
  /** L2 penalty on leaf values. */
  lambda: number;
  /** Smallest loss reduction worth a split (XGBoost's gamma). */
  minSplitGain: number;
  learningRate: number;
}

/** A tree plus the bin index of each split, to route binned training rows without raw values. */
export interface BuiltTree {
  tree: RegressionTree;
  splitBin: Int32Array;
}

interface Split {
  gain: number;
  col: number;
  bin: number;
  defaultLeft: boolean;
  gl: number;
  hl: number;
  nl: number;
}

interface OpenLeaf {
  node: number;
  start: number;
  end: number;
  depth: number;
  g: number;
  h: number;
  n: number;
  hist: Float64Array | null;
  split: Split | null;
}

/** Histogram gradient-boosting tree grower: best-first (largest gain) under depth/leaf limits. */
export class TreeBuilder {
  private readonly pool: Float64Array[] = [];
  private readonly scratch: Int32Array;

  constructor(
    private readonly data: BinnedMatrix,
    private readonly params: TreeParams,
  ) {
    this.scratch = new Int32Array(data.rows);
  }

  /** `rows` (the sampled row ids) is reordered in place as nodes partition it. */
  build(grad: Float64Array, hess: Float64Array, rows: Int32Array, cols: Int32Array): BuiltTree {
    const p = this.params;
    const nodes = new NodeList();
    let g = 0;
    let h = 0;
    for (let i = 0; i < rows.length; i++) {
      g += grad[rows[i]];
      h += hess[rows[i]];
    }
    const root: OpenLeaf = {
      node: nodes.add(),
      start: 0,
      end: rows.length,
      depth: 0,
      g,
      h,
      n: rows.length,
      hist: null,
      split: null,
    };
    const open: OpenLeaf[] = [root];
    if (this.splittable(root)) {
      root.hist = this.histogram(grad, hess, rows, root.start, root.end, cols);
      root.split = this.bestSplit(root, cols);
    }
    let leaves = 1;
    while (leaves < p.maxLeaves) {
      let pick = -1;
      for (let i = 0; i < open.length; i++) {
        const s = open[i].split;
        if (s && (pick < 0 || s.gain > (open[pick].split as Split).gain)) pick = i;
      }
      if (pick < 0) break;
      const leaf = open[pick];
      open.splice(pick, 1);
      const [left, right] = this.split(leaf, nodes, grad, hess, rows, cols);
      open.push(left, right);
      leaves++;
    }
    for (const leaf of open) {
      nodes.value[leaf.node] = (-leaf.g / (leaf.h + p.lambda)) * p.learningRate;
      nodes.cover[leaf.node] = leaf.n;
      if (leaf.hist) this.pool.push(leaf.hist);
    }
    return nodes.finish();
  }

  private splittable(leaf: OpenLeaf): boolean {
    return (
      leaf.depth < this.params.maxDepth &&
      leaf.n >= 2 * this.params.minSamplesLeaf &&
      leaf.h >= 2 * this.params.minChildWeight
    );
  }

  private split(
    leaf: OpenLeaf,
    nodes: NodeList,
    grad: Float64Array,
    hess: Float64Array,
    rows: Int32Array,
    cols: Int32Array,
  ): [OpenLeaf, OpenLeaf] {
    const s = leaf.split as Split;
    const { bins, cols: width, nBins, cuts } = this.data;
    const missing = nBins[s.col];
    let l = leaf.start;
    let r = 0;
    for (let i = leaf.start; i < leaf.end; i++) {
      const row = rows[i];
      const b = bins[row * width + s.col];
      if (b === missing ? s.defaultLeft : b <= s.bin) rows[l++] = row;
      else this.scratch[r++] = row;
    }
    rows.set(this.scratch.subarray(0, r), l);

    const leftNode = nodes.add();
    const rightNode = nodes.add();
    nodes.setSplit(leaf.node, s.col, cutValue(cuts[s.col], s.bin), s.defaultLeft, s.bin);
    nodes.left[leaf.node] = leftNode;
    nodes.right[leaf.node] = rightNode;
    nodes.cover[leaf.node] = leaf.n;
    const depth = leaf.depth + 1;
    const mk = (node: number, start: number, end: number, g: number, h: number): OpenLeaf => ({
      node,
      start,
      end,
      depth,
      g,
      h,
      n: end - start,
      hist: null,
      split: null,
    });
    const left = mk(leftNode, leaf.start, l, s.gl, s.hl);
    const right = mk(rightNode, l, leaf.end, leaf.g - s.gl, leaf.h - s.hl);
    const parentHist = leaf.hist as Float64Array;
    if (this.splittable(left) || this.splittable(right)) {
      const [small, large] = left.n <= right.n ? [left, right] : [right, left];
      small.hist = this.histogram(grad, hess, rows, small.start, small.end, cols);
      subtractInto(parentHist, small.hist, this.data, cols);
      large.hist = parentHist;
      for (const child of [left, right]) {
        if (this.splittable(child)) child.split = this.bestSplit(child, cols);
      }
    } else {
      this.pool.push(parentHist);
    }
    return [left, right];
  }

  private histogram(
    grad: Float64Array,
    hess: Float64Array,
    rows: Int32Array,
    start: number,
    end: number,
    cols: Int32Array,
  ): Float64Array {
    const { bins, cols: width, offsets } = this.data;
    const hist = this.pool.pop() ?? new Float64Array(this.data.totalSlots * 3);
    hist.fill(0);
    const nc = cols.length;
    for (let i = start; i < end; i++) {
      const row = rows[i];
      const g = grad[row];
      const h = hess[row];
      const base = row * width;
      for (let j = 0; j < nc; j++) {
        const c = cols[j];
        const o = (offsets[c] + bins[base + c]) * 3;
        hist[o] += g;
        hist[o + 1] += h;
        hist[o + 2] += 1;
      }
    }
    return hist;
  }

  private bestSplit(leaf: OpenLeaf, cols: Int32Array): Split | null {
    const { lambda, minChildWeight: mcw, minSamplesLeaf: msl, minSplitGain } = this.params;
    const hist = leaf.hist as Float64Array;
    const { g, h, n } = leaf;
    const parentScore = (g * g) / (h + lambda);
    let best: Split | null = null;
    const consider = (
      gl: number,
      hl: number,
      nl: number,
      col: number,
      bin: number,
      dl: boolean,
    ) => {
      const hr = h - hl;
      const nr = n - nl;
      if (hl < mcw || hr < mcw || nl < msl || nr < msl) return;
      const gr = g - gl;
      const gain = 0.5 * ((gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parentScore);
      if (gain > minSplitGain && (best === null || gain > best.gain)) {
        best = { gain, col, bin, defaultLeft: dl, gl, hl, nl };
      }
    };
    for (let j = 0; j < cols.length; j++) {
      const col = cols[j];
      const nb = this.data.nBins[col];
      const o = this.data.offsets[col] * 3;
      const mo = o + nb * 3;
      const mg = hist[mo];
      const mh = hist[mo + 1];
      const mn = hist[mo + 2];
      let gl = 0;
      let hl = 0;
      let nl = 0;
      // bin nb-1 (all values left) only makes sense when it separates the missing rows.
      const last = mn > 0 ? nb - 1 : nb - 2;
      for (let k = 0; k <= last; k++) {
        gl += hist[o + k * 3];
        hl += hist[o + k * 3 + 1];
        nl += hist[o + k * 3 + 2];
        if (mn > 0) {
          consider(gl, hl, nl, col, k, false);
          if (k < nb - 1) consider(gl + mg, hl + mh, nl + mn, col, k, true);
        } else {
          // No missing rows here: send future unknowns to the bigger side.
          consider(gl, hl, nl, col, k, 2 * nl >= n);
        }
      }
    }
    return best;
  }
}

function cutValue(cuts: Float64Array, bin: number): number {
  return bin < cuts.length ? cuts[bin] : Number.MAX_VALUE;
}

function subtractInto(
  parent: Float64Array,
  child: Float64Array,
  data: BinnedMatrix,
  cols: Int32Array,
) {
  for (let j = 0; j < cols.length; j++) {
    const c = cols[j];
    const from = data.offsets[c] * 3;
    const to = from + (data.nBins[c] + 1) * 3;
    for (let i = from; i < to; i++) parent[i] -= child[i];
  }
}

/** Growable node arrays, frozen into a RegressionTree at the end. */
class NodeList {
  feature: number[] = [];
  threshold: number[] = [];
  defaultLeft: number[] = [];
  bin: number[] = [];
  left: number[] = [];
  right: number[] = [];
  value: number[] = [];
  cover: number[] = [];

  add(): number {
    this.feature.push(-1);
    this.threshold.push(0);
    this.defaultLeft.push(0);
    this.bin.push(-1);
    this.left.push(-1);
    this.right.push(-1);
    this.value.push(0);
    this.cover.push(0);
    return this.feature.length - 1;
  }

  setSplit(node: number, col: number, threshold: number, defaultLeft: boolean, bin: number) {
    this.feature[node] = col;
    this.threshold[node] = threshold;
    this.defaultLeft[node] = defaultLeft ? 1 : 0;
    this.bin[node] = bin;
  }

  finish(): BuiltTree {
    return {
      tree: {
        feature: Int32Array.from(this.feature),
        threshold: Float64Array.from(this.threshold),
        defaultLeft: Uint8Array.from(this.defaultLeft),
        left: Int32Array.from(this.left),
        right: Int32Array.from(this.right),
        value: Float64Array.from(this.value),
        cover: Float64Array.from(this.cover),
      },
      splitBin: Int32Array.from(this.bin),
    };
  }
}
