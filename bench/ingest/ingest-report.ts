import type { Measurement } from './bulk';

interface IngestResult {
  generatedAt: string;
  machine: {
    cpus: number;
    cpuModel?: string;
    node: string;
    loadAverage: { start: number; end: number };
  };
  options: { rows: number; runs: number; single: number; bulkRequestSize: number };
  measurements: Measurement[];
}

/** Markdown summary: medians per back end and entity, with ratios to the same-run baselines. */
export function renderIngestMarkdown(result: IngestResult): string {
  const find = (backend: string, entity: string, mode: Measurement['mode']) =>
    result.measurements.find(
      (m) => m.backend === backend && m.entity === entity && m.mode === mode,
    );
  const backends = [...new Set(result.measurements.map((m) => m.backend))];
  const lines = [
    '# Bulk ingestion throughput',
    '',
    `Generated ${result.generatedAt} by \`npm run bench:ingest\` (bench/ingest/bulk.ts). ` +
      `${result.machine.cpus} CPUs (${result.machine.cpuModel ?? 'unknown'}), Node ${result.machine.node}; ` +
      `load average ${result.machine.loadAverage.start.toFixed(1)} → ${result.machine.loadAverage.end.toFixed(1)} ` +
      '(shared machine: absolute figures are noisy, same-run ratios less so).',
    '',
    `Median of ${result.options.runs} runs. Each run writes ${result.options.rows} new rows per entity in ` +
      `bulk requests of ${result.options.bulkRequestSize} (orders: 2 lines each, referencing that run's ` +
      `customers and products), and ${result.options.single} rows per entity as one PUT each.`,
    '',
    '| back end | entity | HTTP bulk rows/s | in-process bulk rows/s | HTTP / in-process | single PUT rows/s | bulk / single PUT |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const backend of backends) {
    for (const entity of ['products', 'customers', 'orders']) {
      const http = find(backend, entity, 'http-bulk');
      const inproc = find(backend, entity, 'in-process-bulk');
      const single = find(backend, entity, 'http-single-put');
      if (!http || !inproc || !single) continue;
      lines.push(
        `| ${backend} | ${entity} | ${http.medianRowsPerSecond} | ${inproc.medianRowsPerSecond} | ` +
          `${(http.medianRowsPerSecond / inproc.medianRowsPerSecond).toFixed(2)} | ` +
          `${single.medianRowsPerSecond} | ${(http.medianRowsPerSecond / single.medianRowsPerSecond).toFixed(1)}× |`,
      );
    }
  }
  lines.push(
    '',
    'HTTP bulk: `POST /api/{entity}/bulk` with an API key (validation, one transaction per request). ' +
      'In-process bulk: the same rows through the same IngestionService call without HTTP ' +
      '(row validation + SQL; what the HTTP layer could at best reach). ' +
      'Single PUT: `PUT /api/{entity}/:externalId`, one request and transaction per row.',
    '',
    'Orders include their behaviour events (order_placed, and cancelled / returned / refunded by ' +
      'status), written in the same transaction, and the signals pipeline turning them into ' +
      'customer profiles in the background while the run goes on, as in production.',
    '',
  );
  return lines.join('\n');
}
