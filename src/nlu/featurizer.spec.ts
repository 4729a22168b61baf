import { BIAS_INDEX, Featurizer, extractNgrams, DEFAULT_FEATURIZER_OPTIONS } from './featurizer';

const texts = [
  'where is my order',
  'track my order please',
  'I want a refund',
  'refund my money',
  '我的订单在哪里',
  '我要退款',
  '订单 退款',
];

function dot(f: Featurizer, a: string, b: string): number {
  const va = f.transform(a);
  const vb = f.transform(b);
  const map = new Map<number, number>();
  va.indices.forEach((idx, i) => idx !== BIAS_INDEX && map.set(idx, va.values[i]));
  let sum = 0;
  vb.indices.forEach((idx, i) => (sum += (map.get(idx) ?? 0) * vb.values[i]));
  return sum;
}

describe('Featurizer', () => {
  const featurizer = Featurizer.fit(texts, { minDf: 1 });

  it('extracts word-bounded char n-grams, word n-grams and CJK n-grams', () => {
    const keys = [...extractNgrams('My order 退款', DEFAULT_FEATURIZER_OPTIONS).keys()];
    expect(keys).toEqual(
      expect.arrayContaining(['c: my', 'c:order', 'w:my order', 'z:退', 'z:退款']),
    );
    expect(keys).not.toContain('c:y o');
  });

  it('counts an emoji as one character of its n-grams, never half of one', () => {
    const keys = [...extractNgrams('ok 👍', DEFAULT_FEATURIZER_OPTIONS).keys()];
    expect(keys).toEqual(expect.arrayContaining(['c: 👍', 'c:👍 ', 'c: 👍 ', 'w:ok 👍']));
    expect(keys.some((k) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(k))).toBe(false);
  });

  it('makes typos close to the correct spelling and far from another intent', () => {
    expect(dot(featurizer, 'wher is my ordr', 'where is my order')).toBeGreaterThan(
      dot(featurizer, 'wher is my ordr', 'I want a refund'),
    );
  });

  it('makes Chinese texts with shared words close', () => {
    expect(dot(featurizer, '退款', '我要退款')).toBeGreaterThan(
      dot(featurizer, '退款', '我的订单在哪里'),
    );
  });

  it('always includes the bias feature, also for empty text', () => {
    const empty = featurizer.transform('');
    expect(Array.from(empty.indices)).toEqual([BIAS_INDEX]);
    expect(Array.from(empty.values)).toEqual([1]);
  });

  it('round-trips through JSON and gives the same vectors', () => {
    const copy = Featurizer.fromJSON(JSON.parse(JSON.stringify(featurizer.toJSON())));
    expect(copy.transform('track my refund 退款')).toEqual(
      featurizer.transform('track my refund 退款'),
    );
  });

  it('drops rare features with minDf and caps the vocabulary', () => {
    const small = Featurizer.fit(texts, { minDf: 2, maxFeatures: 10 });
    expect(small.dimension).toBeLessThanOrEqual(11);
    expect(small.config.vocab).toContain('w:my');
  });
});
