import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExactVectorIndex } from './exact-vector-index';
import { HnswVectorIndex } from './hnsw-vector-index';
import { IndexExpectation } from './index-store';
import { RetrievalError } from './retrieval.errors';
import { VectorIndex } from './vector-index';

const DIM = 16;

/** Deterministic pseudo-random unit-ish vectors (mulberry32) so failures reproduce. */
function vectors(count: number, seed: number): number[][] {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
  return Array.from({ length: count }, () => Array.from({ length: DIM }, rand));
}

type Loader = (dir: string, expected: IndexExpectation) => Promise<VectorIndex>;

const kinds: [string, (capacity?: number) => VectorIndex, Loader][] = [
  [
    'hnsw',
    (capacity) => HnswVectorIndex.create(DIM, undefined, capacity),
    (d, e) => HnswVectorIndex.load(d, e),
  ],
  [
    'exact',
    (capacity) => new ExactVectorIndex(DIM, capacity),
    (d, e) => ExactVectorIndex.load(d, e),
  ],
];

describe.each(kinds)('%s vector index', (_kind, make, load) => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vector-index-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  function filled(count: number, capacity?: number): { index: VectorIndex; data: number[][] } {
    const index = make(capacity);
    const data = vectors(count, 7);
    data.forEach((v, i) => index.upsert(`t${i}`, v));
    return { index, data };
  }

  it('finds each stored vector as its own nearest neighbour with similarity 1', () => {
    const { index, data } = filled(200);
    for (const i of [0, 57, 199]) {
      const [best] = index.search(data[i], 3);
      expect(best.id).toBe(`t${i}`);
      expect(best.score).toBeCloseTo(1, 5);
    }
  });

  it('returns hits best first and never more than the live count', () => {
    const { index, data } = filled(5);
    const hits = index.search(data[0], 10);
    expect(hits).toHaveLength(5);
    for (let i = 1; i < hits.length; i++)
      expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
  });

  it('makes an update visible to the next query', () => {
    const { index, data } = filled(100);
    const replacement = vectors(1, 99)[0];
    index.upsert('t3', replacement);
    expect(index.search(replacement, 1)[0].id).toBe('t3');
    expect(index.search(data[3], 1)[0].id).not.toBe('t3');
    expect(index.size).toBe(100);
  });

  it('makes a delete visible to the next query and reuses the freed slot', () => {
    const { index, data } = filled(100);
    expect(index.remove('t10')).toBe(true);
    expect(index.remove('t10')).toBe(false);
    expect(index.has('t10')).toBe(false);
    expect(index.search(data[10], 100).map((h) => h.id)).not.toContain('t10');
    index.upsert('new', data[10]);
    expect(index.search(data[10], 1)[0].id).toBe('new');
    expect(index.size).toBe(100);
    expect(new Set(index.ids())).toEqual(
      new Set([...data.keys()].map((i) => (i === 10 ? 'new' : `t${i}`))),
    );
  });

  it('grows past its initial capacity', () => {
    const { index, data } = filled(50, 4);
    expect(index.size).toBe(50);
    expect(index.search(data[49], 1)[0].id).toBe('t49');
  });

  it('applies the filter to the candidates', () => {
    const { index, data } = filled(100);
    const hits = index.search(data[4], 5, (id) => id !== 't4' && Number(id.slice(1)) % 2 === 0);
    expect(hits).toHaveLength(5);
    expect(hits.every((h) => h.id !== 't4' && Number(h.id.slice(1)) % 2 === 0)).toBe(true);
  });

  it('returns exactly the best entries when few pass the filter, also after a reload', async () => {
    const { index, data } = filled(1500);
    const chosen = new Set(Array.from({ length: 40 }, (_, i) => `t${i * 37}`));
    const query = data[100];
    const cosine = (a: number[], b: number[]) => {
      const dot = a.reduce((sum, x, i) => sum + x * b[i], 0);
      return dot / Math.hypot(...a) / Math.hypot(...b);
    };
    const expected = [...chosen]
      .map((id) => ({ id, score: cosine(query, data[Number(id.slice(1))]) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 10);
    const check = (hits: { id: string; score: number }[]) => {
      expect(hits.map((h) => h.id)).toEqual(expected.map((h) => h.id));
      hits.forEach((h, i) => expect(h.score).toBeCloseTo(expected[i].score, 4));
    };
    check(index.search(query, 10, (id) => chosen.has(id)));
    await index.save(dir, 'intent-v1');
    check(
      (await load(dir, { modelVersion: 'intent-v1', dimension: DIM })).search(query, 10, (id) =>
        chosen.has(id),
      ),
    );
  });

  it('applies a filter that most entries pass', () => {
    const { index, data } = filled(1200);
    const hits = index.search(data[3], 20, (id) => Number(id.slice(1)) % 3 !== 0);
    expect(hits).toHaveLength(20);
    expect(hits.every((h) => Number(h.id.slice(1)) % 3 !== 0)).toBe(true);
    expect(hits[0].score).toBeGreaterThanOrEqual(hits[19].score);
  });

  it('rejects vectors of the wrong dimension or without direction', () => {
    const index = make();
    expect(() => index.upsert('a', [1, 2, 3])).toThrow(
      expect.objectContaining({ code: 'VECTOR_DIMENSION' }),
    );
    expect(() => index.upsert('a', new Array(DIM).fill(0))).toThrow(
      expect.objectContaining({ code: 'VECTOR_INVALID' }),
    );
    expect(() => index.search(new Array(DIM).fill(NaN), 1)).toThrow(RetrievalError);
  });

  it('reloads what it saved, deletions included, and keeps accepting edits', async () => {
    const { index, data } = filled(120);
    index.remove('t5');
    await index.save(dir, 'intent-v1');
    const again = await load(dir, { modelVersion: 'intent-v1', dimension: DIM });
    expect(again.size).toBe(119);
    expect(again.search(data[77], 1)[0].id).toBe('t77');
    expect(again.search(data[5], 119).map((h) => h.id)).not.toContain('t5');
    again.upsert('after-load', data[5]);
    expect(again.search(data[5], 1)[0].id).toBe('after-load');
  });

  it('keeps only the latest save on disk', async () => {
    const { index } = filled(10);
    await index.save(dir, 'intent-v1');
    index.remove('t1');
    await index.save(dir, 'intent-v1');
    expect((await readdir(dir)).sort()).toHaveLength(3);
    expect((await load(dir, { modelVersion: 'intent-v1', dimension: DIM })).size).toBe(9);
  });

  it('keeps saves consistent when edits and saves overlap', async () => {
    const { index, data } = filled(60);
    const first = index.save(dir, 'intent-v1');
    index.remove('t0');
    index.upsert('late', data[0]);
    const second = index.save(dir, 'intent-v1');
    index.upsert('later', vectors(1, 5)[0]);
    await Promise.all([first, second]);
    const again = await load(dir, { modelVersion: 'intent-v1', dimension: DIM });
    expect(again.size).toBe(61);
    expect(again.search(data[0], 1)[0].id).toBe('late');
    expect((await readdir(dir)).sort()).toHaveLength(3);
  });

  it('refuses a saved index from another model version or dimension', async () => {
    const { index } = filled(10);
    await index.save(dir, 'intent-v1');
    await expect(load(dir, { modelVersion: 'intent-v2', dimension: DIM })).rejects.toMatchObject({
      code: 'INDEX_STALE',
    });
    await expect(
      load(dir, { modelVersion: 'intent-v1', dimension: DIM * 2 }),
    ).rejects.toMatchObject({
      code: 'INDEX_STALE',
    });
  });

  it('says when nothing was saved and when the files are damaged', async () => {
    await expect(load(dir, { modelVersion: 'v', dimension: DIM })).rejects.toMatchObject({
      code: 'INDEX_NOT_FOUND',
    });
    const { index } = filled(10);
    await index.save(dir, 'v');
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    await writeFile(join(dir, manifest.idsFile), JSON.stringify(['only-one']));
    await expect(load(dir, { modelVersion: 'v', dimension: DIM })).rejects.toMatchObject({
      code: 'INDEX_CORRUPT',
    });
  });
});
