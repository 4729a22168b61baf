import { render, validateTemplate } from '../template-renderer';
import { SHIPPED_FAQ, SHIPPED_INTENTS, SHIPPED_TEMPLATES, FALLBACK_INTENT } from './index';

const HAN = /\p{Script=Han}/u;

describe('shipped templates', () => {
  it.each(['en', 'zh'])('cover every shipped intent exactly once in %s', (locale) => {
    const intents = SHIPPED_TEMPLATES.filter((t) => t.locale === locale).map((t) => t.intent);
    expect([...intents].sort()).toEqual([...SHIPPED_INTENTS].sort());
  });

  it.each(SHIPPED_TEMPLATES.map((t) => [`${t.locale}/${t.intent}`, t] as const))(
    '%s uses only known slots and well-formed braces',
    (_name, template) => {
      expect(() => validateTemplate(template.variants)).not.toThrow();
    },
  );

  it('always have a variant that renders with no customer or order data', () => {
    const unrenderable = SHIPPED_TEMPLATES.filter((t) => render(t.variants, {}) === null);
    expect(unrenderable.map((t) => `${t.locale}/${t.intent}`)).toEqual([]);
  });

  it('use the most specific variant when order data is known', () => {
    const track = SHIPPED_TEMPLATES.find((t) => t.locale === 'en' && t.intent === 'track_order');
    const rendered = render(track?.variants ?? [], {
      order: {
        number: 'A-1',
        status: 'shipped',
        eta: 'on Friday',
        carrier: 'DHL',
        trackingUrl: 'https://t.example/1',
      },
    });
    expect(rendered?.text).toBe(
      'Order A-1 is shipped and should arrive on Friday. You can follow it with DHL here: https://t.example/1',
    );
  });

  it('give 3–6 example questions to every retrievable template and none to the fallback', () => {
    const wrong = SHIPPED_TEMPLATES.filter((t) =>
      t.intent === FALLBACK_INTENT
        ? t.exampleQuestions.length !== 0
        : t.exampleQuestions.length < 3 || t.exampleQuestions.length > 6,
    );
    expect(wrong.map((t) => `${t.locale}/${t.intent}`)).toEqual([]);
  });

  it('never use the same example question for two templates of a locale', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const t of SHIPPED_TEMPLATES) {
      for (const q of t.exampleQuestions) {
        const key = `${t.locale}:${q.toLowerCase()}`;
        if (seen.has(key)) clashes.push(`${q} (${seen.get(key)} and ${t.intent})`);
        seen.set(key, t.intent);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('are written in the language of their locale', () => {
    const mismatched = SHIPPED_TEMPLATES.filter((t) => {
      const texts = [
        t.title,
        ...t.variants.map((v) => v.body),
        ...t.exampleQuestions,
        ...(t.quickReplies ?? []),
      ];
      return t.locale === 'zh' ? !texts.every((s) => HAN.test(s)) : texts.some((s) => HAN.test(s));
    });
    expect(mismatched.map((t) => `${t.locale}/${t.intent}`)).toEqual([]);
  });

  it('ship FAQ entries in the language of their locale, each with an answer that renders', () => {
    const wrong = SHIPPED_FAQ.filter((f) => {
      const texts = [f.title, f.answer, ...f.questions, ...(f.quickReplies ?? [])];
      const inLocale =
        f.locale === 'zh' ? texts.every((s) => HAN.test(s)) : !texts.some((s) => HAN.test(s));
      return !inLocale || f.questions.length < 3 || render([{ body: f.answer }], {}) === null;
    });
    expect(wrong.map((f) => `${f.locale}/${f.title}`)).toEqual([]);
  });
});
