/**
 * Chat benchmark (issue 5): simulated shoppers over socket.io against the real platform (a
 * separate process), and the same client against a bare socket.io echo server (the transport's
 * ceiling) in the same run. Results: bench/results/chat.{json,md}, or chat-postgres.{json,md} when
 * DATABASE_URL is set.
 *
 *   npm run bench:chat [-- --quick]
 *   npm run bench:chat -- --report   (rewrites the markdown from the JSON of the last run)
 */
import { spawn, ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { io, Socket } from 'socket.io-client';

const QUICK = process.argv.includes('--quick');
/** The servers inherit the environment: DATABASE_URL makes the platform run on PostgreSQL. */
const DATABASE = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const ROOT = join(__dirname, '..', '..');

/** Team-written in-scope shopper lines (answers come from templates; no escalation paths). */
const LINES = [
  'hi there',
  'what payment methods do you accept?',
  'how long does delivery take to berlin',
  'what is your refund policy',
  'do you have express shipping',
  'how do I reset my password',
  'can I get an invoice for my purchase',
  'how do I change my account email',
  'is there a fee if I cancel',
  'how do I sign up for the newsletter',
  '你们支持哪些支付方式',
  '快递一般几天能到',
  '退货政策是什么',
  'thanks a lot!',
];

interface Proc {
  child: ChildProcess;
  port: number;
}

function startServer(script: string, env: Record<string, string> = {}): Promise<Proc> {
  return new Promise((resolve, reject) => {
    // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the servers only.
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', script], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${script} did not start: ${out}`)), 180_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`${script} exited ${code}: ${out.slice(-2000)}`)));
  });
}

async function stop(p: Proc): Promise<void> {
  p.child.removeAllListeners('exit');
  await new Promise<void>((resolve) => {
    p.child.once('exit', () => resolve());
    p.child.kill('SIGTERM');
    setTimeout(() => (p.child.kill('SIGKILL'), resolve()), 10_000).unref();
  });
}

/** CPU seconds and RSS of a process, from /proc. */
function procStats(pid: number): { cpuSeconds: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]);
  const rssPages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
  return { cpuSeconds: ticks / 100, rssMb: (rssPages * 4096) / 1048576 };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

interface Shopper {
  socket: Socket;
  visitorToken?: string;
  waiting?: { resolve: () => void };
}

async function connectShoppers(port: number, n: number): Promise<Shopper[]> {
  const shoppers: Shopper[] = [];
  const batch = 100;
  for (let i = 0; i < n; i += batch) {
    const part = await Promise.all(
      Array.from(
        { length: Math.min(batch, n - i) },
        () =>
          new Promise<Shopper>((resolve, reject) => {
            const socket = io(`http://127.0.0.1:${port}/chat`, {
              transports: ['websocket'],
              reconnection: false,
              forceNew: true,
              timeout: 60_000,
            });
            const shopper: Shopper = { socket };
            socket.once('session:ready', (r: { visitorToken?: string }) => {
              shopper.visitorToken = r.visitorToken;
              resolve(shopper);
            });
            socket.on('message:new', (m: { sender: string }) => {
              if (m.sender !== 'shopper' && shopper.waiting) {
                const w = shopper.waiting;
                shopper.waiting = undefined;
                w.resolve();
              }
            });
            socket.once('connect_error', reject);
          }),
      ),
    );
    shoppers.push(...part);
  }
  return shoppers;
}

let msgCounter = 0;
/** Client message ids of this run start with it (the audit counts only those). */
const CLIENT_MSG_PREFIX = `b${process.pid}x`;
/**
 * One turn: send, wait for the ack and the first reply; returns ms from send to reply. A refused
 * message or a reply that does not come within 30 s is a failed turn.
 */
async function turn(s: Shopper, text: string): Promise<{ ms: number; ok: boolean }> {
  const start = performance.now();
  const replied = new Promise<void>((resolve) => (s.waiting = { resolve }));
  const ack = (await s.socket.timeout(30_000).emitWithAck('message:send', {
    clientMsgId: `${CLIENT_MSG_PREFIX}${++msgCounter}x${Date.now()}`,
    text,
  })) as { ok: boolean };
  if (!ack.ok) return { ms: performance.now() - start, ok: false };
  const answered = await Promise.race([replied.then(() => true), sleep(30_000).then(() => false)]);
  return { ms: performance.now() - start, ok: answered };
}

