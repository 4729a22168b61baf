import { MAX_NORMALIZED_CHARS, normalize } from './normalize';

describe('normalize', () => {
  it('folds full-width characters, case and whitespace', () => {
    expect(normalize('  ＷＨＥＲＥ　is\tMy  Order？ ')).toBe('where is my order?');
  });

  it('keeps Chinese text and separates emoji into tokens without skin-tone modifiers', () => {
    expect(normalize('谢谢👍🏽很好')).toBe('谢谢 👍 很好');
  });

  it('drops lone surrogates but keeps valid pairs', () => {
    expect(normalize('a\uD800b\uDC00c 😀')).toBe('abc 😀');
  });

  it('caps very long input', () => {
    const out = normalize('refund '.repeat(20000));
    expect(out.length).toBeLessThanOrEqual(MAX_NORMALIZED_CHARS);
    expect(out.startsWith('refund refund')).toBe(true);
  });

  it('returns an empty string for empty or whitespace-only input', () => {
    expect(normalize('')).toBe('');
    expect(normalize(' \n\t ')).toBe('');
  });
});
