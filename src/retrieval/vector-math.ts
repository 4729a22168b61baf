import { RetrievalError } from './retrieval.errors';

/**
 * Copies `vector` into a unit-length Float32Array. Rejects wrong lengths, NaN/Infinity and the
 * zero vector, which has no direction and would silently match nothing (or everything).
 */
export function toUnitVector(vector: ArrayLike<number>, dimension: number): Float32Array {
  if (vector.length !== dimension) {
    throw new RetrievalError(
      'VECTOR_DIMENSION',
      `vector has ${vector.length} dimensions, the index expects ${dimension}`,
      { expected: dimension, actual: vector.length },
    );
  }
  const out = new Float32Array(dimension);
  let norm = 0;
  for (let i = 0; i < dimension; i++) {
    const v = vector[i];
    if (!Number.isFinite(v)) {
      throw new RetrievalError('VECTOR_INVALID', `vector component ${i} is not a finite number`);
    }
    out[i] = v;
    norm += v * v;
  }
  if (norm === 0) throw new RetrievalError('VECTOR_INVALID', 'the zero vector has no direction');
  const scale = 1 / Math.sqrt(norm);
  for (let i = 0; i < dimension; i++) out[i] *= scale;
  return out;
}
