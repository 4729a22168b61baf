import { calibrate, fitCalibrator } from './calibration';
import { sigmoid } from './gbdt-ensemble';
import { SeededRandom } from './seeded-random';

/** Margins from an over-confident model: the true probability is σ(margin / 3). */
function overconfident(n: number, seed: number) {
  const random = new SeededRandom(seed);
  const margins = Float64Array.from({ length: n }, () => (random.next() - 0.5) * 16);
  const labels = Uint8Array.from(margins, (m) => (random.next() < sigmoid(m / 3) ? 1 : 0));
  return { margins, labels };
}

describe.each(['isotonic', 'platt'] as const)('%s calibration', (kind) => {
  const fit = overconfident(3000, 1);
  const calibrator = fitCalibrator(kind, fit.margins, fit.labels);

  it('is monotone: a higher margin never gets a lower probability', () => {
    let previous = -1;
    for (let m = -12; m <= 12; m += 0.01) {
      const p = calibrate(calibrator, m);
      expect(p).toBeGreaterThanOrEqual(previous);
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
      previous = p;
    }
  });

  it('fixes an over-confident model on held-out rows (lower Brier score)', () => {
    const test = overconfident(3000, 2);
    let raw = 0;
    let calibrated = 0;
    test.margins.forEach((m, i) => {
      raw += (sigmoid(m) - test.labels[i]) ** 2;
      calibrated += (calibrate(calibrator, m) - test.labels[i]) ** 2;
    });
    expect(calibrated).toBeLessThan(raw * 0.97);
  });
});
