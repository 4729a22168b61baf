import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EncoderError } from './encoder-error';
import { trainEncoderHead } from './encoder-head';
import { TINY_BERT_HIDDEN, writeTinyBert } from './tiny-bert.fixture';
import { TransformersEncoder } from './transformers-encoder';

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i] * b[i];
  return dot;
}

function norm(a: Float32Array): number {
  return Math.sqrt(cosine(a, a));
}

describe('TransformersEncoder on a generated tiny BERT', () => {
  const root = mkdtempSync(join(tmpdir(), 'encoder-'));
  const modelDir = writeTinyBert(join(root, 'tiny-bert'));
  let encoder: TransformersEncoder;

  beforeAll(async () => {
    encoder = await TransformersEncoder.load(modelDir);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('loads from the local folder with remote models switched off', async () => {
    const { env } = await import('@huggingface/transformers');
    expect(env.allowRemoteModels).toBe(false);
    expect(encoder.dimension).toBe(TINY_BERT_HIDDEN);
  });

  it('refuses a folder without model files instead of downloading', async () => {
    const empty = join(root, 'Xenova-missing');
    await expect(TransformersEncoder.load(empty)).rejects.toThrow(EncoderError);
  });

  it('gives unit vectors of the model dimension, the same for the same text in any batch', async () => {
    const [alone] = await encoder.encode(['where is my order?']);
    const batch = await encoder.encode([
      'refund my money please, the parcel was broken',
      'where is my order?',
    ]);
    expect(alone).toHaveLength(TINY_BERT_HIDDEN);
    expect(norm(alone)).toBeCloseTo(1, 5);
    expect(Array.from(batch[1])).toEqual(Array.from(alone).map((x) => expect.closeTo(x, 5)));
  });

  it('gives different texts different vectors', async () => {
    const [a, b, c] = await encoder.encode([
      'where is my order?',
      'refund my money',
      '我的订单在哪里',
    ]);
    expect(cosine(a, b)).toBeLessThan(0.999);
    expect(cosine(a, c)).toBeLessThan(0.999);
  });

  it.each([
    ['empty', ''],
    ['emoji only', '😀👍🏽'],
    ['lone surrogates', '\ud800 order \udfff'],
    ['100 KB', 'order '.repeat(17_000)],
  ])('encodes %s text to a finite vector', async (_name, text) => {
    const [v] = await encoder.encode([text]);
    expect(v).toHaveLength(TINY_BERT_HIDDEN);
    expect(Array.from(v).every(Number.isFinite)).toBe(true);
  });

  it('trains a head that classifies unseen sentences of a toy task', async () => {
    const train = [
      'refund my money',
      'i want a refund',
      'money back please',
      'refund the payment',
      'pay me back',
      'refund to my card',
      'track my order',
      'where is my parcel',
      'track the package',
      'where is the delivery',
      'my order is late',
      'track parcel delivery',
    ].map((text, i) => ({ text, label: i < 6 ? 'refund' : 'track' }));
    const test = [
      ['can i get my money back', 'refund'],
      ['refund please', 'refund'],
      ['i need a refund for my card', 'refund'],
      ['where is my package', 'track'],
      ['track my delivery please', 'track'],
      ['the parcel is late', 'track'],
    ];
    const head = await trainEncoderHead(encoder, train);
    const predicted = await head.classify(
      encoder,
      test.map(([text]) => text),
    );
    const correct = predicted.filter((p, i) => p.label === test[i][1]).length;
    expect(correct).toBeGreaterThanOrEqual(5);
    expect(predicted[0].ranked.map((r) => r.label).sort()).toEqual(['refund', 'track']);
  });

  it('needs at least two labels', async () => {
    await expect(trainEncoderHead(encoder, [{ text: 'hi', label: 'greeting' }])).rejects.toThrow(
      EncoderError,
    );
  });
});
