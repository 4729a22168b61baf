import { editDistance, matchesKeyword } from './fuzzy-keyword';

describe('fuzzy keywords', () => {
  it('counts edits, an adjacent swap as one', () => {
    expect(editDistance('order', 'order', 1)).toBe(0);
    expect(editDistance('roder', 'order', 1)).toBe(1);
    expect(editDistance('purchqse', 'purchase', 2)).toBe(1);
    expect(editDistance('xyzzy', 'order', 1)).toBe(2);
  });

  it('accepts common misspellings of order and invoice words', () => {
    for (const w of ['oder', 'ordedr', 'theorder', 'puchase', 'purchaes']) {
      expect(matchesKeyword(w, ['order', 'purchase'])).toBe(true);
    }
    for (const w of ['invoicw', 'invoce', 'bil', 'biull']) {
      expect(matchesKeyword(w, ['invoice', 'bill'])).toBe(true);
    }
  });

  it('does not stretch short keywords to unrelated words', () => {
    for (const w of ['will', 'fill', 'folder', 'or', 'is']) {
      expect(matchesKeyword(w, ['bill', 'order'])).toBe(false);
    }
  });
});
