import { SpellingCorrector, oneEditApart } from './spelling';

/** A model vocabulary: word features with their idf (lower: more common). */
function vocabulary(words: Record<string, number>) {
  const entries = Object.entries(words);
  return {
    vocab: [...entries.map(([w]) => `w:${w}`), 'c: pa', 'w:my package', 'z:退货'],
    idf: [...entries.map(([, idf]) => idf), 1, 1, 1],
  };
}

describe('SpellingCorrector', () => {
  const corrector = SpellingCorrector.forVocabulary(
    vocabulary({ package: 2, refund: 2, whats: 1.5, where: 1, jello: 1, hello: 3, cancel: 2 }),
    // The English dictionary: real words are never changed.
    ['package', 'refund', 'watts', 'where', 'wheres', 'jello', 'hello', 'cancel', 'cancels'],
  );

  it('corrects a word one edit from a word the model knows', () => {
    expect(corrector.correct('wheres my packge??')).toBe('wheres my package??');
    expect(corrector.correct('did my rfeund go through')).toBe('did my refund go through');
    expect(corrector.correct('CANCELL it')).toBe('cancel it');
  });

  it('leaves real words, known words, short words, numbers and contractions alone', () => {
    expect(corrector.correct('how many watts')).toBe('how many watts');
    expect(corrector.correct('it cancels')).toBe('it cancels');
    expect(corrector.correct('whr is it')).toBe('whr is it');
    expect(corrector.correct('order A1234 and packge2 and SKU-PACKGE5')).toBe(
      'order A1234 and packge2 and SKU-PACKGE5',
    );
    expect(corrector.correct("packge's")).toBe("packge's");
    expect(corrector.correct('退货 refnd 退款')).toBe('退货 refund 退款');
  });

  it('prefers the candidate that keeps the first letter, then the more common one', () => {
    // One edit from "hello" and from the more common "jello": typos rarely hit the first letter.
    expect(corrector.correct('hjello')).toBe('hello');
    expect(corrector.correct('ello')).toBe('jello');
  });

  it('changes nothing when built as none', () => {
    expect(SpellingCorrector.none().correct('wheres my packge')).toBe('wheres my packge');
  });
});

describe('oneEditApart', () => {
  it.each([
    ['package', 'packge', true],
    ['refund', 'rfeund', true],
    ['cancel', 'cancell', true],
    ['where', 'whare', true],
    ['package', 'package', false],
    ['package', 'pakcgae', false],
    ['tell', 'hello', false],
  ])('%s / %s → %s', (a, b, expected) => {
    expect(oneEditApart(a, b)).toBe(expected);
    expect(oneEditApart(b, a)).toBe(expected);
  });
});
