import { join } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { NluService } from '../../nlu/nlu.service';
import { FaqMatcher } from '../faq-matcher';
import { SHIPPED_FAQ } from './index';

/**
 * The FAQ a new install ships, matched by words with the shipped intent model's term weights at
 * the served threshold: short follow-ups about an order or a product must not land on an FAQ
 * entry (a restock question worded "什么时候补货" once answered "什么时候到" after an order's
 * status), while each entry still finds its own questions.
 */
describe('shipped FAQ matched by words', () => {
  const nlu = new NluService({
    INTENT_MODEL_DIR: join(__dirname, '..', '..', '..', 'models', 'intent'),
  } as AppConfig);
  const minScore = new AppConfig().RETRIEVAL_FAQ_WORDS_MIN_SCORE;
  let matcher: FaqMatcher;

  beforeAll(async () => {
    await nlu.onModuleInit();
    const { idfOf, maxIdf } = await nlu.termWeights();
    matcher = new FaqMatcher(idfOf, maxIdf);
    SHIPPED_FAQ.forEach((entry, i) =>
      matcher.set(
        `faq-${i}`,
        entry.questions.map((text) => ({ templateId: `faq-${i}`, locale: entry.locale, text })),
      ),
    );
  });

  afterAll(() => nlu.onModuleDestroy());

  it('leaves order and product follow-ups to the dialogue', () => {
    const followUps: [string, string][] = [
      ['zh', '什么时候到'],
      ['zh', '什么时候发货'],
      ['zh', '什么时候能退款'],
      ['zh', '多久能到'],
      ['zh', '到哪了'],
      ['zh', '明天能到吗'],
      ['zh', '有货吗'],
      ['zh', '多少钱'],
      ['zh', '我的订单什么时候到货'],
      ['en', 'when will it arrive'],
      ['en', 'when will it ship'],
      ['en', 'how long will it take'],
      ['en', 'is the backpack in stock'],
      ['en', 'how much is it'],
      ['en', 'can I get it by friday'],
      ['en', 'where is my order'],
      // What a product is made of is the product's answer, not the shop's entries on being genuine.
      ['en', 'is this product real leather'],
    ];
    const answered = followUps
      .map(([locale, text]) => ({ text, match: matcher.match(text, locale, minScore) }))
      .filter((f) => f.match)
      .map((f) => `${f.text} → ${SHIPPED_FAQ[Number(f.match!.templateId.slice(4))].title}`);
    expect(answered).toEqual([]);
  });

  it('answers a shopper who doubts the shop is genuine, in words its questions do not use', () => {
    const titles = ['is this site for real', 'are you guys a scam'].map((text) => {
      const match = matcher.match(text, 'en', minScore);
      return match && SHIPPED_FAQ[Number(match.templateId.slice(4))].title;
    });
    expect(titles).toEqual(['Is this shop genuine?', 'Is this shop genuine?']);
  });

  it('answers whether the products are genuine, for the shop or for one product', () => {
    const titles = ['is the jacket genuine', '这个包是正品吗'].map((text) => {
      const match = matcher.match(text, /\p{Script=Han}/u.test(text) ? 'zh' : 'en', minScore);
      return match && SHIPPED_FAQ[Number(match.templateId.slice(4))].title;
    });
    expect(titles).toEqual(['Are the products genuine?', '商品是正品吗']);
  });

  it('finds each entry from its own questions', () => {
    const missed = SHIPPED_FAQ.flatMap((entry, i) =>
      entry.questions
        .filter((q) => matcher.match(q, entry.locale, minScore)?.templateId !== `faq-${i}`)
        .map((q) => `${entry.title}: ${q}`),
    );
    expect(missed).toEqual([]);
  });
});
