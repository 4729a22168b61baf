import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExactVectorIndex } from './exact-vector-index';
import { HnswVectorIndex } from './hnsw-vector-index';
import { openVectorIndex } from './open-vector-index';

const DIM = 8;
const unit = (i: number) => Array.from({ length: DIM }, (_, j) => (j === i ? 1 : 0));

describe('openVectorIndex', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'open-index-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const fresh = () => HnswVectorIndex.create(DIM);

  it('asks for a rebuild when nothing was saved', async () => {
    const opened = await openVectorIndex(dir, { modelVersion: 'v1', dimension: DIM }, fresh);
    expect(opened).toMatchObject({ rebuild: true, reason: 'INDEX_NOT_FOUND' });
    expect(opened.index.size).toBe(0);
  });

  it('loads the saved index of either kind when the model matches', async () => {
    for (const saved of [HnswVectorIndex.create(DIM), new ExactVectorIndex(DIM)]) {
      saved.upsert('a', unit(0));
      saved.upsert('b', unit(1));
      await saved.save(dir, 'v1');
      const opened = await openVectorIndex(dir, { modelVersion: 'v1', dimension: DIM }, fresh);
      expect(opened.rebuild).toBe(false);
      expect(opened.index.kind).toBe(saved.kind);
      expect(opened.index.search(unit(1), 1)[0].id).toBe('b');
    }
  });

  it('asks for a rebuild after a model change or a damaged manifest', async () => {
    const saved = HnswVectorIndex.create(DIM);
    saved.upsert('a', unit(0));
    await saved.save(dir, 'v1');
    const stale = await openVectorIndex(dir, { modelVersion: 'v2', dimension: DIM }, fresh);
    expect(stale).toMatchObject({ rebuild: true, reason: 'INDEX_STALE' });
    expect(stale.index.size).toBe(0);
    await writeFile(join(dir, 'manifest.json'), '{ not json');
    expect(await openVectorIndex(dir, { modelVersion: 'v1', dimension: DIM }, fresh)).toMatchObject(
      {
        rebuild: true,
        reason: 'INDEX_CORRUPT',
      },
    );
  });
});
