import { oneEditApart } from '../nlu/spelling';
import type { Locale, ProductCard } from './dialogue.types';

/**
 * What a recommendation request is about: which of the shop's categories it names (directly or
 * through a common word for things in it, in English or Chinese) and which products' titles fit
 * its words best. "推荐几双跑鞋" has to land in a category called `shoes`, and "any good running
 * shoes?" should show running shoes before slippers.
 */

interface CategoryLexiconEntry {
  /** Names a shop might give the category (compared with the shop's own, normalised). */
  names: string[];
  /** Words a shopper uses for things in it. English: whole words, singular. Chinese: substrings. */
  en: string[];
  zh: string[];
  /** How the Chinese reply names the category when the shop's name for it is not Chinese. */
  zhLabel: string;
  /** How an English reply names it when the shop's name is a bare slug like `home`. */
  enLabel?: string;
}

// Written for this project from common storefront taxonomies. Bare words that also mean
// something else in a shop chat are left out (包 as in 包邮 "free shipping", "top" as in "top picks").
const CATEGORY_LEXICON: CategoryLexiconEntry[] = [
  {
    names: ['shoes', 'shoe', 'footwear', '鞋', '鞋类', '鞋靴'],
    en: ['shoe', 'sneaker', 'trainer', 'boot', 'sandal', 'slipper', 'loafer', 'heel', 'flip-flop'],
    zh: ['鞋', '靴'],
    zhLabel: '鞋类',
  },
  {
    names: ['clothing', 'clothes', 'apparel', 'fashion', '服装', '服饰', '女装', '男装'],
    en: [
      'clothes',
      'clothing',
      'shirt',
      't-shirt',
      'tee',
      'dress',
      'jacket',
      'coat',
      'jean',
      'trouser',
      'pant',
      'sweater',
      'hoodie',
      'jumper',
      'skirt',
      'short',
      'sock',
      'outfit',
      'blouse',
    ],
    zh: [
      '衣服',
      '衣裳',
      '裙',
      '裤',
      '外套',
      '夹克',
      '卫衣',
      '毛衣',
      '衬衫',
      'T恤',
      '袜',
      '服装',
      '穿搭',
    ],
    zhLabel: '服装',
  },
  {
    names: ['electronics', 'electronic', 'tech', 'gadgets', '电子产品', '数码', '电子'],
    en: [
      'electronic',
      'gadget',
      'headphone',
      'earbud',
      'earphone',
      'speaker',
      'charger',
      'phone',
      'laptop',
      'tablet',
      'camera',
      'webcam',
      'keyboard',
      'smartwatch',
      'smart watch',
      'power bank',
      'e-reader',
      'tv',
    ],
    zh: [
      '电子',
      '数码',
      '耳机',
      '音箱',
      '充电',
      '手机',
      '电脑',
      '平板',
      '相机',
      '摄像头',
      '键盘',
      '鼠标',
      '手表',
    ],
    zhLabel: '数码电子',
  },
  {
    names: ['beauty', 'cosmetics', 'skincare', 'makeup', '美妆', '美容', '个护'],
    en: [
      'beauty',
      'makeup',
      'make-up',
      'cosmetic',
      'lipstick',
      'skincare',
      'skin care',
      'moisturiser',
      'moisturizer',
      'serum',
      'sunscreen',
      'perfume',
      'fragrance',
      'shampoo',
      'mascara',
      'lotion',
    ],
    zh: ['美妆', '化妆', '护肤', '口红', '面霜', '精华', '防晒', '香水', '洗发', '面膜', '彩妆'],
    zhLabel: '美妆护肤',
  },
  {
    names: ['books', 'book', '图书', '书籍'],
    en: ['book', 'novel', 'cookbook', 'paperback', 'hardcover'],
    zh: ['书', '小说', '绘本', '读物'],
    zhLabel: '图书',
  },
  {
    names: ['home', 'kitchen', 'household', 'homeware', 'furniture', '家居', '厨房', '家具'],
    en: [
      'kitchen',
      'cookware',
      'pan',
      'skillet',
      'knife',
      'kettle',
      'lamp',
      'blanket',
      'pillow',
      'bedding',
      'duvet',
      'mug',
      'furniture',
      'decor',
      'homeware',
    ],
    zh: ['家居', '厨房', '锅', '刀具', '水壶', '台灯', '毯', '被套', '枕', '家具', '餐具'],
    zhLabel: '家居厨房',
    enLabel: 'home & kitchen',
  },
  {
    names: ['garden', 'gardening', 'outdoor', '园艺', '花园'],
    en: [
      'garden',
      'gardening',
      'plant',
      'planter',
      'seed',
      'hose',
      'lawn',
      'pruner',
      'watering can',
    ],
    zh: ['花园', '园艺', '植物', '花盆', '种子', '浇水', '草坪'],
    zhLabel: '园艺',
  },
  {
    names: ['pets', 'pet', 'pet supplies', '宠物', '宠物用品'],
    en: ['pet', 'dog', 'puppy', 'cat', 'kitten', 'leash', 'collar', 'litter', 'aquarium'],
    zh: ['宠物', '狗', '猫'],
    zhLabel: '宠物用品',
    enLabel: 'pet supplies',
  },
  {
    names: ['sports', 'sport', 'fitness', 'sporting goods', '运动', '运动户外', '健身'],
    en: [
      'sport',
      'fitness',
      'gym',
      'yoga',
      'workout',
      'exercise',
      'dumbbell',
      'cycling',
      'camping',
      'hiking',
      'tennis',
    ],
    zh: ['运动', '健身', '瑜伽', '哑铃', '骑行', '露营', '登山', '网球'],
    zhLabel: '运动户外',
    enLabel: 'sports & outdoors',
  },
  {
    names: ['toys', 'toy', 'games', 'kids', '玩具', '母婴玩具'],
    en: ['toy', 'lego', 'puzzle', 'doll', 'board game', 'kid', 'children', 'child'],
    zh: ['玩具', '积木', '拼图', '娃娃', '桌游', '小孩', '儿童'],
    zhLabel: '玩具',
    enLabel: 'toys & games',
  },
  {
    names: ['jewelry', 'jewellery', 'accessories', '首饰', '饰品'],
    en: ['jewelry', 'jewellery', 'necklace', 'ring', 'bracelet', 'earring'],
    zh: ['首饰', '项链', '戒指', '手链', '耳环', '饰品'],
    zhLabel: '首饰',
  },
  {
    names: ['bags', 'bag', 'luggage', '箱包', '包袋'],
    en: ['bag', 'backpack', 'handbag', 'purse', 'wallet', 'luggage', 'suitcase'],
    zh: ['背包', '包包', '手提包', '钱包', '行李箱', '挎包', '书包'],
    zhLabel: '箱包',
  },
];

