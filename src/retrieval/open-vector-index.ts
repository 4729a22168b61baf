import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExactVectorIndex } from './exact-vector-index';
import { HnswVectorIndex } from './hnsw-vector-index';
import { IndexExpectation } from './index-store';
import { RetrievalError, RetrievalErrorCode } from './retrieval.errors';
import { VectorIndex } from './vector-index';

export interface OpenedIndex {
  index: VectorIndex;
  /** True when nothing usable was on disk: the caller must index every active template. */
  rebuild: boolean;
  /** Why it must rebuild: INDEX_NOT_FOUND, INDEX_STALE (model changed) or INDEX_CORRUPT. */
  reason?: RetrievalErrorCode;
}

/**
 * Startup helper: loads the index saved in `dir` (HNSW or exact, as its manifest says) if it
 * was built by the running model, otherwise returns `create()` and asks for a rebuild.
 */
export async function openVectorIndex(
  dir: string,
  expected: IndexExpectation,
  create: () => VectorIndex,
): Promise<OpenedIndex> {
  try {
    const kind = await readFile(join(dir, 'manifest.json'), 'utf8')
      .then((text) => (JSON.parse(text) as { kind?: string }).kind)
      .catch(() => undefined);
    const index =
      kind === 'exact'
        ? await ExactVectorIndex.load(dir, expected)
        : await HnswVectorIndex.load(dir, expected);
    return { index, rebuild: false };
  } catch (error) {
    if (!(error instanceof RetrievalError)) throw error;
    return { index: create(), rebuild: true, reason: error.code };
  }
}
