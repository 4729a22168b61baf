import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HnswVectorIndex } from './hnsw-vector-index';
import { IndexableTemplate, Retriever, RetrieverOptions } from './retriever';

const DIM = 128;

/** Stand-in for the intent model's encoder: hashed bag of lower-cased words. */
function embed(text: string): number[] {
  const v = new Array(DIM).fill(0);
  for (const word of text.toLowerCase().match(/[a-z]+|\p{Script=Han}/gu) ?? []) {
    let h = 2166136261;
    for (const c of word) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
    v[(h >>> 0) % DIM] += 1;
  }
  return v;
}
const encode = async (text: string) => embed(text);

const templates: IndexableTemplate[] = [
  {
    id: 'track',
    intent: 'track_order',
    locale: 'en',
    title: 'Where is my order',
    exampleQuestions: [
      'where is my parcel',
      'track my order please',
      'when will my package arrive',
    ],
  },
  {
    id: 'refund',
    intent: 'get_refund',
    locale: 'en',
    title: 'Get a refund',
    exampleQuestions: ['I want my money back', 'how do I get a refund', 'refund my order'],
  },
  {
    id: 'faq-gift',
    intent: null,
    locale: 'en',
    title: 'Gift wrapping',
    exampleQuestions: ['do you offer gift wrapping', 'can you wrap my present'],
  },
  {
    id: 'track-zh',
    intent: 'track_order',
    locale: 'zh',
    title: '查询物流',
    exampleQuestions: ['我的快递到哪了', '查一下物流'],
  },
];

async function retrieverWith(options: Partial<RetrieverOptions> = {}) {
  const index = HnswVectorIndex.create(DIM);
  const retriever = new Retriever(index, encode, options);
  for (const t of templates) await retriever.indexTemplate(t);
  return { index, retriever };
}

describe('Retriever', () => {
  it('answers a paraphrase with the template whose examples it resembles', async () => {
    const { retriever } = await retrieverWith();
    const result = retriever.search({ vector: embed('where is my package'), locale: 'en' });
    expect(result.status).toBe('answer');
    expect(result.hits[0].templateId).toBe('track');
    expect(
      retriever.search({ vector: embed('could you gift wrap it'), locale: 'en' }).hits[0]
        .templateId,
    ).toBe('faq-gift');
  });

  it('returns one hit per template, best first, at most k', async () => {
    const { retriever } = await retrieverWith();
    const { hits } = retriever.search({ vector: embed('refund my order'), locale: 'en', k: 2 });
    expect(hits).toHaveLength(2);
    expect(hits[0]).toMatchObject({ templateId: 'refund', intent: 'get_refund' });
    expect(hits[0].similarity).toBeCloseTo(1, 5);
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
  });

  it('refuses when nothing is close enough', async () => {
    const { retriever } = await retrieverWith();
    const result = retriever.search({ vector: embed('what is the capital of peru'), locale: 'en' });
    expect(result.status).toBe('no-confident-answer');
  });

  it('only answers from templates in the shopper locale', async () => {
    const { retriever } = await retrieverWith();
    const zh = retriever.search({ vector: embed('我的快递到哪了'), locale: 'zh' });
    expect(zh.hits.map((h) => h.templateId)).toEqual(['track-zh']);
    expect(retriever.search({ vector: embed('我的快递到哪了'), locale: 'en' }).status).toBe(
      'no-confident-answer',
    );
  });

  it('lets the predicted intent boost, or at high confidence restrict, the candidates', async () => {
    // "my order" is closer to "refund my order" (0.82) than to "track my order please" (0.71).
    const { retriever } = await retrieverWith({ intentBoost: 0.2 });
    const vector = embed('my order');
    const plain = retriever.search({ vector, locale: 'en' });
    expect(plain.hits[0].templateId).toBe('refund');
    const boosted = retriever.search({
      vector,
      locale: 'en',
      intent: 'track_order',
      intentConfidence: 0.8,
    });
    expect(boosted.hits[0].templateId).toBe('track');
    expect(boosted.hits[0].score).toBeCloseTo(boosted.hits[0].similarity + 0.16, 5);
    const restricted = retriever.search({
      vector,
      locale: 'en',
      intent: 'track_order',
      intentConfidence: 0.95,
    });
    expect(restricted.hits.map((h) => h.templateId)).toEqual(['track']);
  });

  it('serves an edited template on the next query and forgets a removed one', async () => {
    const { retriever, index } = await retrieverWith();
    // Searched before the edit too: what the retriever remembers between searches must follow it.
    expect(
      retriever.search({ vector: embed('do you sell gift cards'), locale: 'en' }).hits.length,
    ).toBeGreaterThan(0);
    await retriever.indexTemplate({
      ...templates[2],
      exampleQuestions: ['do you sell gift cards'],
    });
    expect(
      retriever.search({ vector: embed('do you sell gift cards'), locale: 'en' }).hits[0]
        .templateId,
    ).toBe('faq-gift');
    expect(index.size).toBe(4 + 4 + 2 + 3); // examples + title each; the edit left two of three
    expect(retriever.removeTemplate('faq-gift')).toBe(true);
    const after = retriever.search({ vector: embed('do you sell gift cards'), locale: 'en' });
    expect(after.hits.map((h) => h.templateId)).not.toContain('faq-gift');
  });

  it('after a restart re-encodes only templates that changed while it was down', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'retriever-'));
    try {
      const { index } = await retrieverWith();
      await index.save(dir, 'm1');
      const loaded = await HnswVectorIndex.load(dir, { modelVersion: 'm1', dimension: DIM });
      const restarted = new Retriever(loaded, encode);
      const edited = { ...templates[1], exampleQuestions: ['give me my money back'] };
      const stale = restarted.restore([templates[0], edited, templates[3]]); // faq-gift was deleted
      expect(stale.map((t) => t.id)).toEqual(['refund']);
      for (const t of stale) await restarted.indexTemplate(t);
      expect(
        restarted.search({ vector: embed('give me my money back'), locale: 'en' }).hits[0]
          .templateId,
      ).toBe('refund');
      expect(loaded.ids().some((id) => id.startsWith('faq-gift#'))).toBe(false);
      expect(
        restarted.search({ vector: embed('where is my parcel'), locale: 'en' }).hits[0].templateId,
      ).toBe('track');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