// Parsed once: every recommendation request looks for all of them.
const LEXICON_CUES = new Map(
  CATEGORY_LEXICON.map((entry) => [entry, [...entry.en, ...entry.zh].map(parseTerm)]),
);

/** Words that say nothing about which product fits ("can you recommend some good ones"). */
const NOT_INTEREST = new Set(
  (
    'recommend recommendation suggest suggestion show find want need looking look buy get gift ' +
    'good best nice popular great cheap some any what which can could would you your please ' +
    'the and for with that this one thing something ideas idea give pick me our have has are ' +
    'there new top under below less than dollar buck euro pound budget price affordable ' +
    'sell selling sold carry stock store shop guy anything everything stuff item product'
  ).split(' '),
);

/**
 * Words of a recommendation request that say who or what it is for, or how it should be, rather
 * than what kind of product: "a gift for my mom", "something cool for summer". A request naming
 * only these is answered with popular picks as it is; one naming anything else that no title
 * has ("for a newborn") is told the shop has nothing like it. They still count when a title has
 * them ("Kids Rain Boots").
 */
const NOT_A_KIND = new Set(
  (
    'mom mum mother dad father parents wife husband boyfriend girlfriend partner friend friends ' +
    'him her kid kids son daughter brother sister grandma grandpa grandmother grandfather ' +
    'teacher colleague coworker boss someone somebody family birthday christmas xmas ' +
    'anniversary wedding holiday holidays valentine valentines graduation housewarming summer ' +
    'winter spring autumn fall cool fun unique special trending bestseller bestsellers hot ' +
    'latest right now today who likes loves lover really else other more just ideal perfect ' +
    'should must worth buying present presents help rated rating ratings review reviews ' +
    'reviewed quality'
  )
    .split(' ')
    .map(singular),
);
const NOT_A_KIND_ZH =
  /礼物|礼品|妈妈|爸爸|爸妈|父母|老婆|老公|男朋友|女朋友|朋友|孩子|长辈|老人|同事|老师|生日|圣诞|节日|热门|流行|最火|爆款|新品|送/gu;