interface LoadResult {
  shoppers: number;
  turnsPerShopper: number;
  mode: 'paced' | 'saturation';
  turns: number;
  failed: number;
  seconds: number;
  turnsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  serverCpuPercent: number;
  serverRssMb: number;
}

async function load(
  port: number,
  pid: number,
  n: number,
  m: number,
  mode: 'paced' | 'saturation',
  shoppers?: Shopper[],
): Promise<LoadResult> {
  const own = !shoppers;
  shoppers ??= await connectShoppers(port, n);
  const latencies: number[] = [];
  let failed = 0;
  const before = procStats(pid);
  const t0 = performance.now();
  let peakRss = before.rssMb;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, procStats(pid).rssMb)), 250);
  await Promise.all(
    shoppers.slice(0, n).map(async (s, i) => {
      // Paced shoppers think 0.5–1.5 s between messages (fast typists); start staggered.
      if (mode === 'paced') await sleep((i / n) * 1000);
      for (let k = 0; k < m; k++) {
        const r = await turn(s, LINES[(i + k) % LINES.length]);
        if (r.ok) latencies.push(r.ms);
        else failed++;
        if (mode === 'paced') await sleep(500 + Math.random() * 1000);
      }
    }),
  );
  clearInterval(sampler);
  const seconds = (performance.now() - t0) / 1000;
  const after = procStats(pid);
  latencies.sort((a, b) => a - b);
  if (own) shoppers.forEach((s) => s.socket.disconnect());
  return {
    shoppers: n,
    turnsPerShopper: m,
    mode,
    turns: latencies.length,
    failed,
    seconds: round(seconds),
    turnsPerSecond: round(latencies.length / seconds, 1),
    latencyMs: {
      p50: round(pct(latencies, 0.5)),
      p90: round(pct(latencies, 0.9)),
      p99: round(pct(latencies, 0.99)),
      max: round(latencies.at(-1) ?? NaN),
    },
    serverCpuPercent: round(((after.cpuSeconds - before.cpuSeconds) / seconds) * 100, 1),
    serverRssMb: round(peakRss, 1),
  };
}

/** Waits (up to 3 min) until the process uses under 5% of a CPU over 2 s. */
async function settle(pid: number): Promise<void> {
  const deadline = Date.now() + 180_000;
  let last = procStats(pid).cpuSeconds;
  while (Date.now() < deadline) {
    await sleep(2000);
    const now = procStats(pid).cpuSeconds;
    if (now - last < 0.1) return;
    last = now;
  }
}

