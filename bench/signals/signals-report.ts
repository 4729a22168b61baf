export interface SignalsResult {
  mode: 'embedded' | 'postgres-bullmq';
  eventsPerRun: number;
  runs: number;
  ingestion: {
    httpEventsPerSecond: number[];
    medianHttpEventsPerSecond: number;
    directInsertEventsPerSecond: number[];
    medianDirectInsertEventsPerSecond: number;
    ratioToDirectInsert: number;
  };
  lag: {
    targetEventsPerSecond: number;
    achievedEventsPerSecond: number;
    lateRequests: number;
    samples: number;
    p50Ms: number;
    p99Ms: number;
    maxMs: number;
  };
  integrity: {
    eventsSent: number;
    eventsStored: number;
    eventsCountedInProfiles: number;
    processedMarks: number;
    lost: number;
    doubleCounted: number;
    processedDuringLag: number;
  };
}

interface Report {
  date: string;
  machine: { cpus: number; model?: string; loadavg: number[] };
  options: { events: number; runs: number; lagSeconds: number };
  results: SignalsResult[];
}

/** bench/results/signals.md from the JSON report. */
export function renderSignalsMarkdown(r: Report): string {
  const rows = r.results
    .map(
      (m) =>
        `| ${m.mode} | ${m.ingestion.medianHttpEventsPerSecond} | ${m.ingestion.medianDirectInsertEventsPerSecond} | ${m.ingestion.ratioToDirectInsert} | ${m.lag.achievedEventsPerSecond} | ${m.lag.p50Ms} | ${m.lag.p99Ms} | ${m.integrity.lost} | ${m.integrity.doubleCounted} |`,
    )
    .join('\n');
  return `# bench:signals

${r.date} · ${r.machine.cpus} CPUs (${r.machine.model ?? 'unknown'}), load average ${r.machine.loadavg.join(' / ')} at the end (load from other jobs inflates timings).
${r.options.events} events per ingestion run, median of ${r.options.runs} runs after a warm-up; lag over ${r.options.lagSeconds} s at 1,000 events/s.

| mode | ingestion events/s (HTTP batch, median) | direct insert events/s (same-run baseline) | HTTP ÷ direct | lag run events/s | lag p50 ms | lag p99 ms | lost | double-counted |
|---|---|---|---|---|---|---|---|---|
${rows}

- **Ingestion**: \`POST /api/events/batch\`, 1,000 events per request, 4 in flight, relay and profile
  processor running in the same process (so they compete for the same CPUs). Baseline: the same
  batches inserted in-process with \`appendEvents\` (no HTTP, JSON, validation or customer lookup).
- **Lag**: 50 events every 50 ms, each request for its own customer; from the request's 201 to the
  moment that customer's profile shows all 50 events (polled every 10 ms: overstates by ≤ 10 ms).
- **Integrity**: events sent vs events counted in \`customer_profiles\` after the queue drained.
- Targets (issue 8): ≥ 5,000 events/s ingestion on PostgreSQL + BullMQ; lag p99 < 1 s at
  1,000 events/s; zero lost and zero double-counted events.

Per-run samples are in \`signals.json\`.
`;
}
