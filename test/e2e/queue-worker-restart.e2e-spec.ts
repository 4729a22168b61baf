import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { BullmqQueueDriver } from '../../src/queue/bullmq-queue-driver';
import { dropPrefix, redisAvailable, testPrefix } from '../support/redis';

const ROOT = join(__dirname, '..', '..');
// Generous for a loaded CI machine: a busy event loop must not lose a healthy worker's lock.
const STALL_MS = 2500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => Promise<boolean>, what: string, ms: number) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Starts a TypeScript entry point as a child process; resolves once stdout shows `readyLine`. */
function startProcess(
  script: string,
  env: Record<string, string>,
  readyLine: RegExp,
  ms: number,
): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', script], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not become ready in ${ms} ms:\n${output}`));
    }, ms);
    const check = () => {
      if (readyLine.test(output)) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!readyLine.test(output)) reject(new Error(`${script} exited with ${code}:\n${output}`));
    });
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

const describeRedis = redisAvailable() ? describe : describe.skip;

describeRedis('BullMQ worker processes (real Redis)', () => {
  const url = process.env.REDIS_URL!;
  const children: ChildProcess[] = [];
  let prefix: string;

  beforeEach(() => {
    prefix = testPrefix();
  });

  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    await dropPrefix(prefix);
  });

  it('finishes a job exactly once when its worker is killed with SIGKILL mid-job', async () => {
    const env = { REDIS_URL: url, QUEUE_PREFIX: prefix, STALL_MS: String(STALL_MS) };
    const workerScript = 'test/support/queue-kill-worker.ts';
    const first = await startProcess(workerScript, env, /^ready/m, 60_000);
    children.push(first.child);

    const producer = new BullmqQueueDriver({ url, prefix, runProcessors: false });
    producer.process('restart', () => Promise.resolve(), { retry: { attempts: 1 } });
    const jobId = await producer.enqueue('restart', 'slow', { workMs: 3000 });
    const redis = new IORedis(url);
    const count = async (what: 'starts' | 'completions') =>
      Number((await redis.get(`${prefix}:test:${what}:${jobId}`)) ?? 0);

    try {
      await until(
        async () => (await count('starts')) === 1,
        'the first worker to start the job',
        30_000,
      );
      first.child.kill('SIGKILL');
      expect((await exited(first.child)).signal).toBe('SIGKILL');
      expect(await count('completions')).toBe(0);

      const second = await startProcess(workerScript, env, /^ready/m, 60_000);
      children.push(second.child);
      await until(async () => (await count('completions')) >= 1, 'the job to complete', 60_000);
      // Long enough for a wrongly re-queued copy to be picked up and finish too.
      await sleep(2 * STALL_MS + 3000);

      expect(await count('starts')).toBe(2);
      expect(await count('completions')).toBe(1);
      const queue = new Queue('restart', { connection: { url }, prefix });
      expect(await queue.getJobState(jobId)).toBe('completed');
      await queue.close();
      second.child.kill('SIGTERM');
      expect((await exited(second.child)).code).toBe(0);
    } finally {
      redis.disconnect();
      await producer.close();
    }
  });

  /**
   * Starts `npm run worker`'s entry point, sends SIGTERM as soon as stdout shows `signalAfter`,
   * and returns how it exited and the messages it logged.
   */
  async function signalWorker(signalAfter: RegExp) {
    const dataDir = mkdtempSync(join(tmpdir(), 'concierge-worker-'));
    try {
      const env = {
        REDIS_URL: url,
        QUEUE_PREFIX: prefix,
        DATA_DIR: dataDir,
        SEED_DEMO: 'false',
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        DATABASE_URL: '',
      };
      const worker = await startProcess('src/worker.ts', env, signalAfter, 120_000);
      children.push(worker.child);
      worker.child.kill('SIGTERM');
      const exit = await exited(worker.child);
      if (exit.code !== 0) process.stderr.write(worker.output());
      const messages = worker
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => (JSON.parse(l) as { message: unknown }).message);
      return { exit, messages };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  it('npm run worker boots without HTTP and exits 0 on SIGTERM', async () => {
    const { exit, messages } = await signalWorker(/worker started/);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(messages).toContain('worker stopped');
  });

  it('a SIGTERM that arrives while the worker is still booting stops it cleanly (exit 0)', async () => {
    // Nest's first log line comes after the worker's signal listeners are in, before it is ready.
    const { exit, messages } = await signalWorker(/Starting Nest application/);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(messages).toContain('SIGTERM: finishing running jobs');
    expect(messages).toContain('worker stopped');
  });
});

describe('npm run worker without Redis', () => {
  it('refuses to start with one clear line, since in-process queues cannot be shared', async () => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/worker.ts'], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '', REDIS_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exited(child)).toEqual({ code: 1, signal: null });
    expect(stderr).toContain('concierge worker: REDIS_URL must be set');
  });
});
