import { HierarchicalNSW } from 'hnswlib-node';
import { IndexExpectation, readIndexFiles, saveIndexFiles } from './index-store';
import { RetrievalError } from './retrieval.errors';
import { toUnitVector } from './vector-math';
import { HnswParams, IdFilter, VectorHit, VectorIndex } from './vector-index';

/**
 * From the bench/retrieval curve (bench/results/retrieval.md, clustered 256-d vectors):
 * M=16 / efConstruction=100 is the graph to use — efConstruction=200 doubles the build for no
 * recall gain, M=8 needs a wider beam, M=32 builds ~2× slower. The beam ef is where size
 * matters: ef=32 is enough at 100k (recall@10 1.0, the bench's pick) but gives 0.87–0.96 at
 * 1k–10k and 0.82 at 1M; ef=128 reaches ≥ 0.99 at 1k–100k. A shop's template index holds
 * hundreds to a few thousand example questions, where ef=128 still costs well under 0.5 ms, so
 * the default favours recall; raise it further for million-scale indexes.
 */
export const DEFAULT_HNSW_PARAMS: Readonly<HnswParams> = { m: 16, efConstruction: 100, ef: 128 };

const INITIAL_CAPACITY = 1024;
/** A filtered search passed by at most this many entries scores them directly (see search). */
const EXACT_SCAN_LIMIT = 512;

/**
 * hnswlib-node behind string ids. hnswlib only knows numeric labels, so a label is a slot in
 * `labels`; a deleted id's slot is `markDelete`d and handed to the next new id, whose `addPoint`
 * on that label un-deletes it and rewires its links (hnswlib's in-place update). Edit churn
 * therefore never grows the graph; it grows by doubling only when every slot is live.
 */
export class HnswVectorIndex implements VectorIndex {
  readonly kind = 'hnsw';
  readonly params: HnswParams;
  private readonly slotOf = new Map<string, number>();
  private readonly free: number[] = [];
  /**
   * Unit vectors by slot, for the exact scan of selective filters (filled lazily after a load).
   * A copy of what hnswlib holds, kept because getPoint costs ~8 µs per call: 15 entries scored
   * through it took 140 µs a search, through this copy 20 µs.
   */
  private readonly unitVectors: (Float32Array | undefined)[] = [];

  private constructor(
    readonly dimension: number,
    params: HnswParams,
    private readonly graph: HierarchicalNSW,
    private readonly labels: (string | null)[],
  ) {
    this.params = { ...params };
    labels.forEach((id, slot) => (id === null ? this.free.push(slot) : this.slotOf.set(id, slot)));
    graph.setEf(this.params.ef);
  }

  static create(
    dimension: number,
    params: HnswParams = DEFAULT_HNSW_PARAMS,
    capacity = INITIAL_CAPACITY,
  ): HnswVectorIndex {
    const graph = new HierarchicalNSW('cosine', dimension);
    // allowReplaceDeleted stays off: slots are reused by label (see class comment), which keeps
    // the label → id map exact; hnswlib's own replacement would relabel an arbitrary slot.
    graph.initIndex({
      maxElements: Math.max(1, capacity),
      m: params.m,
      efConstruction: params.efConstruction,
    });
    return new HnswVectorIndex(dimension, params, graph, []);
  }

  /** Loads a saved index; throws INDEX_NOT_FOUND / INDEX_STALE / INDEX_CORRUPT (→ caller rebuilds). */
  static async load(dir: string, expected: IndexExpectation): Promise<HnswVectorIndex> {
    const { manifest, ids, dataPath } = await readIndexFiles(dir, expected);
    if (manifest.kind !== 'hnsw' || !manifest.hnsw) {
      throw new RetrievalError('INDEX_CORRUPT', `${dir} holds a ${manifest.kind} index, not hnsw`);
    }
    const graph = new HierarchicalNSW('cosine', manifest.dimension);
    try {
      await graph.readIndex(dataPath);
    } catch {
      throw new RetrievalError('INDEX_CORRUPT', `cannot read ${manifest.dataFile} in ${dir}`);
    }
    if (graph.getCurrentCount() !== ids.length) {
      throw new RetrievalError('INDEX_CORRUPT', `index graph and id map in ${dir} differ in size`);
    }
    return new HnswVectorIndex(manifest.dimension, manifest.hnsw, graph, ids);
  }

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  ids(): string[] {
    return [...this.slotOf.keys()];
  }

