import type { BenchResult, BenchRow } from './hnsw';

const f = (x: number, digits: number) => x.toFixed(digits);

function table(rows: BenchRow[]): string[] {
  const lines = [
    '| index | M | efC | ef | recall@10 | p50 ms | p99 ms | × exact p50 | build s | memory MiB |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.kind} | ${r.m ?? ''} | ${r.efConstruction ?? ''} | ${r.ef ?? ''} | ${f(r.recallAt10, 4)} | ` +
        `${f(r.p50Ms, 3)} | ${f(r.p99Ms, 3)} | ${f(r.speedupVsExact, 1)} | ${f(r.buildSeconds, 1)} | ${f(r.memoryMiB, 0)} |`,
    );
  }
  return lines;
}

/** The human-readable half of the bench result: one table per distribution and size. */
export function renderMarkdown(result: BenchResult): string {
  const out = [
    '# Retrieval index bench: HNSW vs exact brute force',
    '',
    `Generated ${result.generatedAt} in ${f(result.seconds, 0)} s on ${result.machine.cpus}× ${result.machine.cpuModel}, ` +
      `node ${result.machine.node}. Dimension ${result.dimension}, k = ${result.k}, cosine. ` +
      `Clustered = ${result.clustered.clusters} Gaussian clusters on the sphere, within-cluster spread ` +
      `σ = ${result.clustered.spread} along a random rank-${result.clustered.rank} subspace per cluster plus ` +
      `${result.clustered.noise}σ full-rank noise (sentence-embedding-like: low intrinsic dimension); ` +
      'random = uniform on the sphere (worst case). The first distribution is the headline.',
    '',
    'Recall@10 is against the exact index on the same vectors and queries; "× exact p50" is the exact ' +
      "index's median query time divided by this row's (same size, same run). Query time is the CPU time " +
      '(user + system) of one synchronous search call, JS → native copy of the vector included: on this ' +
      'shared machine wall time mostly measures scheduler waits; on an idle core the two are equal. ' +
      'Build is CPU seconds inside `upsert` (one thread). Memory is the RSS growth while building (after GC). ' +
      `Load average during the run: ${f(result.machine.loadAverage.start, 1)} at start, ` +
      `${f(result.machine.loadAverage.end, 1)} at the end, on ${result.machine.cpus} cores — other engineers' ` +
      'jobs share the cores and caches, so absolute times are pessimistic. ' +
      'Sizes ≥ 50k get only the M ≤ 16 half of the grid.',
    '',
    result.chosen
      ? `**Chosen:** M = ${result.chosen.m}, efConstruction = ${result.chosen.efConstruction}, ef = ${result.chosen.ef} — ${result.chosen.rule}.`
      : '**Chosen:** none met the recall target.',
    '',
  ];
  const groups = new Map<string, BenchRow[]>();
  for (const r of result.rows) {
    const key = `${r.distribution} — n = ${r.n.toLocaleString('en-US')} (${r.queries} queries)`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const [key, rows] of groups) out.push(`## ${key}`, '', ...table(rows), '');
  return out.join('\n');
}
