import { EventEmitter } from 'node:events';
import type { PGliteSession } from './pglite-worker';

type Callback<T> = (error: Error | null, result?: T) => void;

const BEGINS_TRANSACTION = /^\s*(BEGIN|START\s+TRANSACTION)\b/i;
/** COMMIT / ROLLBACK / END — but not ROLLBACK TO SAVEPOINT, which stays inside the transaction. */
const ENDS_TRANSACTION = /^\s*(COMMIT|END|ROLLBACK(?!\s+TO\b))\b/i;

/**
 * A `pg`-compatible pool over one PGlite session (running on its own thread), handed to TypeORM
 * as its postgres driver.
 *
 * PGlite is a single session, and its worker runs statements strictly in the order they were
 * sent. Statements outside a transaction are therefore sent at once, without waiting for the
 * previous answer: the database thread always has the next statement queued instead of idling
 * while this thread turns an answer into the next request. A transaction, though, must not have
 * other clients' statements interleaved (one's ROLLBACK would undo the other's writes), so the
 * client that sends BEGIN holds the session until its COMMIT/ROLLBACK has been answered; everyone
 * else's statements wait for that, in arrival order. (Unlike typeorm-pglite, the instance is per
 * data source, so tests can open several.)
 */
export function createPGliteDriver(db: PGliteSession): { Pool: new () => EventEmitter } {
  /** The client inside a transaction, if any. */
  let owner: object | null = null;
  const waiting: (() => void)[] = [];

  const release = () => {
    owner = null;
    // Wake waiters in order until one of them opens a transaction again.
    while (owner === null && waiting.length > 0) waiting.shift()!();
  };

  const send = (sql: string, params?: unknown[]) =>
    params && params.length > 0 ? db.query(sql, params) : db.execLast(sql);

  /**
   * Sends `sql` now, unless another client's transaction is open: then once it has ended, in
   * arrival order. The statement is posted to the worker synchronously with the decision, so
   * nothing can slip in between "the session is free" and "sent".
   */
  const sendInTurn = (client: object, sql: string, params?: unknown[]) => {
    const go = () => {
      if (owner === null && BEGINS_TRANSACTION.test(sql)) owner = client;
      return send(sql, params);
    };
    if (owner === null || owner === client) return go();
    return new Promise<unknown>((resolve, reject) =>
      waiting.push(() => go().then(resolve, reject)),
    );
  };

  const newClient = () => {
    // TypeORM attaches error listeners to the connection, so it must be an EventEmitter.
    const client = Object.assign(new EventEmitter(), {
      async query(sql: string, params?: unknown[], callback?: Callback<unknown>) {
        if (typeof params === 'function') {
          callback = params as Callback<unknown>;
          params = undefined;
        }
        try {
          const result = await sendInTurn(client, sql, params);
          callback?.(null, result);
          return result;
        } catch (error) {
          callback?.(error as Error);
          throw error;
        } finally {
          if (owner === client && ENDS_TRANSACTION.test(sql)) release();
        }
      },
      release() {
        // Returned to the pool while still inside a transaction (a caller that crashed between
        // BEGIN and COMMIT): undo it so the session is usable by everyone else.
        if (owner === client) void send('ROLLBACK').finally(release);
      },
    });
    return client;
  };

  class PGlitePool extends EventEmitter {
    connect(
      callback?: (error: Error | null, client?: unknown, release?: (e?: unknown) => void) => void,
    ) {
      const client = newClient();
      const done = () => client.release();
      if (!callback) return Promise.resolve(client);
      callback(null, client, done);
      return undefined;
    }

    /** Pool-level query (outside any transaction). */
    query(sql: string, params?: unknown[], callback?: Callback<unknown>) {
      return newClient().query(sql, params, callback);
    }

    end(callback?: (error: Error | null) => void) {
      db.close().then(
        () => callback?.(null),
        (e) => callback?.(e as Error),
      );
    }
  }
  return { Pool: PGlitePool };
}
