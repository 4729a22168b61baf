import { FaqMatcher } from './faq-matcher';

/** Every known word equally common, except the shop words a question to a shop is full of. */
const COMMON = new Set(['w:order', 'w:shipping', 'z:订单']);
const idf = (feature: string) => (COMMON.has(feature) ? 1 : 5);

function matcher(): FaqMatcher {
  const m = new FaqMatcher(idf, 8);
  m.set('gift', [{ templateId: 'gift', locale: 'en', text: 'Do you sell gift cards?' }]);
  m.set('abroad', [{ templateId: 'abroad', locale: 'en', text: 'Do you ship internationally?' }]);
  m.set('gift-zh', [{ templateId: 'gift-zh', locale: 'zh', text: '你们有礼品卡吗？' }]);
  m.set('warranty-zh', [{ templateId: 'warranty-zh', locale: 'zh', text: '商品保修多久？' }]);
  m.set('crash', [{ templateId: 'crash', locale: 'en', text: 'the app keeps crashing' }]);
  return m;
}

describe('FaqMatcher', () => {
  it('finds the entry a message asks in other words, singular or plural', () => {
    expect(matcher().match('are gift cards available?', 'en', 0.5)?.templateId).toBe('gift');
    expect(matcher().match('can I buy a gift card', 'en', 0.5)?.templateId).toBe('gift');
    expect(matcher().match('能买礼品卡吗', 'zh', 0.5)?.templateId).toBe('gift-zh');
    expect(matcher().match('保修期多久', 'zh', 0.5)?.templateId).toBe('warranty-zh');
    // -es after sh/ch/x/ss/z is a plural or third person too ("crashes", "boxes").
    expect(matcher().match('your app crashes', 'en', 0.5)?.templateId).toBe('crash');
  });

  it('needs most of both questions shared, not one word of a longer message', () => {
    expect(
      matcher().match('I want to return a gift I got for my birthday last week', 'en', 0.5),
    ).toBeNull();
    expect(matcher().match('can you sell stocks for me', 'en', 0.5)).toBeNull();
    expect(matcher().match('where is my order', 'en', 0.5)).toBeNull();
  });

  it('answers only in the locale asked, and forgets a removed entry', () => {
    const m = matcher();
    expect(m.match('gift cards?', 'zh', 0.5)).toBeNull();
    m.set('gift', []);
    expect(m.match('are gift cards available?', 'en', 0.5)).toBeNull();
  });

  it('scores nothing for a message with no words of its own', () => {
    expect(matcher().match('', 'en', 0)).toBeNull();
    expect(matcher().match('do you have any?', 'en', 0)).toBeNull();
    expect(matcher().match('👍👍', 'en', 0)).toBeNull();
  });
});
