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
 * Rows grouped by `groups` (one group per row when omitted), then the groups of each class
 * shuffled under `seed`. Rows of one group (e.g. duplicate customers) always stay together, so
 * a held-out part never contains a copy of a row the model was fitted on.
 */
function shuffledGroupsByClass(labels: ArrayLike<number>, seed: number, groups?: string[]) {
  const random = new SeededRandom(seed);
  const members = new Map<string | number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const key = groups ? groups[i] : i;
    const rows = members.get(key);
    if (rows) rows.push(i);
    else members.set(key, [i]);
  }
  return [0, 1].map((cls) =>
    random.shuffle([...members.values()].filter((rows) => labels[rows[0]] === cls)),
  );
}

/** Seeded split that keeps the churn rate equal on both sides (`testFraction` of each class). */
export function stratifiedSplit(
  labels: ArrayLike<number>,
  testFraction: number,
  seed: number,
  groups?: string[],
): Split {
  const train: number[] = [];
  const test: number[] = [];
  for (const classGroups of shuffledGroupsByClass(labels, seed, groups)) {
    const rows = classGroups.reduce((s, g) => s + g.length, 0);
    let taken = 0;
    for (const group of classGroups) {
      const side = taken < Math.round(rows * testFraction) ? test : train;
      if (side === test) taken += group.length;
      side.push(...group);
    }
  }
  const byIndex = (a: number, b: number): number => a - b;
  return { train: train.sort(byIndex), test: test.sort(byIndex) };
}

/** K stratified folds: every row is in exactly one `test` part. */
export function stratifiedFolds(
  labels: ArrayLike<number>,
  k: number,
  seed: number,
  groups?: string[],
): Split[] {
  const foldOf = new Int32Array(labels.length);
  for (const classGroups of shuffledGroupsByClass(labels, seed, groups)) {
    classGroups.forEach((group, j) => group.forEach((row) => (foldOf[row] = j % k)));
  }
  return Array.from({ length: k }, (_, fold) => {
    const split: Split = { train: [], test: [] };
    foldOf.forEach((f, row) => (f === fold ? split.test : split.train).push(row));
    return split;
  });
}
