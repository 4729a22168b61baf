import { performance } from 'node:perf_hooks';

/** Value at quantile q (0–1) of the samples, nearest rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Per-call latency in microseconds of `fn` over `inputs`, after one warm-up pass. */
export function latencyMicros<T>(
  inputs: readonly T[],
  fn: (input: T) => unknown,
): { p50: number; p99: number } {
  for (const input of inputs.slice(0, 200)) fn(input);
  const samples = inputs.map((input) => {
    const t = performance.now();
    fn(input);
    return (performance.now() - t) * 1000;
  });
  return { p50: round(quantile(samples, 0.5), 1), p99: round(quantile(samples, 0.99), 1) };
}

export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function pct(x: number | undefined): string {
  return x === undefined || Number.isNaN(x) ? '–' : `${(x * 100).toFixed(1)}%`;
}
