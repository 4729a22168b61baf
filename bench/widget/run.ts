/**
 * Widget benchmark: bytes of the served loader (raw and gzip -9) and the time from inserting
 * the <script> tag to the launcher being on screen, median of N cold loads (fresh browser
 * context each: no cache, no localStorage) in headless Chromium.
 *
 * Baseline measured in the same run: socket.io-client's own minified browser build, loaded the
 * same way (time until `window.io` exists). It is what the loader would have to carry if it
 * used the stock client, so the ratio shows what the hand-written engine.io client buys.
 *
 *   npm run bench:widget [-- --loads 15]
 * Writes bench/results/widget.json and bench/results/widget.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { buildWidget } from '../../apps/widget/build';
import { loadWidgetBundle } from '../../src/storefront/widget-bundle';
import { CHROMIUM_PATH, chromiumMissing, launchChromium } from '../../test/browser/widget-browser';

const HOST = 'http://shop.bench';
const LOADS = Number(process.argv[process.argv.indexOf('--loads') + 1]) || 15;
const BUDGET_GZIP_BYTES = 15 * 1024;

interface Timing {
  /** Script tag inserted → script's response fully received (Resource Timing). */
  fetchMs: number;
  /** Script tag inserted → ready (launcher painted / `io` defined). */
  readyMs: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * One cold load: a blank host page inserts the script, then polls every animation frame for the
 * ready condition. Both timestamps come from the page's own clock.
 */
async function coldLoad(browser: Browser, body: Buffer, ready: string): Promise<Timing> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.route(`${HOST}/**`, (route) =>
      route.request().url().endsWith('/script.js')
        ? route.fulfill({ contentType: 'application/javascript', body })
        : route.fulfill({
            contentType: 'text/html',
            body: '<!doctype html><html lang="en"><body><h1>Shop</h1></body></html>',
          }),
    );
    await page.goto(`${HOST}/`);
    return await page.evaluate(
      ({ src, ready }) =>
        new Promise<Timing>((resolve) => {
          const isReady = new Function(`return (${ready})`) as () => boolean;
          const start = performance.now();
          const script = document.createElement('script');
          script.src = src;
          script.async = true;
          document.head.append(script);
          const poll = () => {
            if (!isReady()) return requestAnimationFrame(poll);
            const done = performance.now();
            const entry = performance.getEntriesByName(src)[0] as PerformanceResourceTiming;
            resolve({ fetchMs: entry.responseEnd - start, readyMs: done - start });
          };
          requestAnimationFrame(poll);
        }),
      { src: `${HOST}/script.js`, ready },
    );
  } finally {
    await context.close();
  }
}

async function series(browser: Browser, body: Buffer, ready: string) {
  await coldLoad(browser, body, ready); // warm-up: Chromium's own first-use costs
  const runs: Timing[] = [];
  for (let i = 0; i < LOADS; i++) runs.push(await coldLoad(browser, body, ready));
  return {
    loads: LOADS,
    medianReadyMs: round(median(runs.map((r) => r.readyMs))),
    medianFetchMs: round(median(runs.map((r) => r.fetchMs))),
    minReadyMs: round(Math.min(...runs.map((r) => r.readyMs))),
    maxReadyMs: round(Math.max(...runs.map((r) => r.readyMs))),
  };
}

async function main(): Promise<void> {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  await buildWidget({ typecheck: false });
  const widget = loadWidgetBundle({ themeColor: '#4f46e5' }).body;
  const baseline = readFileSync(
    join(dirname(require.resolve('socket.io-client')), '..', '..', 'dist', 'socket.io.min.js'),
  );
  const size = (b: Buffer) => ({ rawBytes: b.length, gzipBytes: gzipSync(b, { level: 9 }).length });

  const browser = await launchChromium();
  let widgetTiming, baselineTiming;
  try {
    widgetTiming = await series(
      browser,
      widget,
      `(() => { const l = document.querySelector('concierge-widget')?.shadowRoot?.querySelector('.launcher'); const r = l?.getBoundingClientRect(); return !!r && r.width > 0 && getComputedStyle(l).visibility === 'visible'; })()`,
    );
    baselineTiming = await series(browser, baseline, `typeof window.io === 'function'`);
  } finally {
    await browser.close();
  }

  const result = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      loadAverage1m: round(loadavg()[0], 2),
      chromium: CHROMIUM_PATH,
    },
    widget: { ...size(widget), budgetGzipBytes: BUDGET_GZIP_BYTES, ...widgetTiming },
    baseline: {
      name: 'socket.io-client 4 dist/socket.io.min.js (client only, no UI)',
      ...size(baseline),
      ...baselineTiming,
    },
  };
  const ratios = {
    gzipBytes: round(result.widget.gzipBytes / result.baseline.gzipBytes, 2),
    medianReadyMs: round(result.widget.medianReadyMs / result.baseline.medianReadyMs, 2),
  };
  const dir = join(__dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'widget.json'), `${JSON.stringify({ ...result, ratios }, null, 2)}\n`);
  const w = result.widget;
  const b = result.baseline;
  writeFileSync(
    join(dir, 'widget.md'),
    `# Widget loader benchmark

${result.date} · ${result.machine.cpus} CPUs (shared; load average ${result.machine.loadAverage1m}) · headless Chromium · ${LOADS} cold loads each (fresh context), medians · \`npm run bench:widget\`

| | raw bytes | gzip -9 bytes | script inserted → fetched (ms) | script inserted → ready (ms) | min–max ready (ms) |
|---|---:|---:|---:|---:|---:|
| widget.js (whole UI + chat client) — ready = launcher painted | ${w.rawBytes} | ${w.gzipBytes} | ${w.medianFetchMs} | ${w.medianReadyMs} | ${w.minReadyMs}–${w.maxReadyMs} |
| baseline: ${b.name} — ready = \`io\` defined | ${b.rawBytes} | ${b.gzipBytes} | ${b.medianFetchMs} | ${b.medianReadyMs} | ${b.minReadyMs}–${b.maxReadyMs} |

- Budget: ≤ ${BUDGET_GZIP_BYTES} bytes gzipped → ${w.gzipBytes <= BUDGET_GZIP_BYTES ? 'met' : '**exceeded**'} (${round((100 * w.gzipBytes) / BUDGET_GZIP_BYTES)} % of it).
- Ratios widget / baseline: gzip bytes ×${ratios.gzipBytes}, time to ready ×${ratios.medianReadyMs}.
- The script is served by Playwright's router from memory, so times are parse + execute + first
  paint in the browser, not network; the launcher needs no server round trip (the socket opens
  on first open, or at once for a returning visitor).
`,
  );
  process.stdout.write(readFileSync(join(dir, 'widget.md'), 'utf8'));
}

main().catch((error: Error) => {
  process.stderr.write(`bench:widget failed: ${error.message}\n`);
  process.exit(1);
});
