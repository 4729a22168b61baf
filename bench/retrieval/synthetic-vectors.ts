/**
 * Seeded synthetic embeddings for the index bench.
 * - `random`: uniform on the unit sphere — no structure, the hardest case for graph search
 *   (in 256 dimensions all pairwise distances concentrate, so "nearest" is almost arbitrary).
 * - `clustered`: a mixture of Gaussians on the sphere, point = normalise(centre + B_c·z + ε) with
 *   z ~ N(0, σ²/r · I_r) in a random r-dimensional subspace B_c per cluster and small isotropic ε.
 *   Sentence embeddings look like this: topics form groups, and within a topic the variation has
 *   a low intrinsic dimension (paraphrases differ along a few directions), not 256 independent ones.
 * - `isotropic`: the same mixture with full-rank noise (r = dimension), a harsher middle ground.
 * Vectors are produced on demand from a seed, so the same set can be streamed into several
 * indexes without holding a second 1 GB copy.
 */
export type Distribution = 'random' | 'clustered' | 'isotropic';

export const CLUSTER_COUNT = 1000;
/** Within-cluster spread σ: a point sits at cosine ≈ 1/√(1+σ²) ≈ 0.71 from its centre. */
export const CLUSTER_SPREAD = 1;
/** Intrinsic dimension r of the within-cluster variation for `clustered`. */
export const CLUSTER_RANK = 16;
/** Standard deviation of the full-rank ε per component, relative to 1/√dimension. */
export const CLUSTER_NOISE = 0.1;

function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

function normalise(v: Float32Array): Float32Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i] * v[i];
  const s = 1 / Math.sqrt(n);
  for (let i = 0; i < v.length; i++) v[i] *= s;
  return v;
}

/** A distribution fixed by `seed`; `stream(seed)` draws independent points from it. */
export class VectorSource {
  private readonly centres: Float32Array[] = [];
  /** Per cluster, CLUSTER_RANK basis rows of length dimension (only for `clustered`). */
  private readonly bases: Float32Array[] = [];

  constructor(
    readonly distribution: Distribution,
    readonly dimension: number,
    seed: number,
  ) {
    if (distribution === 'random') return;
    const g = gaussian(mulberry32(seed));
    for (let c = 0; c < CLUSTER_COUNT; c++) {
      this.centres.push(normalise(Float32Array.from({ length: dimension }, g)));
      if (distribution === 'clustered') {
        // Random Gaussian rows are near-orthogonal in high dimension; scaled to unit length.
        const basis = new Float32Array(CLUSTER_RANK * dimension);
        for (let r = 0; r < CLUSTER_RANK; r++)
          basis.set(normalise(Float32Array.from({ length: dimension }, g)), r * dimension);
        this.bases.push(basis);
      }
    }
  }

  stream(seed: number): () => Float32Array {
    const rand = mulberry32(seed);
    const g = gaussian(rand);
    const d = this.dimension;
    const noiseScale = CLUSTER_SPREAD / Math.sqrt(d);
    return () => {
      const v = new Float32Array(d);
      if (this.distribution === 'random') {
        for (let i = 0; i < d; i++) v[i] = g();
        return normalise(v);
      }
      const c = Math.floor(rand() * this.centres.length);
      const centre = this.centres[c];
      if (this.distribution === 'isotropic') {
        for (let i = 0; i < d; i++) v[i] = centre[i] + noiseScale * g();
        return normalise(v);
      }
      const basis = this.bases[c];
      const epsilon = (CLUSTER_NOISE * CLUSTER_SPREAD) / Math.sqrt(d);
      for (let i = 0; i < d; i++) v[i] = centre[i] + epsilon * g();
      for (let r = 0; r < CLUSTER_RANK; r++) {
        const z = (CLUSTER_SPREAD / Math.sqrt(CLUSTER_RANK)) * g();
        const row = r * d;
        for (let i = 0; i < d; i++) v[i] += z * basis[row + i];
      }
      return normalise(v);
    };
  }
}
