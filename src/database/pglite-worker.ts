import { Worker } from 'node:worker_threads';

/** The part of PGlite the pool uses; the same shape whether it runs here or in a worker. */
export interface PGliteSession {
  query(sql: string, params?: unknown[]): Promise<unknown>;
  /** Runs a multi-statement script; resolves to the last statement's result. */
  execLast(sql: string): Promise<unknown>;
  close(): Promise<void>;
}

/** Named prepared statements kept per session (least recently used are closed). */
const STATEMENT_CACHE_SIZE = 200;
/** Longer statements (bulk inserts with their rows inlined) are not worth keeping. */
const MAX_CACHED_SQL_LENGTH = 20_000;

/**
 * The worker's code, as plain CommonJS so the same string runs from `dist/`, under
 * @swc-node/register and under jest (none of which would transform a worker's .ts file).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite, protocol, parse } = require(workerData.pglitePath);
const ready = workerData.dataDir ? PGlite.create(workerData.dataDir) : PGlite.create();
const serialiseError = (e) => {
  const out = { name: e && e.name, message: String((e && e.message) || e) };
  if (e && typeof e === 'object') for (const k of Object.keys(e)) {
    const v = e[k];
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v;
  }
  return out;
};
const concat = (...parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
};
const { serialize } = protocol;

// Statement cache. PGlite's query() sends every statement unnamed: parsed, analysed and planned
// again each time, in five calls into WebAssembly. For the chat's CTE statements that is ~40% of
// their cost. A statement seen a second time is prepared under a name once and from then on only
// bound and executed (one call); PostgreSQL re-plans it by itself when a table it uses changes.
const CACHE_SIZE = ${STATEMENT_CACHE_SIZE};
const MAX_CACHED_SQL = ${MAX_CACHED_SQL_LENGTH};
const statements = new Map(); // sql -> { name, types }, least recently used first
const seenOnce = new Set();
let nextName = 1;
// DDL can change what a cached "SELECT *" returns ("cached plan must not change result type").
const DDL = /^\\s*(CREATE|ALTER|DROP|COMMENT|GRANT|REVOKE)\\b/im;
const closeStatements = async (db, names) => {
  if (names.length === 0) return;
  await db.execProtocol(concat(...names.map((name) => serialize.close({ type: 'S', name })), serialize.sync()), { throwOnError: false });
};
const forgetAll = (db) => {
  const names = [...statements.values()].map((s) => s.name);
  statements.clear();
  seenOnce.clear();
  return closeStatements(db, names);
};
const prepared = async (db, sql) => {
  let statement = statements.get(sql);
  if (statement) {
    statements.delete(sql);
    statements.set(sql, statement);
    return statement;
  }
  if (sql.length > MAX_CACHED_SQL) return null;
  if (!seenOnce.has(sql)) {
    if (seenOnce.size >= CACHE_SIZE * 4) seenOnce.clear();
    seenOnce.add(sql);
    return null;
  }
  const name = 'concierge_' + nextName++;
  const described = await db.execProtocol(concat(serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), serialize.sync()));
  statement = { name, types: parse.parseDescribeStatementResults(described.messages) };
  seenOnce.delete(sql);
  statements.set(sql, statement);
  if (statements.size > CACHE_SIZE) {
    const [oldestSql, oldest] = statements.entries().next().value;
    statements.delete(oldestSql);
    await closeStatements(db, [oldest.name]);
  }
  return statement;
};
// The worker is PGlite's only user and runs one statement at a time, so the protocol messages
// below cannot interleave with anything else.
const query = async (db, sql, params) => {
  if (DDL.test(sql)) await forgetAll(db);
  const statement = await prepared(db, sql);
  if (!statement) return db.query(sql, params);
  const values = params.map((value, i) => {
    if (value === null || value === undefined) return null;
    const serializer = db.serializers[statement.types[i]];
    return serializer ? serializer(value) : value.toString();
  });
  try {
    const { messages } = await db.execProtocol(concat(
      serialize.bind({ statement: statement.name, values }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
      serialize.sync(),
    ));
    if (!db.isInTransaction()) await db.syncToFs();
    return parse.parseResults(messages, db.parsers)[0];
  } catch (error) {
    // A change the DDL check missed: forget the statement; outside a transaction, run it afresh.
    if (!/cached plan must not change result type/.test(String(error && error.message))) throw error;
    statements.delete(sql);
    await closeStatements(db, [statement.name]);
    if (db.isInTransaction()) throw error;
    return db.query(sql, params);
  }
};

// One statement at a time, in arrival order (the pool relies on it: it pipelines statements).
let previous = ready;
parentPort.on('message', ({ id, op, sql, params }) => {
  previous = previous.then(async (db) => {
    try {
      let result;
      if (op === 'query') result = await query(db, sql, params);
      else if (op === 'exec') {
        if (DDL.test(sql)) await forgetAll(db);
        result = (await db.exec(sql)).at(-1) || { rows: [], rowCount: 0, command: '' };
      } else if (op === 'close') result = await db.close();
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
