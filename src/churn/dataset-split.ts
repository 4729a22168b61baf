import { SeededRandom } from './seeded-random';

/** Indices of the first row of every distinct key, in file order. */
export function distinctRowIndices(keys: string[]): number[] {
  const seen = new Set<string>();
  const kept: number[] = [];
  keys.forEach((key, i) => {
    if (!seen.has(key)) {
      seen.add(key);
      kept.push(i);
    }
  });
  return kept;
}

export interface Split {
  train: number[];
  test: number[];
}

/**
 * Seeded split that keeps the churn rate equal on both sides: each class is shuffled on its own
 * and `testFraction` of it (rounded) goes to test.
 */
export function stratifiedSplit(
  labels: ArrayLike<number>,
  testFraction: number,
  seed: number,
): Split {
  const random = new SeededRandom(seed);
  const train: number[] = [];
  const test: number[] = [];
  for (const cls of [0, 1]) {
    const members: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === cls) members.push(i);
    random.shuffle(members);
    const nTest = Math.round(members.length * testFraction);
    test.push(...members.slice(0, nTest));
    train.push(...members.slice(nTest));
  }
  const byIndex = (a: number, b: number): number => a - b;
  return { train: train.sort(byIndex), test: test.sort(byIndex) };
}

/** K stratified folds: every row is in exactly one `test` part. */
export function stratifiedFolds(labels: ArrayLike<number>, k: number, seed: number): Split[] {
  const random = new SeededRandom(seed);
  const foldOf = new Int32Array(labels.length);
  for (const cls of [0, 1]) {
    const members: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === cls) members.push(i);
    random.shuffle(members).forEach((row, j) => (foldOf[row] = j % k));
  }
  return Array.from({ length: k }, (_, fold) => {
    const split: Split = { train: [], test: [] };
    foldOf.forEach((f, row) => (f === fold ? split.test : split.train).push(row));
    return split;
  });
}
