import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChurnModel } from './churn-model';
import { DEFAULT_TRAINING_OPTIONS, trainChurnModel } from './churn-trainer';
import { writeModelDir } from './model-card';
import { evaluate } from './metrics';
import { syntheticCustomers } from './testing/synthetic-customers';

describe('ChurnModel', () => {
  const options = {
    ...DEFAULT_TRAINING_OPTIONS,
    params: { ...DEFAULT_TRAINING_OPTIONS.params, learningRate: 0.2, rounds: 200 },
  };
  const trained = trainChurnModel(syntheticCustomers(1500, 1), options);
  const dir = mkdtempSync(join(tmpdir(), 'churn-model-'));
  writeModelDir(dir, trained, 'synthetic.csv');
  const model = ChurnModel.load(dir);
  const test = syntheticCustomers(600, 2);

  const customer = {
    daysSinceLastOrder: 30,
    ordersLast90Days: 3,
    spendLast90Days: 120,
    tenureDays: 400,
    orderTrend: 0,
    returnsLast90Days: 0,
    complaintsLast30Days: 3,
    escalationsLast90Days: 1,
    lastSatisfactionScore: 1,
    negativeMessagePercent: 40,
    unresolvedConversations: 1,
    daysSinceLastContact: 2,
    preferredCategory: 'Fashion',
  };

  it('ranks held-out customers well and keeps the validation threshold', () => {
    const p = test.rows.map((row) => model.score(row, { explain: false }).probability);
    const metrics = evaluate(p, test.labels, model.tiers.high);
    expect(metrics.auc).toBeGreaterThan(0.9);
    expect(metrics.f1).toBeGreaterThan(0.8);
  });

  it('explains a score with contributions that add up to the margin', () => {
    for (const row of test.rows.slice(0, 50)) {
      const score = model.score(row);
      const total = score.contributions.reduce((s, c) => s + c.contribution, score.baseValue);
      expect(total).toBeCloseTo(score.margin, 9);
    }
  });

  it('names the real reasons in plain words', () => {
    const score = model.score(customer, { top: 2 });
    expect(score.tier).toBe('high');
    expect(score.contributions.map((c) => c.text).sort()).toEqual([
      '3 complaints in the last 30 days',
      'satisfaction score 1 of 5',
    ]);
    expect(score.contributions.every((c) => c.contribution > 0)).toBe(true);
    const lapsed = model.score(
      { ...customer, complaintsLast30Days: 0, daysSinceLastOrder: 94 },
      { top: 1 },
    );
    expect(lapsed.contributions[0].text).toBe('no order for 94 days');
  });

  it('gives a loyal customer a low tier and a lapsed one a higher probability', () => {
    const loyal = model.score({
      ...customer,
      complaintsLast30Days: 0,
      lastSatisfactionScore: 5,
      daysSinceLastOrder: 5,
    });
    const lapsed = model.score({
      ...customer,
      complaintsLast30Days: 0,
      lastSatisfactionScore: 5,
      daysSinceLastOrder: 110,
    });
    expect(loyal.tier).toBe('low');
    expect(lapsed.probability).toBeGreaterThan(loyal.probability);
  });

  it('scores customers with missing and unseen values', () => {
    const score = model.score({
      ...customer,
      lastSatisfactionScore: null,
      preferredCategory: 'Garden',
      tenureDays: undefined,
    });
    expect(score.probability).toBeGreaterThan(0);
    const texts = score.contributions.map((c) => c.text);
    expect(texts).toContain('has not rated a conversation');
    expect(texts).toContain('mostly buys Garden');
  });

  it('rejects a directory without a churn model', () => {
    const empty = mkdtempSync(join(tmpdir(), 'churn-empty-'));
    expect(() => ChurnModel.load(empty)).toThrow(/model\.json: cannot read model/);
    writeFileSync(join(empty, 'model.json'), '{"format":"other"}');
    expect(() => ChurnModel.load(empty)).toThrow(/not a churn model/);
  });
});
