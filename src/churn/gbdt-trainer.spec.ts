import { ensembleMargins } from './gbdt-ensemble';
import { DEFAULT_GBDT_PARAMS, GbdtParams, Matrix, trainGbdt } from './gbdt-trainer';
import { SeededRandom } from './seeded-random';

const WIDTH = 3;

/** Churn iff x0 > 6 and x1 < 4 (an interaction a single linear cut cannot express). */
function ruleData(n: number, seed: number, missingShare = 0): Matrix {
  const random = new SeededRandom(seed);
  const x = new Float64Array(n * WIDTH);
  const y = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    const a = random.next() * 10;
    const b = random.next() * 10;
    x[r * WIDTH] = a;
    x[r * WIDTH + 1] = b;
    x[r * WIDTH + 2] = random.next();
    y[r] = a > 6 && b < 4 ? 1 : 0;
    // A missing x1 means "churned" in this data: the trees must route NaN to the churn side.
    if (random.next() < missingShare) {
      x[r * WIDTH + 1] = NaN;
      y[r] = 1;
    }
  }
  return { x, y };
}

function accuracy(params: GbdtParams, train: Matrix, test: Matrix): number {
  const { model } = trainGbdt(train, WIDTH, params);
  const margins = ensembleMargins(model, test.x, WIDTH);
  let correct = 0;
  margins.forEach((m, i) => (correct += (m > 0 ? 1 : 0) === test.y[i] ? 1 : 0));
  return correct / test.y.length;
}

const small: GbdtParams = { ...DEFAULT_GBDT_PARAMS, rounds: 60, learningRate: 0.3, maxDepth: 4 };

describe('trainGbdt', () => {
  it('learns an interaction rule and generalises to held-out rows', () => {
    expect(accuracy(small, ruleData(1500, 1), ruleData(1000, 2))).toBeGreaterThan(0.97);
  });

  it('learns where missing values go', () => {
    const acc = accuracy(small, ruleData(1500, 3, 0.2), ruleData(1000, 4, 0.2));
    expect(acc).toBeGreaterThan(0.97);
    const { model } = trainGbdt(ruleData(1500, 3, 0.2), WIDTH, small);
    const unknown = Float64Array.of(1, NaN, 0.5);
    const known = Float64Array.of(1, 8, 0.5);
    expect(ensembleMargins(model, unknown, WIDTH)[0]).toBeGreaterThan(0);
    expect(ensembleMargins(model, known, WIDTH)[0]).toBeLessThan(0);
  });

  it('respects the depth and leaf limits', () => {
    const { model } = trainGbdt(ruleData(800, 5), WIDTH, { ...small, maxDepth: 2, maxLeaves: 3 });
    for (const tree of model.trees) {
      expect(tree.left.filter((l) => l < 0).length).toBeLessThanOrEqual(3);
    }
  });

  it('stops early on a validation split and keeps the best prefix', () => {
    const { model, log } = trainGbdt(
      ruleData(600, 6),
      WIDTH,
      { ...small, rounds: 500, earlyStoppingRounds: 10 },
      ruleData(400, 7),
    );
    expect(log.rounds).toBeLessThan(500);
    expect(model.trees.length).toBe(log.bestRound);
    expect(log.rounds - log.bestRound).toBe(10);
  });

  it('is deterministic under a seed and varies with it when subsampling', () => {
    const params = { ...small, subsample: 0.7, colsampleByTree: 0.67 };
    const data = ruleData(800, 8);
    const a = JSON.stringify(
      trainGbdt(data, WIDTH, params).model.trees.map((t) => Array.from(t.value)),
    );
    const b = JSON.stringify(
      trainGbdt(data, WIDTH, params).model.trees.map((t) => Array.from(t.value)),
    );
    const c = JSON.stringify(
      trainGbdt(data, WIDTH, { ...params, seed: 7 }).model.trees.map((t) => Array.from(t.value)),
    );
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('refuses data with a single class', () => {
    const data = ruleData(50, 9);
    data.y.fill(0);
    expect(() => trainGbdt(data, WIDTH, small)).toThrow('both churned and retained');
  });
});