export interface CategoryMatch {
  /** The shop's own category name, as `popularProducts` expects it. */
  category: string;
  /** How a reply in `locale` names it. */
  label: string;
}

/**
 * The shop category the message names; null when it names none. Mentions that follow each other
 * form one phrase whose last one is its head ("sport shoes", "运动鞋", "书包", "儿童雨靴" are
 * shoes, bags and shoes); of separate phrases the first wins ("shoes for the gym", "toys for my
 * cat", "玩具和鞋").
 */
export function findCategory(
  text: string,
  categories: string[],
  locale: Locale,
): CategoryMatch | null {
  const lower = text.toLowerCase();
  const words = englishWords(lower);
  const mentions: Mention[] = [];
  const collect = (term: Term, match: CategoryMatch) => {
    const found = mentionOf(lower, words, term);
    if (found) mentions.push({ ...found, match });
  };
  for (const category of categories) {
    const own = category.toLowerCase().trim();
    collect(parseTerm(own), { category, label: category });
    collect(parseTerm(singular(own)), { category, label: category });
    for (const [entry, cues] of LEXICON_CUES) {
      if (!namesCategory(entry, own)) continue;
      const label = locale === 'zh' && !hasCjk(category) ? entry.zhLabel : category;
      for (const cue of cues) collect(cue, { category, label });
    }
  }
  if (mentions.length === 0) return null;
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  let head = mentions[0];
  for (const next of mentions.slice(1)) {
    const gap = lower.slice(head.end, next.start);
    // Chinese puts modifiers before the head with no space: "儿童雨靴" and "儿童的鞋" are shoes.
    const joined =
      next.start <= head.end ||
      /^[\s-]*$/.test(gap) ||
      (/^\p{Script=Han}{1,3}$/u.test(gap) && !/[和与或跟及还]/.test(gap));
    if (!joined) break;
    if (next.end > head.end) head = next;
  }
  // A shop category named by a bare slug ("home") reads better in a reply by its usual name.
  const { category } = head.match;
  if (locale === 'en' && /^[a-z]+$/.test(category)) {
    const entry = CATEGORY_LEXICON.find((e) => namesCategory(e, category));
    if (entry?.enLabel) return { category, label: entry.enLabel };
  }
  return head.match;
}

/**
 * Rooms and pastimes a shopper names instead of a product ("something for my kitchen", "卧室用的"),
 * with words found in the titles of things for them. English: whole words, singular; Chinese:
 * substrings.
 */
const USES: { says: string[]; saysZh: string[]; titles: string[]; titlesZh: string[] }[] = [
  {
    says: ['kitchen', 'cooking', 'cook', 'baking', 'chef'],
    saysZh: ['厨房', '做饭', '烹饪', '下厨', '厨具'],
    titles: [
      'skillet',
      'pan',
      'pot',
      'knife',
      'kettle',
      'grinder',
      'container',
      'cookware',
      'mug',
      'cup',
      'bowl',
      'plate',
      'utensil',
      'teapot',
      'blender',
      'toaster',
      'chef',
    ],
    titlesZh: ['锅', '刀', '壶', '研磨', '保鲜', '杯', '碗', '盘', '厨'],
  },
  {
    says: ['bedroom', 'bed', 'sleep'],
    saysZh: ['卧室', '睡觉', '睡眠'],
    titles: ['duvet', 'pillow', 'blanket', 'sheet', 'bedding', 'mattress', 'lamp'],
    titlesZh: ['被', '枕', '毯', '床', '台灯'],
  },
];

/**
 * Chinese words that say nothing about which product fits ("请问你们有没有卖…的吗", "帮我推荐一个好用
 * 的"): removed before the rest is compared with titles. Longest first.
 */
