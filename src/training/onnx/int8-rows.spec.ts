import { dequantizeRows, quantizeRows, roundRowsToInt8 } from './int8-rows';

describe('int8 row quantisation', () => {
  it('keeps every weight within half a step of its row scale, and zero rows at zero', () => {
    const values = Float32Array.from([0.5, -1, 0.25, 0, 0, 0, 100, -3, 0.001]);
    const q = quantizeRows(values, 3);
    expect(Array.from(q.codes.slice(0, 3))).toEqual([64, -127, 32]);
    expect(Array.from(q.codes.slice(3, 6))).toEqual([0, 0, 0]);
    expect(q.codes[6]).toBe(127);
    const back = dequantizeRows(q, 3);
    values.forEach((v, i) => {
      expect(Math.abs(back[i] - v)).toBeLessThanOrEqual(q.scales[Math.floor(i / 3)] / 2 + 1e-9);
    });
  });

  it('is stable: quantising a quantised matrix gives the same values', () => {
    const values = Float32Array.from({ length: 64 }, (_, i) => Math.sin(i * 1.7) * (1 + (i % 5)));
    const once = roundRowsToInt8(values, 8);
    expect(Array.from(roundRowsToInt8(once, 8))).toEqual(Array.from(once));
  });
});
