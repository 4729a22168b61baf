import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { generatedIntents } from '../training/generated-intents.fixture';
import { trainIntentModel } from '../training/intent-trainer';
import { writeIntentModelDir } from '../training/intent-model-writer';
import { NluService } from './nlu.service';

describe('NluService', () => {
  let service: NluService;

  beforeAll(async () => {
    const trained = trainIntentModel(generatedIntents('train', 4), undefined, {
      mlp: { hidden: 16, maxEpochs: 8 },
      mlpMembers: 1,
    });
    const dir = mkdtempSync(join(tmpdir(), 'nlu-service-'));
    writeIntentModelDir(dir, trained, { data: ['generated'], evaluations: [], limits: [] });
    service = new NluService({ INTENT_MODEL_DIR: dir } as AppConfig);
    await service.onModuleInit();
  });

  afterAll(() => service.onModuleDestroy());

  it('returns intent, alternatives, entities, sentiment and vector in one call', async () => {
    const u = await service.understand('please cancel my coat order, email me at ann@example.com');
    expect(u.intent).toBe('cancel_order');
    expect(u.lang).toBe('en');
    expect(u.alternatives).toHaveLength(3);
    expect(u.entities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'email', value: 'ann@example.com' }),
      ]),
    );
    expect(u.sentiment.score).toBeGreaterThanOrEqual(-1);
    expect(u.sentiment.score).toBeLessThanOrEqual(1);
    expect(u.vector).toHaveLength(16);
    expect(await service.isReady()).toBe(true);
  });

  it('understands bad input without throwing', async () => {
    for (const text of ['', '\uDC00'.repeat(100000), '🙂🙂']) {
      const u = await service.understand(text);
      expect(u.outOfScope).toBe(true);
      expect(u.entities).toEqual([]);
    }
    const long = await service.understand('where is my order '.repeat(6000));
    expect(long.vector.every(Number.isFinite)).toBe(true);
  });

  it('reports not ready when the model directory is missing', async () => {
    const missing = new NluService({
      INTENT_MODEL_DIR: join(tmpdir(), 'no-model-here'),
    } as AppConfig);
    expect(await missing.isReady()).toBe(false);
    await expect(missing.understand('hi')).rejects.toMatchObject({
      code: 'INTENT_MODEL_UNAVAILABLE',
    });
  });
});

describe('NluService with the shipped model', () => {
  const service = new NluService({ INTENT_MODEL_DIR: 'models/intent' } as AppConfig);

  beforeAll(() => service.onModuleInit());
  afterAll(() => service.onModuleDestroy());

  it('reads the request after a greeting, and a greeting as one', async () => {
    // Read whole, the greeting outvotes the request (greeting 0.29, get_refund 0.20).
    expect((await service.understand("hi, I'd like to return a jacket")).intent).toBe('get_refund');
    expect((await service.understand("hi, how's it going")).intent).toBe('greeting');
    expect((await service.understand('hey, I have a question')).intent).toBe('greeting');
    expect((await service.understand('你好，在吗')).intent).toBe('greeting');
  });

  it('reads the request after an acknowledgement or thanks, and those alone as themselves', async () => {
    // Read whole: goodbye 0.55, payment methods 0.38.
    expect((await service.understand("ok I'll take it, how do I pay")).intent).toBe(
      'check_payment_methods',
    );
    expect((await service.understand('嗯，我想改一下地址')).intent).toBe('change_shipping_address');
    expect((await service.understand('great, thanks')).intent).toBe('thanks');
    expect((await service.understand('好的谢谢')).intent).toBe('thanks');
    expect((await service.understand('ok')).intent).toBe('goodbye');
    // "好" opens "好评" (a good review): not a pleasantry to strip.
    expect((await service.understand('好评怎么写')).intent).toBe('review');
  });

  it('understands a request with a misspelt word it would otherwise decline', async () => {
    // Uncorrected, "packge" leaves too few known n-grams: out of scope at 0.99.
    const typo = await service.understand('helo, wheres my packge??');
    expect(typo.outOfScope).toBe(false);
    expect(typo.intent).toBe('track_order');
    expect((await service.understand('did my rfeund go thru?')).intent).toBe('track_refund');
  });
});
