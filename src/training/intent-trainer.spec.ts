import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IntentModel } from '../nlu/intent-model';
import { generatedIntents } from './generated-intents.fixture';
import { evaluateIntentModel } from './intent-evaluator';
import { FEW_SHOT_MEMBERS, membersFor, stratifiedFolds, trainIntentModel } from './intent-trainer';
import { writeIntentModelDir } from './intent-model-writer';

const options = { mlp: { hidden: 32, maxEpochs: 12 }, seed: 7 };

describe('trainIntentModel → ONNX model directory → evaluation', () => {
  const train = generatedIntents('train', 6);
  const test = generatedIntents('test', 3, 11);

  it('classifies held-out sentences and declines out-of-scope ones', async () => {
    const trained = trainIntentModel(train, undefined, options);
    const dir = mkdtempSync(join(tmpdir(), 'intent-model-'));
    writeIntentModelDir(dir, trained, { data: ['generated'], evaluations: [], limits: [] });
    const model = await IntentModel.load(dir);
    const { evaluation, report } = await evaluateIntentModel(model, test);
    await model.close();
    expect(new Set(test.map((t) => t.text)).size).toBeGreaterThan(30);
    expect(test.some((t) => train.some((u) => u.text === t.text))).toBe(false);
    expect(evaluation.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(evaluation.oosRecall).toBeGreaterThanOrEqual(0.8);
    expect(report).toContain('| gold \\ predicted |');
  });

  it('is deterministic under a seed', () => {
    const a = trainIntentModel(train, undefined, options);
    const b = trainIntentModel(train, undefined, options);
    expect(Buffer.from(a.network.w1.buffer).equals(Buffer.from(b.network.w1.buffer))).toBe(true);
    expect(a.threshold).toBe(b.threshold);
  });

  it('with validation folds, chooses on every training example and still generalises', async () => {
    const trained = trainIntentModel(train, undefined, { ...options, validationFolds: 3 });
    expect(trained.training).toMatchObject({
      validSource: 'folds',
      validExamples: train.length,
      trainExamples: train.length,
      refitted: true,
    });
    const dir = mkdtempSync(join(tmpdir(), 'intent-model-'));
    writeIntentModelDir(dir, trained, { data: ['generated'], evaluations: [], limits: [] });
    const model = await IntentModel.load(dir);
    const { evaluation } = await evaluateIntentModel(model, test);
    await model.close();
    expect(evaluation.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(evaluation.oosRecall).toBeGreaterThanOrEqual(0.8);
  });

  it('averages several members on few-shot data by default; an explicit count wins', () => {
    const perLabel = (...counts: number[]) =>
      counts.flatMap((n, l) => Array.from({ length: n }, () => ({ label: `l${l}` })));
    expect(membersFor(perLabel(10, 10, 10))).toBe(FEW_SHOT_MEMBERS);
    expect(membersFor(perLabel(20, 20))).toBe(FEW_SHOT_MEMBERS);
    expect(membersFor(perLabel(21, 21))).toBe(1);
    // The median intent decides: one large intent does not make the data large.
    expect(membersFor(perLabel(8, 9, 500))).toBe(FEW_SHOT_MEMBERS);
    expect(membersFor(perLabel(8, 100, 500))).toBe(1);

    // Eight sentences an intent: few-shot. `train` has 24 an intent: one network.
    const fewShot = generatedIntents('train', 2);
    const averaged = trainIntentModel(fewShot, undefined, options);
    expect(averaged.network.hidden).toBe(FEW_SHOT_MEMBERS * options.mlp.hidden);
    expect(averaged.training.options.mlpMembers).toBe(FEW_SHOT_MEMBERS);
    const explicit = trainIntentModel(fewShot, undefined, { ...options, mlpMembers: 1 });
    expect(explicit.network.hidden).toBe(options.mlp.hidden);
    expect(trainIntentModel(train, undefined, options).network.hidden).toBe(options.mlp.hidden);
  });

  it('deals every example to exactly one validation fold, each label spread evenly', () => {
    const folds = stratifiedFolds(train, 3, 5);
    const key = (e: { text: string; label: string }) => `${e.label}\t${e.text}`;
    expect(folds.flat().map(key).sort()).toEqual(train.map(key).sort());
    for (const label of new Set(train.map((t) => t.label))) {
      const perFold = folds.map((f) => f.filter((e) => e.label === label).length);
      expect(Math.max(...perFold) - Math.min(...perFold)).toBeLessThanOrEqual(1);
    }
  });

  it('refuses training data with a single label', () => {
    expect(() =>
      trainIntentModel(
        train.filter((t) => t.label === 'greeting'),
        undefined,
        options,
      ),
    ).toThrow(/needs at least 2 labels/);
  });
});