async function adminToken(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@concierge.local', password: 'concierge-admin' }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Counts shopper messages per conversation through the staff API: none lost, none duplicated. */
async function audit(port: number, expectedShopperMessages: number) {
  const token = await adminToken(port);
  const headers = { authorization: `Bearer ${token}` };
  let page = 1;
  let shopperMessages = 0;
  let duplicates = 0;
  let conversations = 0;
  for (;;) {
    const list = (await (
      await fetch(`http://127.0.0.1:${port}/api/conversations?page=${page}&pageSize=200`, {
        headers,
      })
    ).json()) as { items: { id: string }[] };
    if (list.items.length === 0) break;
    for (const c of list.items) {
      const t = (await (
        await fetch(`http://127.0.0.1:${port}/api/conversations/${c.id}`, { headers })
      ).json()) as { messages: { sender: string; id: string; clientMsgId: string | null }[] };
      // Only this run's messages: a database used before (PostgreSQL) holds others.
      const mine = t.messages.filter(
        (m) => m.sender === 'shopper' && m.clientMsgId?.startsWith(CLIENT_MSG_PREFIX),
      );
      if (mine.length === 0) continue;
      conversations++;
      shopperMessages += mine.length;
      duplicates += mine.length - new Set(mine.map((m) => m.clientMsgId)).size;
    }
    page++;
  }
  return {
    conversations,
    shopperMessages,
    expectedShopperMessages,
    lost: expectedShopperMessages - shopperMessages,
    duplicates,
  };
}

async function idleConnections(port: number, pid: number, n: number) {
  const base = procStats(pid).rssMb;
  const shoppers = await connectShoppers(port, n);
  await sleep(2000);
  const rss = procStats(pid).rssMb;
  shoppers.forEach((s) => s.socket.disconnect());
  return {
    connections: n,
    serverRssMbBefore: round(base, 1),
    serverRssMb: round(rss, 1),
    perConnectionKb: round(((rss - base) * 1024) / n, 1),
  };
}

async function main() {
  // The target's level (200 shoppers) runs three times: one run's p99 is its 1% slowest turns,
  // and on this machine that moves a lot from run to run; the target is judged on the median.
  const sizes = QUICK ? [50, 200, 200, 200] : [100, 200, 200, 200, 500, 1000];
  const turnsEach = QUICK ? 3 : 5;
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    quick: QUICK,
    database: DATABASE,
    machine: { cpus: require('node:os').cpus().length },
  };

  process.stderr.write('starting echo server…\n');
  const echo = await startServer('bench/chat/echo-server.ts');
  const echoSat = await load(echo.port, echo.child.pid!, 100, QUICK ? 20 : 50, 'saturation');
  const echoPaced = await load(echo.port, echo.child.pid!, 200, turnsEach, 'paced');
  await stop(echo);

  process.stderr.write('starting platform…\n');
  const server = await startServer('bench/chat/chat-server.ts', {
    INTENT_MODEL_DIR: process.env.INTENT_MODEL_DIR ?? 'models/intent',
  });
  // Start-up work (demo seed → behaviour events → profiles, churn scores) runs in the background
  // for a while after READY; measure the steady state, not that.
  await settle(server.child.pid!);
  await load(server.port, server.child.pid!, 20, 3, 'saturation'); // warm-up (model, caches, JIT)
  const paced: LoadResult[] = [];
  let expected = 20 * 3;
  for (const n of sizes) {
    // Each level starts from a quiet server (the previous level's clients have left).
    await settle(server.child.pid!);
    process.stderr.write(`paced load: ${n} shoppers × ${turnsEach} turns…\n`);
    const r = await load(server.port, server.child.pid!, n, turnsEach, 'paced');
    expected += n * turnsEach;
    paced.push(r);
  }
  process.stderr.write('saturation: 100 shoppers, no think time…\n');
  const sat = await load(server.port, server.child.pid!, 100, QUICK ? 10 : 20, 'saturation');
  expected += 100 * (QUICK ? 10 : 20);
  process.stderr.write('auditing persisted messages…\n');
  const integrity = await audit(server.port, expected);
  process.stderr.write('idle connections…\n');
  const idle = await idleConnections(server.port, server.child.pid!, QUICK ? 1000 : 5000);
  await stop(server);

  Object.assign(results, {
    echo: { saturation: echoSat, paced200: echoPaced },
    platform: { paced, saturation: sat },
    throughputVsEcho: round(sat.turnsPerSecond / echoSat.turnsPerSecond, 3),
    integrity,
    idle,
  });
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  const name = DATABASE === 'PostgreSQL' ? 'chat-postgres' : 'chat';
  writeFileSync(
    join(ROOT, 'bench', 'results', `${name}.json`),
    JSON.stringify(results, null, 2) + '\n',
  );
  writeFileSync(join(ROOT, 'bench', 'results', `${name}.md`), markdown(results as never));
  process.stdout.write(JSON.stringify(results, null, 2) + '\n');
}

