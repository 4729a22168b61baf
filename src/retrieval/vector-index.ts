/** One search result: the template id and its cosine similarity to the query (1 = same direction). */
export interface VectorHit {
  id: string;
  score: number;
}

/** Restricts a search to the ids for which it returns true (e.g. one locale). */
export type IdFilter = (id: string) => boolean;

/** What a saved index directory says about itself; a mismatch with the running model → rebuild. */
export interface IndexManifest {
  format: 1;
  kind: 'hnsw' | 'exact';
  modelVersion: string;
  dimension: number;
  count: number;
  /** Identifies one save; the data and id files below carry it in their names. */
  generation: string;
  savedAt: string;
  dataFile: string;
  idsFile: string;
  hnsw?: HnswParams;
}

/** HNSW graph parameters: `m` links per node, `efConstruction` build beam, `ef` query beam. */
export interface HnswParams {
  m: number;
  efConstruction: number;
  ef: number;
}

/**
 * A cosine-similarity index keyed by string ids. Vectors are L2-normalised on insert, so callers
 * may pass raw vectors. Every mutation is visible to the next `search`.
 */
export interface VectorIndex {
  readonly kind: IndexManifest['kind'];
  readonly dimension: number;
  /** Number of live (not deleted) vectors. */
  readonly size: number;
  has(id: string): boolean;
  /** Every live id (used to reconcile a loaded index with the templates in the database). */
  ids(): string[];
  /** Adds the vector, or replaces the one stored under `id`. */
  upsert(id: string, vector: ArrayLike<number>): void;
  /** Returns false when `id` was not indexed. */
  remove(id: string): boolean;
  /** Up to `k` hits, best first. */
  search(query: ArrayLike<number>, k: number, filter?: IdFilter): VectorHit[];
  /** Persists into `dir` (created if needed), stamped with the model version that made the vectors. */
  save(dir: string, modelVersion: string): Promise<void>;
}
