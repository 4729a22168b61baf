import { sigmoid } from './gbdt-ensemble';
import { logisticMargin, trainLogistic } from './logistic-regression';
import { SeededRandom } from './seeded-random';

function linearData(n: number, seed: number) {
  const random = new SeededRandom(seed);
  const x = new Float64Array(n * 2);
  const y = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    x[r * 2] = random.next() * 100;
    x[r * 2 + 1] = random.next() < 0.1 ? NaN : random.next();
    y[r] = random.next() < sigmoid((x[r * 2] - 50) / 5) ? 1 : 0;
  }
  return { x, y };
}

describe('logistic regression baseline', () => {
  it('recovers a linear rule on held-out rows despite missing values', () => {
    const model = trainLogistic(linearData(2000, 1).x, linearData(2000, 1).y, 2);
    const test = linearData(1000, 2);
    let correct = 0;
    for (let r = 0; r < 1000; r++) {
      correct += (logisticMargin(model, test.x, r * 2) > 0 ? 1 : 0) === test.y[r] ? 1 : 0;
    }
    expect(correct / 1000).toBeGreaterThan(0.85);
    expect(model.missingColumns).toEqual([1]);
  });

  it('shrinks weights as the L2 penalty grows', () => {
    const data = linearData(1000, 3);
    const weak = trainLogistic(data.x, data.y, 2, { l2: 0.01, maxIterations: 50 });
    const strong = trainLogistic(data.x, data.y, 2, { l2: 1000, maxIterations: 50 });
    expect(Math.abs(strong.weights[0])).toBeLessThan(Math.abs(weak.weights[0]) / 2);
  });
});
