import { Worker } from 'node:worker_threads';

/** The part of PGlite the pool uses; the same shape whether it runs here or in a worker. */
export interface PGliteSession {
  query(sql: string, params?: unknown[]): Promise<unknown>;
  /** Runs a multi-statement script; resolves to the last statement's result. */
  execLast(sql: string): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * The worker's code, as plain CommonJS so the same string runs from `dist/`, under
 * @swc-node/register and under jest (none of which would transform a worker's .ts file).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.pglitePath);
const ready = workerData.dataDir ? PGlite.create(workerData.dataDir) : PGlite.create();
const serialiseError = (e) => {
  const out = { name: e && e.name, message: String((e && e.message) || e) };
  if (e && typeof e === 'object') for (const k of Object.keys(e)) {
    const v = e[k];
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v;
  }
  return out;
};
// One statement at a time, in arrival order (the pool relies on it: it pipelines statements).
let previous = ready;
parentPort.on('message', ({ id, op, sql, params }) => {
  previous = previous.then(async (db) => {
    try {
      let result;
      if (op === 'query') result = await db.query(sql, params);
      else if (op === 'exec') result = (await db.exec(sql)).at(-1) || { rows: [], rowCount: 0, command: '' };
      else if (op === 'close') result = await db.close();
      parentPort.postMessage({ id, result });
    } catch (error) {
      parentPort.postMessage({ id, error: serialiseError(error) });
    }
    return db;
  });
});
ready.then(() => parentPort.postMessage({ id: 0 }), (e) => parentPort.postMessage({ id: 0, error: serialiseError(e) }));
`;

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/**
 * Runs PGlite (a WebAssembly PostgreSQL) on its own thread. In-process, every statement runs
 * synchronously on the event loop and stalls sockets, understanding and timers while it executes;
 * on a worker the database uses the second core and the event loop only waits for answers.
 * `dataDir` absent = in memory (tests).
 */
export async function startPGliteWorker(dataDir?: string): Promise<PGliteSession> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { pglitePath: require.resolve('@electric-sql/pglite'), dataDir },
  });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let fatal: Error | null = null;
  // Keep the process alive only while a statement is in flight (a CLI run must not hang on an idle worker).
  const settle = () => {
    if (pending.size === 0) worker.unref();
  };
  worker.on('message', (m: { id: number; result?: unknown; error?: Record<string, unknown> }) => {
    const waiter = pending.get(m.id);
    if (!waiter) return;
    pending.delete(m.id);
    settle();
    if (m.error) waiter.reject(reviveError(m.error));
    else waiter.resolve(m.result);
  });
  const failAll = (error: Error) => {
    fatal = error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`PGlite worker exited (code ${code})`)));

  const call = (op: string, sql?: string, params?: unknown[], id = nextId++) =>
    new Promise<unknown>((resolve, reject) => {
      if (fatal) return reject(fatal);
      pending.set(id, { resolve, reject });
      worker.ref();
      if (id !== 0) worker.postMessage({ id, op, sql, params });
    });

  await call('ready', undefined, undefined, 0);
  return {
    query: (sql, params) => call('query', sql, params ?? []),
    execLast: (sql) => call('exec', sql),
    async close() {
      if (fatal) return;
      await call('close');
      await worker.terminate();
    },
  };
}

/** A database error from the worker as an Error with the same fields (code, detail, constraint…). */
function reviveError(fields: Record<string, unknown>): Error {
  const error = new Error(String(fields.message));
  Object.assign(error, fields);
  return error;
}
