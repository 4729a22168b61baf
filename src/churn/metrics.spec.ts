import { averagePrecision, bestF1Threshold, evaluate, liftTopDecile, rocAuc } from './metrics';

describe('churn metrics', () => {
  it('computes ROC AUC with ties counted as one half', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12);
    expect(rocAuc([0.5, 0.5], [0, 1])).toBeCloseTo(0.5, 12);
  });

  it('computes average precision like scikit-learn', () => {
    // sklearn.metrics.average_precision_score([0,0,1,1], [0.1,0.4,0.35,0.8]) = 0.8333…
    expect(averagePrecision([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.8333333333, 9);
  });

  it('picks the threshold with the best F1 and reports it', () => {
    const scores = [0.9, 0.8, 0.7, 0.3, 0.2, 0.1];
    const labels = [1, 1, 0, 1, 0, 0];
    const t = bestF1Threshold(scores, labels);
    const m = evaluate(scores, labels, t);
    // ≥ 0.3 catches all three churners with one false alarm: F1 = 6/7, better than ≥ 0.8 (0.8).
    expect(t).toBe(0.3);
    expect(m.f1).toBeCloseTo(6 / 7, 12);
    expect(m.brier).toBeCloseTo((0.01 + 0.04 + 0.49 + 0.49 + 0.04 + 0.01) / 6, 12);
  });

  it('measures lift in the riskiest tenth', () => {
    const scores = Array.from({ length: 20 }, (_, i) => i);
    const labels = scores.map((s) => (s >= 18 || s === 3 || s === 5 ? 1 : 0));
    // top 2 rows both churn; base rate 4/20 → lift 1 / 0.2 = 5
    expect(liftTopDecile(scores, labels)).toBeCloseTo(5, 12);
  });
});
