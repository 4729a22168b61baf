import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SentimentModel } from './sentiment-model';
import { sentimentSplits } from './sentiment-export';
import { binaryMetrics } from './sentiment-metrics';

// The shipped model, produced by `npm run cli -- train sentiment`.
const MODEL_DIR = join(__dirname, '../../../models/sentiment');
const DATASETS_DIR = process.env.DATASETS_DIR ?? join(__dirname, '../../../../shared/datasets');

// Team-written chat messages, never part of any training data: shoppers complain and thank in
// a few words, unlike the long reviews the model learned from.
const CHAT: Array<[string, 'negative' | 'neutral' | 'positive']> = [
  ['this is the third time I ask, your service is terrible', 'negative'],
  ['my package arrived broken and nobody answers', 'negative'],
  ['worst shop ever, I want my money back', 'negative'],
  ['the jacket is poor quality and ripped after one wash', 'negative'],
  ['very disappointed, the size is totally wrong', 'negative'],
  ['still waiting for my refund, this is ridiculous', 'negative'],
  ['thanks a lot, you were really helpful!', 'positive'],
  ['great, the dress fits perfectly, love it', 'positive'],
  ['perfect, thank you so much for the quick reply', 'positive'],
  ['excellent service, I will order again', 'positive'],
  ['awesome, it arrived early and looks beautiful', 'positive'],
  ['客服态度太差了，一直没人理我', 'negative'],
  ['收到的衣服是破的，质量太差，要退货', 'negative'],
  ['等了一个星期还没发货，太失望了', 'negative'],
  ['垃圾，再也不买了', 'negative'],
  ['东西坏了，非常生气', 'negative'],
  ['谢谢你，非常满意！', 'positive'],
  ['质量很好，穿着很舒服，好评', 'positive'],
  ['发货很快，包装也不错，谢谢', 'positive'],
  ['很喜欢，下次还会来买', 'positive'],
  ['太棒了，客服很耐心', 'positive'],
];
const NEUTRAL_QUESTIONS = [
  'where is my order?',
  'can I change the delivery address',
  '我的订单什么时候发货',
  '怎么开发票',
];

const describeIfModel = existsSync(join(MODEL_DIR, 'sentiment.json')) ? describe : describe.skip;

describeIfModel('SentimentModel (shipped model)', () => {
  let model: SentimentModel;
  beforeAll(() => {
    model = SentimentModel.load(MODEL_DIR);
  });

  it('gets the polarity of short chat complaints and thanks right', () => {
    const wrong = CHAT.filter(
      ([text, label]) => (model.score(text).score > 0 ? 'positive' : 'negative') !== label,
    );
    expect(wrong).toEqual([]);
  });

  it('labels most chat complaints negative and thanks positive, not neutral', () => {
    const correct = CHAT.filter(([text, label]) => model.score(text).label === label).length;
    expect(correct / CHAT.length).toBeGreaterThanOrEqual(0.8);
  });

  it('scores plain questions closer to 0 than complaints and thanks', () => {
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const questions = mean(NEUTRAL_QUESTIONS.map((t) => Math.abs(model.score(t).score)));
    const opinions = mean(CHAT.map(([t]) => Math.abs(model.score(t).score)));
    expect(questions).toBeLessThan(opinions);
  });

  it.each([
    ['empty', ''],
    ['emoji only', '😀😀👍🏽'],
    ['lone surrogates', '\ud800bad\udfff'],
    ['100 KB', 'terrible '.repeat(12_000)],
    ['control characters', '\u0000\u0001'],
  ])('returns a score in [-1, 1] for %s', (_name, text) => {
    const result = model.score(text);
    expect(result.score).toBeGreaterThanOrEqual(-1);
    expect(result.score).toBeLessThanOrEqual(1);
    expect(['negative', 'neutral', 'positive']).toContain(result.label);
  });

  it('has no opinion on text it has no features for', () => {
    expect(model.score('')).toEqual({ score: 0, label: 'neutral' });
  });

  const describeIfData = existsSync(DATASETS_DIR) ? describe : describe.skip;
  describeIfData('on the held-out review split it was not trained on', () => {
    it('separates positive from negative reviews in both languages', () => {
      const metrics = require(join(MODEL_DIR, 'metrics.json')) as {
        seed: number;
        zhPerStratum: number;
      };
      const splits = sentimentSplits(DATASETS_DIR, metrics.seed, metrics.zhPerStratum);
      for (const lang of ['en', 'zh'] as const) {
        // Every 4th test review keeps the test fast; the full split is in bench/results.
        const sample = splits[lang].test.filter((_, i) => i % 4 === 0);
        const result = binaryMetrics(
          sample.map((e) => model.score(e.text).score),
          sample.map((e) => e.polarity),
        );
        expect(result.accuracy).toBeGreaterThan(0.88);
        expect(result.auc).toBeGreaterThan(0.95);
      }
    });
  });
});
