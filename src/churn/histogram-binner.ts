/** Columns quantised to at most 255 value bins; the extra last slot of each column is "missing". */
export interface BinnedMatrix {
  rows: number;
  cols: number;
  /** Row-major bin codes; code `nBins[c]` means the value was missing. */
  bins: Uint8Array;
  nBins: Int32Array;
  /** `cuts[c][k]` is the largest raw value in bin k, so "bin ≤ k" ⇔ "value ≤ cuts[c][k]". */
  cuts: Float64Array[];
  /** First histogram slot of each column; a column owns `nBins[c] + 1` slots. */
  offsets: Int32Array;
  totalSlots: number;
}

export const MAX_BINS = 255;

/**
 * Cut points per column: midpoints between distinct values when there are few of them,
 * otherwise roughly equal-count bins, so a split threshold never falls on a training value.
 */
export function fitCuts(
  x: Float64Array,
  rows: number,
  cols: number,
  maxBins: number,
): Float64Array[] {
  const limit = Math.max(2, Math.min(MAX_BINS - 1, maxBins));
  const cuts: Float64Array[] = [];
  const values = new Float64Array(rows);
  for (let c = 0; c < cols; c++) {
    let n = 0;
    for (let r = 0; r < rows; r++) {
      const v = x[r * cols + c];
      if (!Number.isNaN(v)) values[n++] = v;
    }
    const sorted = values.subarray(0, n).slice().sort();
    const distinct: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < n; i++) {
      if (i === 0 || sorted[i] !== sorted[i - 1]) {
        distinct.push(sorted[i]);
        counts.push(1);
      } else {
        counts[counts.length - 1]++;
      }
    }
    const colCuts: number[] = [];
    const perBin = n / limit;
    let filled = 0;
    for (let i = 0; i + 1 < distinct.length; i++) {
      filled += counts[i];
      if (distinct.length <= limit || filled >= perBin) {
        colCuts.push((distinct[i] + distinct[i + 1]) / 2);
        filled = 0;
      }
    }
    cuts.push(Float64Array.from(colCuts));
  }
  return cuts;
}

export function binMatrix(
  x: Float64Array,
  rows: number,
  cols: number,
  cuts: Float64Array[],
): BinnedMatrix {
  const bins = new Uint8Array(rows * cols);
  const nBins = Int32Array.from(cuts, (c) => c.length + 1);
  const offsets = new Int32Array(cols);
  let totalSlots = 0;
  for (let c = 0; c < cols; c++) {
    offsets[c] = totalSlots;
    totalSlots += nBins[c] + 1;
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = x[r * cols + c];
      bins[r * cols + c] = Number.isNaN(v) ? nBins[c] : lowerBound(cuts[c], v);
    }
  }
  return { rows, cols, bins, nBins, cuts, offsets, totalSlots };
}

/** First k with v ≤ cuts[k], or cuts.length. */
function lowerBound(cuts: Float64Array, v: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= cuts[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
