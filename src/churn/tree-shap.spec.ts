import { ensembleExpectedValue, ensembleMargin, GbdtEnsemble } from './gbdt-ensemble';
import { DEFAULT_GBDT_PARAMS, trainGbdt } from './gbdt-trainer';
import { RegressionTree } from './regression-tree';
import { SeededRandom } from './seeded-random';
import { LeafTableShap } from './leaf-table-shap';
import { TreeShap } from './tree-shap';

/** Rows where the label depends on interacting features and some values are missing. */
function syntheticData(n: number, width: number, seed: number) {
  const random = new SeededRandom(seed);
  const x = new Float64Array(n * width);
  const y = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < width; c++) x[r * width + c] = random.int(5);
    if (random.next() < 0.15) x[r * width + 1] = NaN;
    const a = x[r * width];
    const b = x[r * width + 1];
    const risky = (a >= 3 && (Number.isNaN(b) || b < 2)) || x[r * width + 2] === 4;
    y[r] = risky !== random.next() < 0.1 ? 1 : 0;
  }
  return { x, y };
}

/** E[tree(x) | x_S] under the path-dependent (cover-weighted) distribution. */
function conditional(tree: RegressionTree, x: Float64Array, known: Set<number>, node = 0): number {
  if (tree.left[node] < 0) return tree.value[node];
  const f = tree.feature[node];
  if (known.has(f)) {
    const v = x[f];
    const left = Number.isNaN(v) ? tree.defaultLeft[node] === 1 : v <= tree.threshold[node];
    return conditional(tree, x, known, left ? tree.left[node] : tree.right[node]);
  }
  const l = tree.left[node];
  const r = tree.right[node];
  const sum =
    tree.cover[l] * conditional(tree, x, known, l) + tree.cover[r] * conditional(tree, x, known, r);
  return sum / tree.cover[node];
}

/** Shapley values by enumerating every coalition (exponential; fine for 4 features). */
function bruteForceShapley(model: GbdtEnsemble, x: Float64Array, width: number): Float64Array {
  const value = (mask: number): number => {
    const known = new Set<number>();
    for (let c = 0; c < width; c++) if (mask & (1 << c)) known.add(c);
    return model.trees.reduce((s, t) => s + conditional(t, x, known), model.baseScore);
  };
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  const phi = new Float64Array(width);
  for (let i = 0; i < width; i++) {
    for (let mask = 0; mask < 1 << width; mask++) {
      if (mask & (1 << i)) continue;
      let size = 0;
      for (let c = 0; c < width; c++) if (mask & (1 << c)) size++;
      const weight = (factorial(size) * factorial(width - size - 1)) / factorial(width);
      phi[i] += weight * (value(mask | (1 << i)) - value(mask));
    }
  }
  return phi;
}

describe.each([
  ['Algorithm 2 (TreeShap)', (m: GbdtEnsemble) => new TreeShap(m)],
  ['per-leaf tables (LeafTableShap)', (m: GbdtEnsemble) => new LeafTableShap(m)],
])('exact TreeSHAP, %s', (_name, makeExplainer) => {
  const width = 4;
  const data = syntheticData(600, width, 3);
  const { model } = trainGbdt(data, width, {
    ...DEFAULT_GBDT_PARAMS,
    rounds: 12,
    maxDepth: 4,
    maxLeaves: 10,
    learningRate: 0.3,
    colsampleByTree: 1,
  });
  const shap = makeExplainer(model);
  const probes = syntheticData(25, width, 99);

  it('reuses a feature along one path, which the brute force must also handle', () => {
    const repeats = model.trees.some((t) => {
      const seen = (node: number, path: number[]): boolean =>
        t.left[node] >= 0 &&
        (path.includes(t.feature[node]) ||
          seen(t.left[node], [...path, t.feature[node]]) ||
          seen(t.right[node], [...path, t.feature[node]]));
      return seen(0, []);
    });
    expect(repeats).toBe(true);
  });

  it('matches brute-force Shapley values, including rows with missing values', () => {
    for (let r = 0; r < 25; r++) {
      const x = probes.x.slice(r * width, (r + 1) * width);
      const phi = new Float64Array(width);
      shap.explainInto(x, phi);
      const expected = bruteForceShapley(model, x, width);
      for (let c = 0; c < width; c++) expect(phi[c]).toBeCloseTo(expected[c], 10);
    }
  });

  it('contributions plus the base value add up to the margin', () => {
    const base = ensembleExpectedValue(model);
    for (let r = 0; r < 25; r++) {
      const phi = new Float64Array(width);
      shap.explainInto(probes.x, phi, r * width);
      const total = phi.reduce((s, v) => s + v, base);
      expect(total).toBeCloseTo(ensembleMargin(model, probes.x, r * width), 10);
    }
  });
});

describe('LeafTableShap on a deep, wide model', () => {
  it('gives the same contributions as Algorithm 2', () => {
    const width = 6;
    const data = syntheticData(2000, width, 5);
    const { model } = trainGbdt(data, width, {
      ...DEFAULT_GBDT_PARAMS,
      rounds: 40,
      maxDepth: 8,
      maxLeaves: 40,
      minChildWeight: 0.1,
    });
    const reference = new TreeShap(model);
    const fast = new LeafTableShap(model);
    const probes = syntheticData(50, width, 7);
    for (let r = 0; r < 50; r++) {
      const a = new Float64Array(width);
      const b = new Float64Array(width);
      reference.explainInto(probes.x, a, r * width);
      fast.explainInto(probes.x, b, r * width);
      for (let c = 0; c < width; c++) expect(b[c]).toBeCloseTo(a[c], 9);
    }
  });
});
