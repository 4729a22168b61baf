/**
 * Symmetric int8 quantisation with one scale per matrix row. The two large intent matrices are
 * indexed by feature (a row per n-gram), so a per-row scale follows each feature's own weight
 * range; one byte per weight is half of float16 and lets twice the vocabulary fit the model-size
 * budget.
 */
export interface Int8Rows {
  /** Row-major codes in −127…127. */
  codes: Int8Array;
  /** One scale per row: weight = code × scale. */
  scales: Float32Array;
}

export function quantizeRows(values: Float32Array, width: number): Int8Rows {
  const rows = width > 0 ? Math.floor(values.length / width) : 0;
  const codes = new Int8Array(values.length);
  const scales = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    const start = r * width;
    let max = 0;
    for (let i = start; i < start + width; i++) max = Math.max(max, Math.abs(values[i]));
    // Math.fround: the scale is stored as float32, and the codes must be computed with that value.
    const scale = Math.fround(max / 127);
    scales[r] = scale;
    if (scale === 0) continue;
    for (let i = start; i < start + width; i++) codes[i] = Math.round(values[i] / scale);
  }
  return { codes, scales };
}

export function dequantizeRows({ codes, scales }: Int8Rows, width: number): Float32Array {
  const out = new Float32Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = codes[i] * scales[Math.floor(i / width)];
  return out;
}

/** The matrix as the int8 model stores it, so that JS maths equals the ONNX graph. */
export function roundRowsToInt8(values: Float32Array, width: number): Float32Array {
  return dequantizeRows(quantizeRows(values, width), width);
}