const NOT_INTEREST_ZH =
  /有没有|卖不卖|推荐|帮我|请问|你们|我们|店里|这儿|这里|一个|一款|一些|一下|什么|可以|适合|合适|好用|好的|便宜|实惠|热销|想要|想买|需要|看看|东西|以内|以下|之内|预算|价格|\d+|[元块吗呢吧啊的了有没卖买给要想我你他她它家是在不还也都和跟请个款些点]/gu;

/** Pairs of adjacent Chinese characters in `text` ("无线耳机" → 无线, 线耳, 耳机). */
function cjkPairs(text: string): string[] {
  const pairs: string[] = [];
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) pairs.push(run.slice(i, i + 2));
  }
  return pairs;
}

/**
 * What the message names (words, Chinese character pairs, a room) and how well a title fits it:
 * the number of those it shares.
 */
interface Interest {
  namesSomething: boolean;
  score: (title: string) => number;
}

function interestOf(text: string): Interest {
  const lower = text.toLowerCase();
  const words = englishWords(lower).map((w) => w.word);
  // A number ("200元以内") is a budget or a quantity, not a thing.
  const wanted = new Set(
    words.filter((w) => w.length >= 3 && !NOT_INTEREST.has(w) && !/^\d+$/.test(w)),
  );
  // "帮我推荐一个耳机" fits "无线耳机": Chinese titles are compared by character pairs.
  const chinese = text.replace(NOT_INTEREST_ZH, ' ');
  const wantedPairs = new Set(cjkPairs(chinese));
  const uses = USES.filter(
    (u) => u.says.some((w) => words.includes(w)) || u.saysZh.some((w) => lower.includes(w)),
  );
  const namesSomething =
    // "boyfriend's" reads as boyfriend, "what's" as what.
    [...wanted].some((w) => {
      const base = w.replace(/'s?$/, '');
      return base.length >= 3 && !NOT_A_KIND.has(base) && !NOT_INTEREST.has(base);
    }) ||
    cjkPairs(chinese.replace(NOT_A_KIND_ZH, ' ')).length > 0 ||
    uses.length > 0;
  return {
    namesSomething,
    score: (title) => {
      const titleLower = title.toLowerCase();
      const titleWords = new Set(englishWords(titleLower).map((w) => w.word));
      const shared =
        [...titleWords].filter((w) => wanted.has(w)).length +
        new Set(cjkPairs(title).filter((p) => wantedPairs.has(p))).size;
      // A thing for the room named counts as one more shared word.
      const forUse = uses.some(
        (u) =>
          u.titles.some((w) => titleWords.has(w)) || u.titlesZh.some((w) => titleLower.includes(w)),
      );
      return shared + (forUse ? 1 : 0);
    },
  };
}

interface Scored<T> {
  product: T;
  /** Popularity rank among the candidates. */
  index: number;
  score: number;
}

function scoreAll<T extends Pick<ProductCard, 'title'>>(
  { score }: Interest,
  products: T[],
): Scored<T>[] {
  return products.map((product, index) => ({ product, index, score: score(product.title) }));
}

/** Best fit first; ties in popularity order, or cheapest first with `cheapFirst`. */
function byFit<T extends Pick<ProductCard, 'price'>>(
  scored: Scored<T>[],
  cheapFirst: boolean,
): T[] {
  return [...scored]
    .sort(
      (a, b) =>
        b.score - a.score ||
        (cheapFirst ? a.product.price - b.product.price : 0) ||
        a.index - b.index,
    )
    .map((s) => s.product);
}

/**
 * `products` (most popular first) reordered so that titles sharing more of the message's words
 * come first; ties keep popularity order, or go cheapest first with `cheapFirst`.
 */
export function rankByInterest<T extends Pick<ProductCard, 'title' | 'price'>>(
  text: string,
  products: T[],
  cheapFirst = false,
): T[] {
  return byFit(scoreAll(interestOf(text), products), cheapFirst);
}

/**
 * What to show for a recommendation request, from the category's popular products: those whose
 * titles fit the message's words when any do ("wireless headphones" shows headphones, not the
 * popular webcam), within the budget when one is given, best fit first. When none fits the
 * budget, `withinBudget` is false and the least expensive fitting products are given instead.
 */
export function recommendFrom<T extends Pick<ProductCard, 'title' | 'price' | 'currency'>>(
  text: string,
  candidates: T[],
  budget: Budget = budgetOf(text),
): {
  products: T[];
  withinBudget: boolean;
  applied: Budget;
  /** The message names something no title has ("yoga mats"): these are just the popular ones. */
  unmatched: boolean;
  /** Some titles fit the message's words ("headphones"): those are what `products` shows. */
  matched: boolean;
  /** The budget was in another currency than the shop's: the least expensive are shown. */
  otherCurrency: string | null;
} {
  let interest = interestOf(text);
  let scored = scoreAll(interest, candidates);
  if (interest.namesSomething && !scored.some((s) => s.score > 0)) {
    // Nothing fits what it names: perhaps a typo ("hedphones"), read again as the titles spell it.
    const respelt = spelledLikeTitles(
      text,
      candidates.map((c) => c.title),
    );
    if (respelt !== text) {
      interest = interestOf(respelt);
      scored = scoreAll(interest, candidates);
    }
  }
  const matching = scored.filter((s) => s.score > 0);
  // "Water bottles": the bottles, not the pet water fountains that share a word with them.
  const named = kindNamedIn(text);
  const ofKind = matching.filter((s) => named(s.product.title));
  const fitting = ofKind.length > 0 ? ofKind : matching;
  const pool = fitting.length > 0 ? fitting : scored;
  const affordable = applyBudget(
    pool.map((s) => s.product),
    budget,
  );
  const kept = new Set(affordable.products);
  const otherCurrency = affordable.applied === budget ? null : budget.currency;
  // Over budget, "these are the least expensive" must be true: by price alone. So must "the
  // cheapest", and a budget in another currency is shown as the least expensive.
  const byPrice = !affordable.withinBudget || otherCurrency !== null || CHEAPEST.test(text);
  return {
    products: byPrice
      ? pool
          .filter((s) => kept.has(s.product))
          .map((s) => s.product)
          .sort((a, b) => a.price - b.price)
      : byFit(
          pool.filter((s) => kept.has(s.product)),
          affordable.applied.cheap,
        ),
    withinBudget: affordable.withinBudget,
    applied: affordable.applied,
    unmatched: fitting.length === 0 && interest.namesSomething,
    matched: fitting.length > 0,
    otherCurrency,
  };
}

/** Shorter words are left as typed: one edit turns too many of them into another title's word. */
const MIN_MISSPELT_LENGTH = 6;

/**
 * The message with each word no title has, but one edit from exactly one word a title has,
 * spelt as the titles spell it ("recomend me some hedphones" → "… headphone"): a typo in what the
 * shopper wants still finds it (the intent model corrects towards its own vocabulary, which has
 * few product names).
 */
function spelledLikeTitles(text: string, titles: string[]): string {
  const titleWords = new Set(
    titles.flatMap((t) => englishWords(t.toLowerCase()).map((w) => w.word)),
  );
  return text.replace(/[A-Za-z]+/g, (raw) => {
    const word = singular(raw.toLowerCase());
    if (word.length < MIN_MISSPELT_LENGTH || titleWords.has(word) || NOT_INTEREST.has(word))
      return raw;
    const near = [...titleWords].filter((t) => oneEditApart(word, t));
    return near.length === 1 ? near[0] : raw;
  });
}

/** Last words of titles that name a pack rather than a kind of product ("Chew Toy Set"). */
const PACK_WORDS = new Set(['set', 'kit', 'pack', 'bundle', 'pair', 'collection']);
/** What may follow the kind in a title: a number, a size, a rating ("SPF 50", "XL", "2-pack"). */
const SPEC_WORD = /^(?:\d[\w.-]*|spf|upf|uv|xs|xl|xxl|mk\d*|gen\d*|v\d+)$/;

/**
 * The words of a title that say what kind of product it is: in English its last word ("Dog
 * Bed" → bed; "Chew Toy Set" → toy), in Chinese its character pairs but the first of a
 * run of four or more, which is mostly a modifier ("宠物饮水机" → 饮水, 水机 but not 宠物).
 */
function kindWords(title: string): { words: string[]; pairs: string[]; heads: string[] } {
  const words = englishWords(title.toLowerCase()).map((w) => w.word);
  // "Gentle Sunscreen SPF 50", "Trail Runner 2": the kind comes before a rating or a model number.
  while (words.length > 1 && SPEC_WORD.test(words.at(-1)!)) words.pop();
  const tail = PACK_WORDS.has(words.at(-1) ?? '') ? words.slice(-2, -1) : words.slice(-1);
  const pairs: string[] = [];
  const heads: string[] = [];
  for (const run of title.match(/\p{Script=Han}+/gu) ?? []) {
    const start = run.length >= 4 ? 1 : 0;
    for (let i = start; i + 1 < run.length; i++) pairs.push(run.slice(i, i + 2));
    // A shortened name drops a middle character: "跑鞋" for 跑步鞋, "水杯" for 水晶杯.
    for (let i = start; i + 2 < run.length; i++) pairs.push(run[i] + run[i + 2]);
    // The head noun ends the run: 水壶 (or 热壶) of 电热水壶, not 热水.
    if (run.length >= 2) heads.push(run.slice(-2));
    if (run.length >= 3) heads.push(run[run.length - 3] + run[run.length - 1]);
  }
  return { words: tail, pairs, heads };
}

/** The general name of a kind of product, as a shopper may call what they ordered. */
const GENERAL_NAMES = new Map<string, string[]>();
for (const [general, kinds] of [
  ['shoe', 'sneaker boot trainer sandal loafer slipper heel pump clog'],
  ['headphone', 'earbud earphone headset'],
  ['top', 'shirt t-shirt tee blouse'],
  ['trouser', 'jean chino legging'],
  ['pant', 'jean chino legging trouser'],
  ['coat', 'jacket parka'],
  ['jacket', 'coat parka'],
  ['bag', 'backpack tote handbag'],
]) {
  for (const kind of kinds.split(' '))
    GENERAL_NAMES.set(kind, [...(GENERAL_NAMES.get(kind) ?? []), general]);
}

/** Words before a noun that make it something the shopper has ("my car", "our bank"). */
const POSSESSIVES = new Set(['my', 'our', 'your', 'his', 'her', 'their', 'its']);
/** Words that may follow a product noun without making it part of a longer name ("the bottle order"). */
const AFTER_NOUN = new Set(
  'for to in on at of with without from under below over around about like as than that which who and or but so please too also here there now today i it order orders purchase parcel package delivery one ones'.split(
    ' ',
  ),
);

/**
 * The message names a kind of product some title is ("a leash for my puppy", "do you have dog
 * beds?", "有猫抓板吗"): not just a word a title shares ("a good vet for my dog" shares "dog"
 * with "Dog Bed"), not something the shopper already has ("clean my car"), and not a word that
 * only starts a longer name ("car wash", "bank account"). `anyMention`: the message is
 * known to be about a product (what the shopper bought, a product question), so "my webcam",
 * "when will the sneakers arrive" and "is the lamp dimmable" name one too.
 */
export function namesKindOfProduct(
  text: string,
  products: Pick<ProductCard, 'title'>[],
  options: { anyMention?: boolean } = {},
): boolean {
  const names = kindNamedIn(text, options);
  return products.some((p) => names(p.title));
}

/**
 * `namesKindOfProduct` for one title at a time, the message read once: for filtering many
 * products or orders by what the message names.
 */
export function kindNamedIn(
  text: string,
  options: { anyMention?: boolean } = {},
): (title: string) => boolean {
  const lower = text.toLowerCase();
  const words = englishWords(lower);
  const namedWords = new Set(
    words
      .filter(({ word, end }, i) => {
        // "can you recommend…" does not name a watering can.
        if (word.length < 3 || NOT_INTEREST.has(word)) return false;
        // Known to be about a product: "my webcam", "the bottle leaks" name it all the same.
        if (options.anyMention) return true;
        if (POSSESSIVES.has(words[i - 1]?.word ?? '')) return false;
        const next = words[i + 1];
        const compound =
          next && /^\s+$/.test(lower.slice(end, next.start)) && !AFTER_NOUN.has(next.word);
        return !compound;
      })
      .map((w) => w.word),
  );
  const pairs = new Set(cjkPairs(text.replace(NOT_INTEREST_ZH, ' ')));
  return (title) => {
    const kind = kindWords(title);
    // Any mention counts in English; in Chinese, where pairs overlap freely ("装热水" and
    // 电热水壶), only the head noun does. Something the shopper has may go by its general name
    // ("my shoes" for the sneakers they ordered).
    return (
      kind.words.some((w) => namedWords.has(w)) ||
      (!!options.anyMention &&
        kind.words.some((w) => GENERAL_NAMES.get(w)?.some((g) => namedWords.has(g)))) ||
      (options.anyMention ? kind.heads : kind.pairs).some((x) => pairs.has(x))
    );
  };
}

function namesCategory(entry: CategoryLexiconEntry, shopCategory: string): boolean {
  if (entry.names.includes(shopCategory) || entry.names.includes(singular(shopCategory)))
    return true;
  // "Home & Kitchen", "Shoes and boots": one of its words is enough.
  return shopCategory
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean)
    .some((part) => entry.names.includes(part) || entry.names.includes(singular(part)));
}

