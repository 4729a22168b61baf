import type { BenchResult, BenchRow } from './hnsw';

const f = (x: number, digits: number) => x.toFixed(digits);

/** V8 cost of one string id in the wrapper's Map plus its slot in the id array (measured ≈ 100 B). */
const JS_ID_BYTES = 100;

/**
 * Memory of an index from hnswlib's own allocations (hnswalg.h): per element the level-0 block
 * (2M links + count + vector + label), the upper-level lists (1/(M−1) of them on average, M links
 * each), the link-list pointer, level, mutex (40 B) and label-map node (≈ 40 B); plus our JS id
 * map. The exact index is the Float32 rows plus the same id map. RSS growth in the JSON is kept
 * but is unreliable inside one process: memory freed by the previous index is reused or returned
 * to the OS while the next one is being built.
 */
export function estimatedMiB(r: Pick<BenchRow, 'kind' | 'n' | 'm'>, dim: number): number {
  const vector = dim * 4;
  if (r.kind === 'exact') return (r.n * (vector + JS_ID_BYTES)) / 2 ** 20;
  const m = r.m as number;
  const level0 = 2 * m * 4 + 4 + vector + 8;
  const upper = (m * 4 + 4) / (m - 1);
  return (r.n * (level0 + upper + 8 + 4 + 40 + 40 + JS_ID_BYTES)) / 2 ** 20;
}

function table(rows: BenchRow[], dim: number): string[] {
  const lines = [
    '| index | M | efC | ef | recall@10 | p50 ms | p99 ms | × exact p50 | build s | memory MiB (est.) |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.kind} | ${r.m ?? ''} | ${r.efConstruction ?? ''} | ${r.ef ?? ''} | ${f(r.recallAt10, 4)} | ` +
        `${f(r.p50Ms, 3)} | ${f(r.p99Ms, 3)} | ${f(r.speedupVsExact, 1)} | ${f(r.buildSeconds, 1)} | ${f(estimatedMiB(r, dim), 0)} |`,
    );
  }
  return lines;
}

/**
 * The curve the choice is read from: per distribution and size, for each graph (M, efC), the
 * smallest ef whose recall@10 reaches the target, with its latency and the graph's cost.
 */
function cheapestTable(rows: BenchRow[], target: number, dim: number): string[] {
  const lines = [
    `| distribution | n | M | efC | build s | memory MiB (est.) | smallest ef with recall ≥ ${target} | its recall | its p50 ms | exact p50 ms |`,
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  const exactP50 = new Map(
    rows.filter((r) => r.kind === 'exact').map((r) => [`${r.distribution}/${r.n}`, r.p50Ms]),
  );
  const graphs = new Map<string, BenchRow[]>();
  for (const r of rows.filter((r) => r.kind === 'hnsw')) {
    const key = `${r.distribution}/${r.n}/${r.m}/${r.efConstruction}`;
    graphs.set(key, [...(graphs.get(key) ?? []), r]);
  }
  for (const list of graphs.values()) {
    const r0 = list[0];
    const ok = list
      .filter((r) => r.recallAt10 >= target)
      .sort((a, b) => (a.ef ?? 0) - (b.ef ?? 0))[0];
    lines.push(
      `| ${r0.distribution} | ${r0.n.toLocaleString('en-US')} | ${r0.m} | ${r0.efConstruction} | ${f(r0.buildSeconds, 1)} | ` +
        `${f(estimatedMiB(r0, dim), 0)} | ${ok ? ok.ef : `none ≤ ${Math.max(...list.map((r) => r.ef ?? 0))}`} | ` +
        `${ok ? f(ok.recallAt10, 4) : f(Math.max(...list.map((r) => r.recallAt10)), 4)} | ${ok ? f(ok.p50Ms, 3) : '—'} | ` +
        `${f(exactP50.get(`${r0.distribution}/${r0.n}`) ?? NaN, 3)} |`,
    );
  }
  return lines;
}

/** The human-readable half of the bench result: the choice, its curve, then every measurement. */
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
      "Build is CPU seconds inside `upsert` (one thread). Memory is estimated from hnswlib's allocations " +
      '(per element: 2M level-0 links, the float32 vector, label, upper levels, lock, map node) plus ~100 B ' +
      'per id in our JS map; the exact index is n × dim float32 plus the same map. (RSS growth per build is ' +
      'in the JSON but unreliable in one process: freed memory of the previous index is reused.) ' +
      `Load average during the run: ${f(result.machine.loadAverage.start, 1)} at start, ` +
      `${f(result.machine.loadAverage.end, 1)} at the end, on ${result.machine.cpus} cores — other engineers' ` +
      'jobs share the cores and caches, so absolute times are pessimistic. ' +
      'Sizes ≥ 50k get only the M ≤ 16 half of the grid.',
    '',
    result.chosen
      ? `**Chosen:** M = ${result.chosen.m}, efConstruction = ${result.chosen.efConstruction}, ef = ${result.chosen.ef} — ${result.chosen.rule}.`
      : '**Chosen:** none met the recall target.',
    '',
    '## Cheapest ef per graph',
    '',
    ...cheapestTable(result.rows, 0.99, result.dimension),
    '',
    '## All measurements',
    '',
  ];
  const groups = new Map<string, BenchRow[]>();
  for (const r of result.rows) {
    const key = `${r.distribution} — n = ${r.n.toLocaleString('en-US')} (${r.queries} queries)`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const [key, rows] of groups)
    out.push(`### ${key}`, '', ...table(rows, result.dimension), '');
  return out.join('\n');
}
