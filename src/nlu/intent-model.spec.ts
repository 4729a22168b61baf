import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedIntents } from '../training/generated-intents.fixture';
import { trainIntentModel } from '../training/intent-trainer';
import { writeIntentModelDir } from '../training/intent-model-writer';
import { IntentModel, IntentModelError } from './intent-model';

describe('IntentModel', () => {
  let model: IntentModel;

  beforeAll(async () => {
    const trained = trainIntentModel(generatedIntents('train', 4), undefined, {
      mlp: { hidden: 16, maxEpochs: 8 },
      mlpMembers: 1,
    });
    const dir = mkdtempSync(join(tmpdir(), 'intent-model-'));
    writeIntentModelDir(dir, trained, { data: ['generated'], evaluations: [], limits: [] });
    model = await IntentModel.load(dir);
  });

  afterAll(() => model.close());

  it('predicts intent, language, three alternatives and a unit vector', async () => {
    const p = await model.predict('where is my tablet');
    expect(p.intent).toBe('track_order');
    expect(p.lang).toBe('en');
    expect(p.outOfScope).toBe(false);
    expect(p.alternatives).toHaveLength(3);
    expect(p.alternatives[0].intent).toBe('track_order');
    expect(p.alternatives.map((a) => a.intent)).not.toContain('oos');
    expect(p.vector).toHaveLength(16);
    expect(Math.hypot(...p.vector)).toBeCloseTo(1, 3);
    expect((await model.predict('我的裙子到哪里了')).lang).toBe('zh');
  });

  it.each([
    ['empty', ''],
    ['100 KB', 'refund '.repeat(15000)],
    ['lone surrogates', '\uD800\uDC00\uDFFF abc \uD83D'],
    ['only emoji', '😀😀👍🏽'],
    ['mixed languages', 'hello 你好 où est ma commande'],
  ])('returns a defined result for %s input', async (_name, text) => {
    const p = await model.predict(text);
    expect(model.labels).toContain(p.intent);
    expect(p.confidence).toBeGreaterThanOrEqual(0);
    expect(p.confidence).toBeLessThanOrEqual(1);
    expect(p.vector.every(Number.isFinite)).toBe(true);
    expect(['en', 'zh', 'other']).toContain(p.lang);
  });

  it('declines empty text as out of scope', async () => {
    expect((await model.predict('')).outOfScope).toBe(true);
  });

  it('fails to load a missing directory with a typed error', async () => {
    await expect(IntentModel.load(join(tmpdir(), 'no-such-intent-model'))).rejects.toBeInstanceOf(
      IntentModelError,
    );
  });
});