interface EnglishWord {
  /** Singular form. */
  word: string;
  start: number;
  end: number;
}

interface Mention {
  start: number;
  end: number;
  match: CategoryMatch;
}

/** Latin-script words of a lower-cased text, singular, with their positions. */
function englishWords(lower: string): EnglishWord[] {
  return [...lower.matchAll(/[a-z0-9][a-z0-9'-]*/g)].map((m) => ({
    word: singular(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/**
 * Where `term` is first mentioned: Chinese terms anywhere in the text, English ones as whole
 * words (singular, so "boots" finds "boot"; words in a row for "power bank"); null if absent.
 */
function mentionOf(
  lower: string,
  words: EnglishWord[],
  term: Term,
): { start: number; end: number } | null {
  if ('han' in term) {
    const start = term.han ? lower.indexOf(term.han) : -1;
    return start < 0 ? null : { start, end: start + term.han.length };
  }
  const parts = term.words;
  if (parts.length === 0) return null;
  for (let i = 0; i + parts.length <= words.length; i++) {
    if (parts.every((p, k) => words[i + k].word === p)) {
      return { start: words[i].start, end: words[i + parts.length - 1].end };
    }
  }
  return null;
}

/** A term to look for: Chinese as a substring, English as singular whole words. */
type Term = { han: string } | { words: string[] };

function parseTerm(term: string): Term {
  return hasCjk(term) ? { han: term } : { words: englishWords(term).map((w) => w.word) };
}

function hasCjk(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/** English plural to singular, good enough for product words (boxes, dresses, accessories). */
export function singular(word: string): string {
  if (word.length <= 3 || word.endsWith('ss') || !word.endsWith('s')) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|sses|xes|zes)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

export interface Budget {
  /** "under $80", "100元以内": the most the shopper wants to pay. */
  max: number | null;
  /** "Around $50", "300元左右": the price aimed at (`max` then allows a quarter more). */
  around?: number;
  /** The currency the shopper named with it (ISO code), null when they named none. */
  currency: string | null;
  /** "cheap", "便宜": cheapest first. */
  cheap: boolean;
}

// A number is a price only with a currency ("under $80", "below 50 euros", "100元以内"): "toys
// for kids under 10" and "不超过3天" are not budgets.
const EN_MAX =
  /\b(?:under|below|less than|cheaper than|max(?:imum)?|up to|no more than)\s*(?:(?:[$€£¥]|usd|eur|gbp)\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*(?:dollars?|bucks|euros?|pounds?|usd|eur|gbp)\b)/i;
const ZH_MAX =
  /预算\s*(\d+(?:\.\d+)?)|(?:不超过|低于|少于)\s*(\d+(?:\.\d+)?)\s*(?:元|块|美元|刀|美金)|(\d+(?:\.\d+)?)\s*(?:元|块|美元|刀|美金)?\s*(?:以内|以下|之内)/;
/** "The cheapest", "最便宜的": by price, whatever fits the words best. */
const CHEAPEST = /\b(?:cheapest|least expensive|lowest[- ]priced?)\b|最便宜|最实惠|价格最低/i;
const EN_AROUND =
  /\b(?:around|about|approx(?:imately)?|roughly|something like|in the region of)\s*(?:(?:[$€£¥]|usd|eur|gbp)\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*(?:dollars?|bucks|euros?|pounds?|usd|eur|gbp)\b)/i;
const ZH_AROUND = /(\d+(?:\.\d+)?)\s*(?:元|块|美元|刀|美金)?\s*(?:左右|上下)/;
/** "Around $50" allows a little more than 50. */
const AROUND_ALLOWANCE = 1.25;
const CHEAP =
  /\b(?:cheap|cheaper|cheapest|budget|affordable|inexpensive|low[- ]cost)\b|便宜|实惠|划算|平价|性价比/i;

const CURRENCY_WORDS: [RegExp, string][] = [
  [/\$|usd|dollar|bucks|美元|美金|刀/i, 'USD'],
  [/€|eur/i, 'EUR'],
  [/£|gbp|pound/i, 'GBP'],
  [/¥|元|块|人民币/, 'CNY'],
];

/** "Under 100", "below 50": a bare amount, a price only when the talk is already about prices. */
const EN_BARE_MAX =
  /\b(?:under|below|less than|cheaper than|up to|no more than)\s*(\d+(?:\.\d+)?)\b(?!\s*(?:years?|yrs?|months?|weeks?|days?|hours?|kg|g|cm|mm|m|inch(?:es)?|lbs?|people|persons|players|pieces|%))/i;

/** People's ages, which "under 12" may be about. */
const ABOUT_AGE =
  /\b(?:kids?|child(?:ren)?|toddlers?|bab(?:y|ies)|boys?|girls?|teens?|years?|yrs?|olds?|age[sd]?)\b/i;
/** Below this, a bare "under N" out of context may be an age or a size rather than a price. */
const MIN_BARE_PRICE = 20;

/** "Headphones under 100": a bare amount that can only be a price. */
function plainPriceLimit(text: string): RegExpExecArray | null {
  const match = EN_BARE_MAX.exec(text);
  return match && Number(match[1]) >= MIN_BARE_PRICE && !ABOUT_AGE.test(text) ? match : null;
}

/**
 * What the message says about price. `bareAmounts` also reads "under 100" as a budget: right
 * after products were shown, that is what it means ("toys for kids under 10" out of context is not).
 */
export function budgetOf(text: string, options: { bareAmounts?: boolean } = {}): Budget {
  const cheap = CHEAP.test(text);
  const ceiling = EN_MAX.exec(text) ?? ZH_MAX.exec(text);
  // "Around $50": a price aimed at, unless a ceiling is named as well.
  const around = ceiling ? null : (EN_AROUND.exec(text) ?? ZH_AROUND.exec(text));
  const match =
    ceiling ?? around ?? (options.bareAmounts ? EN_BARE_MAX.exec(text) : plainPriceLimit(text));
  if (!match) return { max: null, currency: null, cheap };
  const amount = Number(match.slice(1).find((group) => group !== undefined));
  const currency = CURRENCY_WORDS.find(([pattern]) => pattern.test(match[0]))?.[1] ?? null;
  return around
    ? { max: Math.round(amount * AROUND_ALLOWANCE * 100) / 100, around: amount, currency, cheap }
    : { max: amount, currency, cheap };
}

/**
 * The products within the budget, in their order. When none is, `withinBudget` is false and all
 * are kept (to show the least expensive). `applied` is the budget as used: one in another
 * currency than the shop's only means "not expensive" (100 yuan is not 100 dollars, and there is
 * no exchange rate here).
 */
export function applyBudget<T extends Pick<ProductCard, 'price' | 'currency'>>(
  products: T[],
  budget: Budget,
): { products: T[]; withinBudget: boolean; applied: Budget } {
  const foreign =
    budget.max !== null &&
    budget.currency !== null &&
    products.some((p) => p.currency !== budget.currency);
  const applied = foreign ? { max: null, currency: null, cheap: true } : budget;
  const max = applied.max;
  if (max === null) return { products, withinBudget: true, applied };
  const within = products.filter((p) => p.price <= max);
  return within.length > 0
    ? { products: within, withinBudget: true, applied }
    : { products, withinBudget: false, applied };
}
