import { SentimentExample } from './sentiment-corpus';
import { trainSentimentModel } from './sentiment-trainer';
import { SentimentModel, SentimentModelError } from './sentiment-model';

function example(text: string, polarity: -1 | 0 | 1, lang: 'en' | 'zh' = 'en'): SentimentExample {
  return { text, polarity, lang, stratum: `${lang}:${polarity}`, source: 'review' };
}

const POSITIVE = [
  'love it',
  'great quality',
  'love the colour',
  'great fit, love',
  'really great',
  'so happy, love',
];
const NEGATIVE = [
  'awful fabric',
  'bad fit',
  'awful, returned',
  'bad quality',
  'really bad',
  'awful and bad',
];
const train = [
  ...POSITIVE.map((t) => example(t, 1)),
  ...NEGATIVE.map((t) => example(t, -1)),
  example('很好', 1, 'zh'),
  example('很好很好', 1, 'zh'),
  example('很差', -1, 'zh'),
  example('很差很差', -1, 'zh'),
];
const valid = [example('great colour', 1), example('bad colour', -1), example('it is ok', 0)];

describe('trainSentimentModel', () => {
  it('learns the polarity of words it saw, in a new sentence', () => {
    const model = trainSentimentModel(train, valid, {
      featurizer: { minDf: 1 },
      maxEpochs: 30,
      patience: 30,
    });
    expect(model.score('love this, great').score).toBeGreaterThan(0);
    expect(model.score('awful, really bad').score).toBeLessThan(0);
    expect(model.score('很好').score).toBeGreaterThan(model.score('很差').score);
  });

  it('gives the same weights for the same seed', () => {
    const options = { featurizer: { minDf: 1 }, seed: 7 };
    const a = trainSentimentModel(train, valid, options);
    const b = trainSentimentModel(train, valid, options);
    expect(a.config.weights).toEqual(b.config.weights);
  });
});

describe('SentimentModel', () => {
  it('rejects weights that do not fit the featurizer', () => {
    const model = trainSentimentModel(train, valid, { featurizer: { minDf: 1 } });
    expect(
      () => new SentimentModel(model.featurizer, { ...model.config, weights: [1, 2] }),
    ).toThrow(SentimentModelError);
  });

  it('reports a missing model directory with a typed error', () => {
    expect(() => SentimentModel.load('/nonexistent/model')).toThrow(SentimentModelError);
  });
});