  upsert(id: string, vector: ArrayLike<number>): void {
    const point = Array.from(toUnitVector(vector, this.dimension));
    let slot = this.slotOf.get(id) ?? this.free.pop();
    if (slot === undefined) {
      slot = this.labels.length;
      const capacity = this.graph.getMaxElements();
      if (slot >= capacity) this.graph.resizeIndex(Math.max(2 * capacity, 16));
      this.labels.push(null);
    }
    this.graph.addPoint(point, slot);
    this.unitVectors[slot] = Float32Array.from(point);
    this.labels[slot] = id;
    this.slotOf.set(id, slot);
  }

  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.graph.markDelete(slot);
    this.labels[slot] = null;
    this.unitVectors[slot] = undefined;
    this.slotOf.delete(id);
    this.free.push(slot);
    return true;
  }

  search(query: ArrayLike<number>, k: number, filter?: IdFilter): VectorHit[] {
    const unit = toUnitVector(query, this.dimension);
    const want = Math.min(Math.floor(k), this.size);
    if (want <= 0) return [];
    if (filter) {
      // A graph search that cannot find `want` entries passing the filter walks the whole graph,
      // asking the filter about every node through the native boundary (the template retriever
      // restricted to one intent: a dozen entries of thousands). When few entries pass, scoring
      // them directly is exact and much cheaper.
      const passing: number[] = [];
      for (let slot = 0; slot < this.labels.length; slot++) {
        const id = this.labels[slot];
        if (id !== null && filter(id)) passing.push(slot);
        if (passing.length > EXACT_SCAN_LIMIT) break;
      }
      if (passing.length <= EXACT_SCAN_LIMIT) return this.scoreSlots(unit, passing, want);
    }
    const point = Array.from(unit);
    // The beam must hold at least k candidates, or hnswlib returns fewer than asked.
    this.graph.setEf(Math.max(this.params.ef, want));
    const labelFilter = filter ? (slot: number) => filter(this.labels[slot] as string) : undefined;
    const found = this.graph.searchKnn(point, want, labelFilter);
    return found.neighbors.map((slot, i) => ({
      id: this.labels[slot] as string,
      score: 1 - found.distances[i],
    }));
  }

  /** Exact cosine scores of the given slots, best `k` first. */
  private scoreSlots(query: Float32Array, slots: number[], k: number): VectorHit[] {
    const hits = slots.map((slot) => {
      let vector = this.unitVectors[slot];
      if (!vector) {
        // Loaded from disk: hnswlib stores cosine points normalised; read once, keep.
        vector = Float32Array.from(this.graph.getPoint(slot));
        this.unitVectors[slot] = vector;
      }
      let dot = 0;
      for (let i = 0; i < query.length; i++) dot += query[i] * vector[i];
      return { id: this.labels[slot] as string, score: dot };
    });
    return hits.sort((a, b) => b.score - a.score).slice(0, k);
  }

  /** Changes the query beam (the bench sweeps it; production keeps the default). */
  setEf(ef: number): void {
    this.params.ef = ef;
  }

  save(dir: string, modelVersion: string): Promise<void> {
    return saveIndexFiles(dir, () => ({
      fields: { kind: 'hnsw', modelVersion, dimension: this.dimension, hnsw: { ...this.params } },
      ids: [...this.labels],
      writeData: (path) => this.graph.writeIndexSync(path),
    }));
  }
}
