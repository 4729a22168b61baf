import { EventEmitter } from 'node:events';
import type { PGliteSession } from './pglite-worker';

type Callback<T> = (error: Error | null, result?: T) => void;

/**
 * A `pg`-compatible pool over one PGlite session (running on its own thread), handed to TypeORM as its postgres driver.
 *
 * PGlite is a single session. TypeORM runs each transaction on a "connection" from the pool, so
 * two concurrent transactions on a shared session would interleave their statements (and one's
 * ROLLBACK would undo the other's writes). This pool therefore lends its one connection to one
 * borrower at a time, queueing the rest — the same guarantee a real pool of size 1 gives.
 * (Unlike typeorm-pglite, the instance is per data source, so tests can open several.)
 */
export function createPGliteDriver(db: PGliteSession): { Pool: new () => EventEmitter } {
  let busy = false;
  const waiting: (() => void)[] = [];
  const acquire = () =>
    new Promise<void>((resolve) => {
      if (!busy) {
        busy = true;
        resolve();
      } else waiting.push(resolve);
    });
  const releaseLock = () => {
    const next = waiting.shift();
    if (next) next();
    else busy = false;
  };

  // TypeORM attaches error listeners to the connection, so it must be an EventEmitter.
  const connection = Object.assign(new EventEmitter(), {
    async query(sql: string, params?: unknown[], callback?: Callback<unknown>) {
      if (typeof params === 'function') {
        callback = params as Callback<unknown>;
        params = undefined;
      }
      try {
        const result =
          params && params.length > 0 ? await db.query(sql, params) : await db.execLast(sql);
        callback?.(null, result);
        return result;
      } catch (error) {
        callback?.(error as Error);
        throw error;
      }
    },
  });

  class PGlitePool extends EventEmitter {
    connect(
      callback?: (error: Error | null, client?: unknown, release?: (e?: unknown) => void) => void,
    ) {
      const lent = acquire().then(() => {
        let released = false;
        const release = () => {
          if (released) return;
          released = true;
          releaseLock();
        };
        return { client: connection, release };
      });
      if (!callback) return lent.then(({ client, release }) => Object.assign(client, { release }));
      lent.then(
        ({ client, release }) => callback(null, client, release),
        (e) => callback(e as Error),
      );
      return undefined;
    }

    /** Pool-level query (outside any transaction): borrow, run, return. */
    async query(sql: string, params?: unknown[], callback?: Callback<unknown>) {
      await acquire();
      try {
        return await connection.query(sql, params, callback);
      } finally {
        releaseLock();
      }
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