function markdown(r: {
  date: string;
  database: string;
  echo: { saturation: LoadResult; paced200: LoadResult };
  platform: { paced: LoadResult[]; saturation: LoadResult };
  throughputVsEcho: number;
  integrity: Record<string, number>;
  idle: Record<string, number>;
}): string {
  const row = (name: string, x: LoadResult) =>
    `| ${name} | ${x.shoppers} | ${x.turns} | ${x.turnsPerSecond} | ${x.latencyMs.p50} | ${x.latencyMs.p99} | ${x.failed} | ${x.serverCpuPercent}% | ${x.serverRssMb} |`;
  return [
    `# Chat benchmark — ${r.database}`,
    '',
    `Run ${r.date} on this 2-core machine (\`npm run bench:chat\`). Server = the real platform (compiled build, as \`npm start\` runs it) in its own process`,
    `(${r.database === 'PostgreSQL' ? 'PostgreSQL via DATABASE_URL' : 'embedded PGlite'}, in-process queues, shipped intent model, demo shop); clients = socket.io-client in the bench process.`,
    'Turn latency = `message:send` → first bot reply (`message:new`). *Paced*: each shopper thinks 0.5–1.5 s between',
    'messages (a fast typist; real shoppers are slower). *Saturation*: no think time.',
    '',
    '| run | shoppers | turns | turns/s | p50 ms | p99 ms | failed | server CPU | server RSS MB |',
    '|---|---|---|---|---|---|---|---|---|',
    ...r.platform.paced.map((x) => row('platform, paced', x)),
    row('platform, saturation', r.platform.saturation),
    row('bare echo, paced', r.echo.paced200),
    row('bare echo, saturation', r.echo.saturation),
    '',
    `Saturation throughput vs. bare echo: **${(r.throughputVsEcho * 100).toFixed(1)}%**.`,
    '',
    `Integrity: ${r.integrity.shopperMessages} shopper messages persisted of ${r.integrity.expectedShopperMessages} sent in ${r.integrity.conversations} conversations — lost ${r.integrity.lost}, duplicated ${r.integrity.duplicates}.`,
    '',
    `Idle: ${r.idle.connections} connected shoppers → server RSS ${r.idle.serverRssMb} MB (${
      r.idle.perConnectionKb >= 0
        ? `${r.idle.perConnectionKb} KB per connection over ${r.idle.serverRssMbBefore} MB`
        : // The heap gave back garbage of the earlier runs while the shoppers connected.
          `${r.idle.serverRssMbBefore} MB before they connected: the heap shrank meanwhile, so no per-connection figure`
    }).`,
    '',
    '## Targets (issue 5)',
    '',
    '| target | measured | met |',
    '|---|---|---|',
    ...targets(r).map(([t, m, ok]) => `| ${t} | ${m} | ${ok ? 'yes' : '**no**'} |`),
    '',
  ].join('\n');
}

function targets(r: Parameters<typeof markdown>[0]): [string, string, boolean][] {
  const at200 = r.platform.paced.filter((x) => x.shoppers === 200);
  const p99s = at200.map((x) => x.latencyMs.p99).sort((a, b) => a - b);
  const medianP99 = p99s[Math.floor(p99s.length / 2)];
  return [
    [
      'p99 turn latency ≤ 50 ms at 200 paced shoppers',
      at200.length > 0
        ? `median ${medianP99} ms of ${at200.length} runs (${p99s.join(' / ')} ms)`
        : 'not run',
      at200.length > 0 && medianP99 <= 50 && at200.every((x) => x.failed === 0),
    ],
    [
      '≥ 50% of the bare echo throughput',
      `${(r.throughputVsEcho * 100).toFixed(1)}% (${r.platform.saturation.turnsPerSecond} vs ${r.echo.saturation.turnsPerSecond} turns/s)`,
      r.throughputVsEcho >= 0.5,
    ],
    [
      '5,000 idle connections under 1 GB RSS',
      `${r.idle.connections} connections → ${r.idle.serverRssMb} MB`,
      r.idle.connections >= 5000 && r.idle.serverRssMb < 1024,
    ],
    [
      'zero loss, zero duplicates',
      `${r.integrity.lost} lost, ${r.integrity.duplicates} duplicated of ${r.integrity.expectedShopperMessages}`,
      r.integrity.lost === 0 && r.integrity.duplicates === 0,
    ],
  ];
}

function rewriteReport(): void {
  const name = DATABASE === 'PostgreSQL' ? 'chat-postgres' : 'chat';
  const json = join(ROOT, 'bench', 'results', `${name}.json`);
  const r = JSON.parse(readFileSync(json, 'utf8')) as Parameters<typeof markdown>[0];
  writeFileSync(
    join(ROOT, 'bench', 'results', `${name}.md`),
    markdown({ ...r, database: DATABASE }),
  );
}

(process.argv.includes('--report') ? Promise.resolve().then(rewriteReport) : main()).catch(
  (e: Error) => {
    process.stderr.write(`bench failed: ${e.stack}\n`);
    process.exit(1);
  },
);
