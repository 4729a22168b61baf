import { findCategory, rankByInterest, singular } from './product-interest';

const DEMO = ['beauty', 'books', 'clothing', 'electronics', 'garden', 'home', 'pets', 'shoes'];

describe('findCategory', () => {
  const category = (text: string, categories = DEMO, locale: 'en' | 'zh' = 'en') =>
    findCategory(text, categories, locale)?.category ?? null;

  it('finds a category named directly, singular or plural', () => {
    expect(category('any good shoes?')).toBe('shoes');
    expect(category('I need a new book')).toBe('books');
  });

  it('finds it through a word for things in it', () => {
    expect(category('looking for sneakers under $80')).toBe('shoes');
    expect(category('can you suggest wireless headphones')).toBe('electronics');
    expect(category('something for my dog')).toBe('pets');
    expect(category('a nice sunscreen for the beach')).toBe('beauty');
  });

  it('understands Chinese requests and names the category in Chinese', () => {
    expect(findCategory('推荐几双跑鞋', DEMO, 'zh')).toEqual({ category: 'shoes', label: '鞋类' });
    expect(category('有什么好看的裙子吗', DEMO, 'zh')).toBe('clothing');
    expect(category('给猫买点东西', DEMO, 'zh')).toBe('pets');
  });

  it('takes the head of a compound and the first of separate phrases', () => {
    const withSports = [...DEMO, 'sports', 'toys', 'bags'];
    expect(category('recommend sport shoes', withSports)).toBe('shoes');
    expect(category('推荐一款运动鞋', withSports, 'zh')).toBe('shoes');
    expect(category('推荐个书包', withSports, 'zh')).toBe('bags');
    expect(category('shoes for the gym', withSports)).toBe('shoes');
    expect(category('toys for my cat', withSports)).toBe('toys');
  });

  it("matches the shop's own names, compound or Chinese", () => {
    expect(category('a good kettle?', ['Home & Kitchen', 'Shoes'])).toBe('Home & Kitchen');
    expect(findCategory('想买双靴子', ['鞋靴', '女装'], 'zh')).toEqual({
      category: '鞋靴',
      label: '鞋靴',
    });
  });

  it('does not read a category into unrelated words', () => {
    expect(category('what do you recommend?')).toBeNull();
    expect(category('推荐几款包邮的', [...DEMO, 'bags'], 'zh')).toBeNull();
    expect(category('show me your top picks in the catalogue')).toBeNull();
    // Only categories the shop has: no bags here, so a backpack names nothing.
    expect(category('recommend a backpack')).toBeNull();
  });
});

describe('rankByInterest', () => {
  const titles = (text: string, list: string[]) =>
    rankByInterest(
      text,
      list.map((title) => ({ title })),
    ).map((p) => p.title);

  it("puts titles sharing the message's words first and keeps popularity order otherwise", () => {
    const popular = [
      'Kestrel Waterproof Slippers',
      'Juniper Everyday Running Shoes',
      'Northwind Canvas Sneakers',
      'Aurora Cushioned Running Shoes',
    ];
    expect(titles('any good running shoes?', popular)).toEqual([
      'Juniper Everyday Running Shoes',
      'Aurora Cushioned Running Shoes',
      'Kestrel Waterproof Slippers',
      'Northwind Canvas Sneakers',
    ]);
    expect(titles('recommend something please', popular)).toEqual(popular);
  });
});

describe('singular', () => {
  it('handles the common English plurals of product words', () => {
    expect(
      ['shoes', 'dresses', 'boxes', 'accessories', 'glass', 'jeans', 'tv'].map(singular),
    ).toEqual(['shoe', 'dress', 'box', 'accessory', 'glass', 'jean', 'tv']);
  });
});
