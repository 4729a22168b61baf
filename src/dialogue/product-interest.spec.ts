import {
  applyBudget,
  budgetOf,
  findCategory,
  namesKindOfProduct,
  rankByInterest,
  recommendFrom,
  singular,
} from './product-interest';

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

  it('names a category kept as a bare slug by its usual English name', () => {
    expect(findCategory('something for my kitchen', [...DEMO, 'home'], 'en')).toEqual({
      category: 'home',
      label: 'home & kitchen',
    });
    expect(findCategory('running shoes', DEMO, 'en')).toEqual({
      category: 'shoes',
      label: 'shoes',
    });
    expect(findCategory('a lamp', ['Home & Living'], 'en')?.label).toBe('Home & Living');
  });

  it('takes the head of a compound and the first of separate phrases', () => {
    const withSports = [...DEMO, 'sports', 'toys', 'bags'];
    expect(category('recommend sport shoes', withSports)).toBe('shoes');
    expect(category('推荐一款运动鞋', withSports, 'zh')).toBe('shoes');
    expect(category('推荐个书包', withSports, 'zh')).toBe('bags');
    expect(category('shoes for the gym', withSports)).toBe('shoes');
    expect(category('toys for my cat', withSports)).toBe('toys');
    // Chinese modifiers come before the head, with no space: kids' rain boots are shoes.
    expect(category('有没有儿童雨靴', withSports, 'zh')).toBe('shoes');
    expect(category('儿童的鞋', withSports, 'zh')).toBe('shoes');
    expect(category('儿童玩具', withSports, 'zh')).toBe('toys');
    expect(category('玩具和鞋', withSports, 'zh')).toBe('toys');
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
  const titles = (text: string, list: string[], cheapFirst = false) =>
    rankByInterest(
      text,
      list.map((title) => ({ title, price: title.length })),
      cheapFirst,
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

  it('goes cheapest first among equally fitting titles when asked for cheap ones', () => {
    // Prices here are the titles' lengths.
    expect(
      titles('cheap headphones?', ['Pro Studio Headphones', 'Speaker', 'Slim Headphones'], true),
    ).toEqual(['Slim Headphones', 'Pro Studio Headphones', 'Speaker']);
  });
});

describe('singular', () => {
  it('handles the common English plurals of product words', () => {
    expect(
      ['shoes', 'dresses', 'boxes', 'accessories', 'glass', 'jeans', 'tv'].map(singular),
    ).toEqual(['shoe', 'dress', 'box', 'accessory', 'glass', 'jean', 'tv']);
  });
});

describe('budgetOf', () => {
  it('reads a price ceiling only when the number is a price', () => {
    expect(budgetOf('sneakers under $80 please')).toEqual({
      max: 80,
      currency: 'USD',
      cheap: false,
    });
    expect(budgetOf('something below 49.5 euros')).toEqual({
      max: 49.5,
      currency: 'EUR',
      cheap: false,
    });
    expect(budgetOf('推荐100元以内的耳机')).toEqual({ max: 100, currency: 'CNY', cheap: false });
    expect(budgetOf('预算200，买双鞋')).toEqual({ max: 200, currency: null, cheap: false });
    expect(budgetOf('toys for kids under 10')).toEqual({ max: null, currency: null, cheap: false });
    expect(budgetOf('不超过3天能到的')).toEqual({ max: null, currency: null, cheap: false });
    expect(budgetOf('any cheap headphones?')).toEqual({ max: null, currency: null, cheap: true });
    expect(budgetOf('有没有便宜点的台灯')).toEqual({ max: null, currency: null, cheap: true });
    // A price aimed at allows a little more.
    expect(budgetOf('a present for my dad, around 50 bucks')).toEqual({
      max: 62.5,
      around: 50,
      currency: 'USD',
      cheap: false,
    });
    expect(budgetOf('300块左右的耳机')).toMatchObject({ max: 375, around: 300, currency: 'CNY' });
    expect(budgetOf('about 5 days')).toEqual({ max: null, currency: null, cheap: false });
    expect(budgetOf('3天左右能到吗')).toEqual({ max: null, currency: null, cheap: false });
    // Right after products were shown a bare amount is a price, but not a duration or an age.
    const bare = { bareAmounts: true };
    expect(budgetOf('something under 100', bare).max).toBe(100);
    // Out of context, from 20 up and with no one's age in sight it can only be a price.
    expect(budgetOf('I need headphones under 100').max).toBe(100);
    expect(budgetOf('gifts under 15').max).toBeNull();
    expect(budgetOf('a toy for a boy under 30').max).toBeNull();
    expect(budgetOf('below 49.99 please', bare).max).toBe(49.99);
    expect(budgetOf('under 3 days', bare).max).toBeNull();
    expect(budgetOf('for kids under 10 years', bare).max).toBeNull();
  });
});

describe('applyBudget', () => {
  const list = [
    { title: 'a', price: 120, currency: 'USD' },
    { title: 'b', price: 45, currency: 'USD' },
    { title: 'c', price: 79.99, currency: 'USD' },
  ];
  const usd = (max: number | null) => ({ max, currency: 'USD', cheap: false });
  const titles = (r: { products: { title: string }[] }) => r.products.map((p) => p.title);

  it('keeps what fits, in popularity order', () => {
    expect(titles(applyBudget(list, usd(80)))).toEqual(['b', 'c']);
    expect(titles(applyBudget(list, usd(null)))).toEqual(['a', 'b', 'c']);
  });

  it('says when nothing fits and keeps all', () => {
    const none = applyBudget(list, usd(20));
    expect(none.withinBudget).toBe(false);
    expect(titles(none)).toEqual(['a', 'b', 'c']);
  });

  it('reads a budget in another currency as "not expensive", without converting it', () => {
    const yuan = applyBudget(list, { max: 100, currency: 'CNY', cheap: false });
    expect(yuan.applied).toEqual({ max: null, currency: null, cheap: true });
    expect(titles(yuan)).toEqual(['a', 'b', 'c']);
    // No currency named: the shop's is meant.
    expect(titles(applyBudget(list, { max: 100, currency: null, cheap: false }))).toEqual([
      'b',
      'c',
    ]);
  });
});

describe('recommendFrom', () => {
  const popular = [
    { title: 'Slim Webcam', price: 59, currency: 'USD' },
    { title: 'Pro Wireless Headphones', price: 180, currency: 'USD' },
    { title: 'Bluetooth Speaker', price: 29, currency: 'USD' },
    { title: 'Compact Wireless Headphones', price: 125, currency: 'USD' },
  ];
  const titles = (r: { products: { title: string }[] }) => r.products.map((p) => p.title);

  it('shows what the shopper named, not other popular products, within the budget', () => {
    expect(titles(recommendFrom('wireless headphones please', popular))).toEqual([
      'Pro Wireless Headphones',
      'Compact Wireless Headphones',
    ]);
    expect(titles(recommendFrom('headphones under $150', popular))).toEqual([
      'Compact Wireless Headphones',
    ]);
  });

  it('finds what the shopper named with a typo in it, but not a short word one letter off', () => {
    const typo = recommendFrom('recomend me some hedphones', popular);
    expect(typo.matched).toBe(true);
    expect(titles(typo)).toEqual(['Pro Wireless Headphones', 'Compact Wireless Headphones']);
    expect(titles(recommendFrom('a good speeker please', popular))).toEqual(['Bluetooth Speaker']);
    // "Webcm" is too short to correct: nothing named is in the shop.
    expect(recommendFrom('a webcm', popular).unmatched).toBe(true);
  });

  it('offers the least expensive of them when none fits the budget', () => {
    const none = recommendFrom('headphones under $100', popular);
    expect(none.withinBudget).toBe(false);
    expect(titles(none)).toEqual(['Compact Wireless Headphones', 'Pro Wireless Headphones']);
    // Cheapest first even when a dearer one fits the words better.
    const shoes = [
      { title: 'Everyday Running Shoes', price: 154, currency: 'USD' },
      { title: 'Cushioned Trail Shoes', price: 83, currency: 'USD' },
    ];
    expect(titles(recommendFrom('running shoes under $60', shoes))).toEqual([
      'Cushioned Trail Shoes',
      'Everyday Running Shoes',
    ]);
  });

  it('keeps to the kind of product named when some titles are of that kind', () => {
    const water = [
      { title: 'Pet Water Fountain', price: 62.99, currency: 'USD' },
      { title: 'Summit Water Bottle', price: 29.99, currency: 'USD' },
      { title: 'Performance Water Bottle', price: 28.99, currency: 'USD' },
    ];
    expect(titles(recommendFrom('do you have water bottles', water))).toEqual([
      'Summit Water Bottle',
      'Performance Water Bottle',
    ]);
    // Nothing of the kind named ("water features"): what shares its words, as before.
    expect(titles(recommendFrom('any water features for the garden', water))).toHaveLength(3);
  });

  it('puts the cheapest first when asked for the cheapest, or with a budget in another currency', () => {
    const shoes = [
      { title: 'Everyday Running Shoes', price: 154, currency: 'USD' },
      { title: 'Cushioned Trail Shoes', price: 83, currency: 'USD' },
      { title: 'Wide-Fit Trail Shoes', price: 110, currency: 'USD' },
    ];
    expect(titles(recommendFrom('cheapest running shoes', shoes))).toEqual([
      'Cushioned Trail Shoes',
      'Wide-Fit Trail Shoes',
      'Everyday Running Shoes',
    ]);
    // Without "cheapest", the best fit for the words still comes first.
    expect(titles(recommendFrom('running shoes', shoes))[0]).toBe('Everyday Running Shoes');
    // 80 euros is not 80 dollars, and the shop has no exchange rate: the least expensive.
    const euros = recommendFrom('women running shoes under 80 euros', shoes);
    expect(euros.otherCurrency).toBe('EUR');
    expect(titles(euros)[0]).toBe('Cushioned Trail Shoes');
    expect(recommendFrom('running shoes under $80', shoes).otherCurrency).toBeNull();
  });

  it('shows things for the room named, in English and Chinese', () => {
    const home = [
      { title: 'Linen Duvet Cover', price: 99, currency: 'USD' },
      { title: 'Table Lamp', price: 49, currency: 'USD' },
      { title: 'Cast Iron Skillet', price: 39, currency: 'USD' },
      { title: 'Glass Food Containers', price: 24, currency: 'USD' },
    ];
    expect(titles(recommendFrom('something for my kitchen', home))).toEqual([
      'Cast Iron Skillet',
      'Glass Food Containers',
    ]);
    expect(titles(recommendFrom('anything nice for the bedroom?', home))).toEqual([
      'Linen Duvet Cover',
      'Table Lamp',
    ]);
    const homeZh = [
      { title: '亚麻被套', price: 99, currency: 'CNY' },
      { title: '铸铁煎锅', price: 39, currency: 'CNY' },
      { title: '电热水壶', price: 29, currency: 'CNY' },
    ];
    expect(titles(recommendFrom('推荐点厨房用的', homeZh))).toEqual(['铸铁煎锅', '电热水壶']);
  });

  it('shows what a Chinese message names among Chinese titles', () => {
    const tech = [
      { title: 'Juniper 网络摄像头', price: 59, currency: 'USD' },
      { title: 'Kestrel 智能手表', price: 145, currency: 'USD' },
      { title: 'Kestrel 无线耳机', price: 183, currency: 'USD' },
      { title: 'Ember 降噪耳机', price: 99, currency: 'USD' },
    ];
    expect(titles(recommendFrom('帮我推荐一个耳机', tech))).toEqual([
      'Kestrel 无线耳机',
      'Ember 降噪耳机',
    ]);
    // Nothing named: the popular ones, in popularity order.
    expect(titles(recommendFrom('有什么好东西推荐吗', tech))).toHaveLength(4);
    expect(recommendFrom('有什么好东西推荐吗', tech).unmatched).toBe(false);
  });

  it('tells a request that names something no title has from one that names nothing', () => {
    expect(recommendFrom('do you sell yoga mats?', popular).unmatched).toBe(true);
    expect(recommendFrom('你们卖瑜伽垫吗', popular).unmatched).toBe(true);
    expect(recommendFrom('do you sell headphones?', popular).unmatched).toBe(false);
    expect(recommendFrom('can you recommend something nice?', popular).unmatched).toBe(false);
    expect(recommendFrom('有没有推荐的', popular).unmatched).toBe(false);
    // A budget names nothing; neither do who it is for and "suitable".
    expect(recommendFrom('200元以内的', popular).unmatched).toBe(false);
    expect(recommendFrom('anything under 200?', popular).unmatched).toBe(false);
    expect(recommendFrom('有没有适合送爸爸的礼物', popular).unmatched).toBe(false);
  });

  it('keeps every popular product when the message names nothing in particular', () => {
    expect(titles(recommendFrom('something under $60', popular))).toEqual([
      'Slim Webcam',
      'Bluetooth Speaker',
    ]);
  });
});

describe('namesKindOfProduct', () => {
  const titles = [
    'Aurora Calming Dog Bed',
    'Juniper Chew Toy Set',
    'Bluebird 宠物饮水机',
    'Ember 登山背包',
    'Aurora 猫抓板',
    'Kestrel Watering Can',
  ].map((title) => ({ title }));
  const names = (text: string) => namesKindOfProduct(text, titles);

  it('finds the kind of product a title is, in English and Chinese', () => {
    expect(names('my cat needs a new bed')).toBe(true);
    expect(names('any chew toys?')).toBe(true);
    expect(names('有饮水机吗')).toBe(true);
    expect(names('我要买一个背包')).toBe(true);
    expect(names('有猫抓板吗')).toBe(true);
    // A shortened Chinese name drops a middle character.
    expect(names('有猫板吗')).toBe(true);
    // The kind comes before a rating or a model number.
    const rated = [{ title: 'Ember Gentle Sunscreen SPF 50' }, { title: 'Kestrel Trail Runner 2' }];
    expect(namesKindOfProduct('hey do u guys have sunscreen', rated)).toBe(true);
    expect(namesKindOfProduct('any trail runners?', rated)).toBe(true);
  });

  it('among what the shopper bought, also "my …" and a noun followed by a verb', () => {
    expect(names('when will my dog bed arrive')).toBe(false);
    expect(namesKindOfProduct('when will my dog bed arrive', titles, { anyMention: true })).toBe(
      true,
    );
    expect(namesKindOfProduct('the chew toys arrived broken', titles, { anyMention: true })).toBe(
      true,
    );
    expect(namesKindOfProduct('where is my order', titles, { anyMention: true })).toBe(false);
    // In Chinese only the head noun: "热水" is not the kettle 电热水壶.
    const kettle = [{ title: 'Kestrel 电热水壶' }];
    expect(namesKindOfProduct('这款保温杯能装热水吗', kettle, { anyMention: true })).toBe(false);
    expect(namesKindOfProduct('水壶什么时候到', kettle, { anyMention: true })).toBe(true);
  });

  it('does not take a word that only describes the product for its kind', () => {
    expect(names('can you recommend a good vet for my dog')).toBe(false);
    expect(names('can you recommend a good restaurant nearby')).toBe(false);
    expect(names('calming music for my cat')).toBe(false);
    expect(names('推荐一家宠物医院')).toBe(false);
    expect(names('去登山要注意什么')).toBe(false);
  });
});
