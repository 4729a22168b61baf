import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { IndexExpectation, readIndexFiles, saveIndexFiles } from './index-store';
import { RetrievalError } from './retrieval.errors';
import { toUnitVector } from './vector-math';
import { IdFilter, VectorHit, VectorIndex } from './vector-index';

/**
 * Exact cosine search by scanning every vector. Rows live in one Float32Array (row-major), so a
 * scan is a tight loop over contiguous memory; removal moves the last row into the hole. It is
 * the ground truth for the HNSW bench and good enough for a shop with a few thousand templates.
 */
export class ExactVectorIndex implements VectorIndex {
  readonly kind = 'exact';
  private rows: Float32Array;
  private readonly rowIds: string[] = [];
  private readonly rowOf = new Map<string, number>();

  constructor(
    readonly dimension: number,
    capacity = 1024,
  ) {
    this.rows = new Float32Array(Math.max(1, capacity) * dimension);
  }

  static async load(dir: string, expected: IndexExpectation): Promise<ExactVectorIndex> {
    const { manifest, ids, dataPath } = await readIndexFiles(dir, expected);
    if (manifest.kind !== 'exact') {
      throw new RetrievalError('INDEX_CORRUPT', `${dir} holds a ${manifest.kind} index, not exact`);
    }
    const bytes = await readFile(dataPath).catch(() => {
      throw new RetrievalError('INDEX_CORRUPT', `cannot read ${manifest.dataFile} in ${dir}`);
    });
    if (bytes.byteLength !== ids.length * manifest.dimension * 4) {
      throw new RetrievalError('INDEX_CORRUPT', `vectors and id map in ${dir} differ in size`);
    }
    const index = new ExactVectorIndex(manifest.dimension, ids.length);
    index.rows.set(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4));
    ids.forEach((id, row) => {
      index.rowIds.push(id as string);
      index.rowOf.set(id as string, row);
    });
    return index;
  }

  get size(): number {
    return this.rowIds.length;
  }

  has(id: string): boolean {
    return this.rowOf.has(id);
  }

  ids(): string[] {
    return [...this.rowIds];
  }

  upsert(id: string, vector: ArrayLike<number>): void {
    const unit = toUnitVector(vector, this.dimension);
    let row = this.rowOf.get(id);
    if (row === undefined) {
      row = this.rowIds.length;
      if ((row + 1) * this.dimension > this.rows.length) {
        const grown = new Float32Array(this.rows.length * 2);
        grown.set(this.rows);
        this.rows = grown;
      }
      this.rowIds.push(id);
      this.rowOf.set(id, row);
    }
    this.rows.set(unit, row * this.dimension);
  }

  remove(id: string): boolean {
    const row = this.rowOf.get(id);
    if (row === undefined) return false;
    const last = this.rowIds.length - 1;
    if (row !== last) {
      const d = this.dimension;
      this.rows.copyWithin(row * d, last * d, (last + 1) * d);
      this.rowIds[row] = this.rowIds[last];
      this.rowOf.set(this.rowIds[row], row);
    }
    this.rowIds.pop();
    this.rowOf.delete(id);
    return true;
  }

  search(query: ArrayLike<number>, k: number, filter?: IdFilter): VectorHit[] {
    const q = toUnitVector(query, this.dimension);
    const want = Math.min(Math.floor(k), this.size);
    if (want <= 0) return [];
    const d = this.dimension;
    const rows = this.rows;
    // Best `want` kept sorted descending; k is small, so insertion beats a heap.
    const topScore: number[] = [];
    const topRow: number[] = [];
    for (let r = 0; r < this.rowIds.length; r++) {
      if (filter && !filter(this.rowIds[r])) continue;
      let dot = 0;
      const base = r * d;
      for (let i = 0; i < d; i++) dot += q[i] * rows[base + i];
      if (topScore.length === want && dot <= topScore[want - 1]) continue;
      let at = topScore.length === want ? want - 1 : topScore.length;
      while (at > 0 && topScore[at - 1] < dot) {
        topScore[at] = topScore[at - 1];
        topRow[at] = topRow[at - 1];
        at--;
      }
      topScore[at] = dot;
      topRow[at] = r;
    }
    return topRow.map((r, i) => ({ id: this.rowIds[r], score: topScore[i] }));
  }

  save(dir: string, modelVersion: string): Promise<void> {
    return saveIndexFiles(dir, () => ({
      fields: { kind: 'exact', modelVersion, dimension: this.dimension },
      ids: [...this.rowIds],
      writeData: (path) => {
        const used = this.rows.subarray(0, this.rowIds.length * this.dimension);
        writeFileSync(path, Buffer.from(used.buffer, used.byteOffset, used.byteLength));
      },
    }));
  }
}
