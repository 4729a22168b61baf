import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Back ends the database tests run on: always PGlite; PostgreSQL when DATABASE_URL is set
 * (CI always sets it). Outside CI a missing PostgreSQL is skipped with a visible reason; in CI
 * it is a failure.
 */
export type Backend = 'pglite' | 'postgres';

export function backends(): Backend[] {
  if (process.env.DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.CI)
    throw new Error(
      'CI=true but DATABASE_URL is not set: PostgreSQL tests cannot be skipped in CI',
    );
  if (!warned) {
    warned = true;
    process.stderr.write(
      '[skip] PostgreSQL tests skipped: DATABASE_URL is not set (they run in CI)\n',
    );
  }
  return ['pglite'];
}
let warned = false;

const DROP_ATTEMPTS = 20;
const DROP_RETRY_MS = 250;

/** A fresh, empty PostgreSQL database for one test file; `drop()` removes it. */
export async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set');
  const name = `concierge_t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: base });
      await c.connect();
      try {
        // FORCE ends the tests' own connections, but not a server background worker (autovacuum
        // on the new database) that a non-superuser may not end: that refusal (42501) is retried
        // until the worker is done.
        for (let attempt = 1; ; attempt++) {
          try {
            await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            return;
          } catch (e) {
            if ((e as { code?: string }).code !== '42501' || attempt >= DROP_ATTEMPTS) throw e;
            await new Promise((resolve) => setTimeout(resolve, DROP_RETRY_MS));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}
