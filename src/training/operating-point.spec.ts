import { OUT_OF_SCOPE, decideIntent } from '../nlu/intent-decision';
import { bestOperatingPoint, calibrateThreshold } from './intent-trainer';
import { SeededRandom } from './seeded-random';

const labels = ['a', 'b', OUT_OF_SCOPE, 'c'];

/** The definition, threshold by threshold: what the sweep must reproduce. */
function bruteForce(probs: Float32Array[], gold: string[], minRecall: number) {
  const inScope = gold.filter((g) => g !== OUT_OF_SCOPE).length;
  const oos = gold.length - inScope;
  const candidates = [-Infinity, ...new Set(probs.map((p) => Math.max(...p)))].sort(
    (x, y) => x - y,
  );
  let best = { threshold: -Infinity, accuracy: -1, recall: -1 };
  for (const t of candidates) {
    let correct = 0;
    let declined = 0;
    probs.forEach((p, i) => {
      const d = decideIntent(p, labels, t);
      if (gold[i] === OUT_OF_SCOPE) declined += d.outOfScope ? 1 : 0;
      else correct += !d.outOfScope && labels[d.top] === gold[i] ? 1 : 0;
    });
    const accuracy = correct / inScope;
    const recall = declined / oos;
    const meets = recall >= minRecall;
    const bestMeets = best.recall >= minRecall;
    const better = meets
      ? !bestMeets ||
        accuracy > best.accuracy ||
        (accuracy === best.accuracy && recall > best.recall)
      : !bestMeets && recall > best.recall;
    if (better) best = { threshold: t, accuracy, recall };
  }
  return best;
}

function randomSet(rng: SeededRandom, n: number) {
  const probs: Float32Array[] = [];
  const gold: string[] = [];
  for (let i = 0; i < n; i++) {
    // Coarse values so that equal confidences (ties) occur often.
    const raw = labels.map(() => Math.round(rng.next() * 8) + 0.5);
    const sum = raw.reduce((x, y) => x + y, 0);
    probs.push(Float32Array.from(raw.map((v) => v / sum)));
    gold.push(labels[Math.floor(rng.next() * labels.length)]);
  }
  return { probs, gold };
}

describe('bestOperatingPoint', () => {
  it('finds the same threshold, accuracy and recall as trying every threshold', () => {
    const rng = new SeededRandom(5);
    for (let trial = 0; trial < 40; trial++) {
      const { probs, gold } = randomSet(rng, 5 + trial * 3);
      if (!gold.includes(OUT_OF_SCOPE) || gold.every((g) => g === OUT_OF_SCOPE)) continue;
      for (const minRecall of [0, 0.5, 0.75, 1]) {
        const expected = bruteForce(probs, gold, minRecall);
        expect(bestOperatingPoint(probs, gold, labels, minRecall)).toEqual(expected);
        expect(calibrateThreshold(probs, gold, labels, 0, minRecall)).toBe(expected.threshold);
      }
    }
  });

  it('declines low-confidence messages only as far as the recall target needs', () => {
    const p = (...v: number[]) => Float32Array.from(v);
    const probs = [
      p(0.9, 0.05, 0.03, 0.02), // a, confident
      p(0.4, 0.35, 0.15, 0.1), // a, unsure
      p(0.2, 0.5, 0.2, 0.1), // oos text that looks like b
      p(0.1, 0.1, 0.7, 0.1), // oos, caught by its label
    ];
    const gold = ['a', 'a', OUT_OF_SCOPE, OUT_OF_SCOPE];
    // 50% recall comes from the oos label alone: nothing in scope is declined.
    expect(bestOperatingPoint(probs, gold, labels, 0.5)).toEqual({
      threshold: -Infinity,
      accuracy: 1,
      recall: 0.5,
    });
    // Full recall needs a threshold above 0.5, which also declines the unsure `a`.
    const strict = bestOperatingPoint(probs, gold, labels, 1);
    expect(strict.recall).toBe(1);
    expect(strict.accuracy).toBe(0.5);
    expect(strict.threshold).toBeCloseTo(0.7);
  });
});
