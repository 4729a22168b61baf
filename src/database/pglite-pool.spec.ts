import { createPGliteDriver } from './pglite-pool';
import { PGliteSession, startPGliteWorker } from './pglite-worker';

interface Client {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  release(): void;
}

describe('PGlite pool', () => {
  let session: PGliteSession;
  let pool: { connect(): Promise<Client>; query: Client['query'] };

  beforeAll(async () => {
    session = await startPGliteWorker();
    const { Pool } = createPGliteDriver(session);
    pool = new Pool() as unknown as typeof pool;
    await pool.query('CREATE TABLE notes (id int PRIMARY KEY, text text)');
  }, 30_000);
  afterAll(() => session.close());
  beforeEach(() => pool.query('DELETE FROM notes'));

  it('keeps a statement sent during another client’s transaction out of it (a rollback does not undo it)', async () => {
    const a = await pool.connect();
    await a.query('BEGIN');
    await a.query('INSERT INTO notes VALUES (1, $1)', ['inside the transaction']);
    // Sent while A's transaction is open: must wait for it, not run inside it.
    const outside = pool.query('INSERT INTO notes VALUES (2, $1)', ['outside']);
    await a.query('ROLLBACK');
    a.release();
    await outside;
    const { rows } = await pool.query('SELECT id FROM notes ORDER BY id');
    expect(rows).toEqual([{ id: 2 }]);
  });

  it('runs two concurrent transactions one after the other, each seeing only its own writes', async () => {
    const run = async (id: number, commit: boolean) => {
      const client = await pool.connect();
      await client.query('BEGIN');
      await client.query('INSERT INTO notes VALUES ($1, $2)', [id, 'x']);
      const { rows } = await client.query('SELECT count(*)::int AS n FROM notes');
      await client.query(commit ? 'COMMIT' : 'ROLLBACK');
      client.release();
      return rows[0].n;
    };
    const counts = await Promise.all([run(1, true), run(2, false), run(3, true)]);
    expect(counts).toEqual([1, 2, 2]); // 2 sees 1 (committed) and itself; 3 sees 1 and itself
    const { rows } = await pool.query('SELECT id FROM notes ORDER BY id');
    expect(rows).toEqual([{ id: 1 }, { id: 3 }]);
  });

  it('answers pipelined statements in the order they were sent', async () => {
    const writes = Array.from({ length: 50 }, (_, i) =>
      pool.query('INSERT INTO notes VALUES ($1, $2) RETURNING id', [i, `note ${i}`]),
    );
    const results = await Promise.all(writes);
    expect(results.map((r) => r.rows[0].id)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('rolls back a transaction whose client is released without ending it', async () => {
    const a = await pool.connect();
    await a.query('BEGIN');
    await a.query('INSERT INTO notes VALUES (7, $1)', ['abandoned']);
    a.release();
    await pool.query('INSERT INTO notes VALUES (8, $1)', ['after']);
    const { rows } = await pool.query('SELECT id FROM notes ORDER BY id');
    expect(rows).toEqual([{ id: 8 }]);
  });

  it('rejects a failing statement with PostgreSQL’s error code and keeps serving', async () => {
    await pool.query('INSERT INTO notes VALUES (1, $1)', ['first']);
    await expect(pool.query('INSERT INTO notes VALUES (1, $1)', ['again'])).rejects.toMatchObject({
      code: '23505',
    });
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM notes');
    expect(rows[0].n).toBe(1);
  });

  describe('statements prepared once and reused', () => {
    beforeAll(() =>
      pool.query(
        'CREATE TABLE IF NOT EXISTS typed (id int PRIMARY KEY, doc jsonb, at timestamptz, big int8, tags text[])',
      ),
    );
    beforeEach(() => pool.query('DELETE FROM typed'));

    it('returns the same values, typed the same way, on every run of a statement', async () => {
      const insert =
        'INSERT INTO typed (id, doc, at, big, tags) VALUES ($1, $2::jsonb, $3, $4, $5) RETURNING *';
      const at = new Date('2026-12-03T10:00:00.000Z');
      const results = [];
      // The first run is unnamed, the second prepares the statement, later runs only bind it.
      for (let id = 1; id <= 4; id++)
        results.push(
          (
            await pool.query(insert, [
              id,
              JSON.stringify({ n: id }),
              at,
              '9007199254740993',
              ['a', "b'c"],
            ])
          ).rows[0],
        );
      results.push((await pool.query(insert, [5, null, null, null, null])).rows[0]);
      // Values cross the worker boundary as structured clones (Date from another realm, BigInt).
      const plain = (r: Record<string, unknown>) => ({
        at: r.at === null ? null : new Date(r.at as Date).toISOString(),
        big: r.big === null ? null : String(r.big),
        tags: r.tags,
      });
      expect(results.slice(0, 4).map(plain)).toEqual(
        Array(4).fill({ at: at.toISOString(), big: '9007199254740993', tags: ['a', "b'c"] }),
      );
      expect(results.map((r) => r.doc)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }, null]);
      expect(plain(results[4])).toEqual({ at: null, big: null, tags: null });
    });

    it('sees a column added after the statement was prepared', async () => {
      await pool.query('INSERT INTO notes VALUES (1, $1)', ['x']);
      const select = 'SELECT * FROM notes WHERE id = $1';
      for (let i = 0; i < 3; i++) await pool.query(select, [1]);
      await pool.query('ALTER TABLE notes ADD COLUMN pinned boolean NOT NULL DEFAULT false');
      try {
        expect((await pool.query(select, [1])).rows).toEqual([{ id: 1, text: 'x', pinned: false }]);
      } finally {
        await pool.query('ALTER TABLE notes DROP COLUMN pinned');
      }
      expect((await pool.query(select, [1])).rows).toEqual([{ id: 1, text: 'x' }]);
    });

    it('reports a failure of a reused statement with its error code and keeps it usable', async () => {
      const insert = 'INSERT INTO notes VALUES ($1, $2)';
      await pool.query(insert, [1, 'a']);
      await pool.query(insert, [2, 'b']);
      await expect(pool.query(insert, [1, 'again'])).rejects.toMatchObject({ code: '23505' });
      await pool.query(insert, [3, 'c']);
      const client = await pool.connect();
      await client.query('BEGIN');
      await client.query(insert, [4, 'rolled back']);
      await client.query('ROLLBACK');
      client.release();
      await pool.query(insert, [5, 'e']);
      const { rows } = await pool.query('SELECT id FROM notes ORDER BY id');
      expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 5]);
    });

    it('keeps a bounded number of prepared statements however many distinct ones run', async () => {
      for (let k = 0; k < 260; k++) {
        const distinct = `SELECT $1::int + ${k} AS n`;
        await pool.query(distinct, [1]);
        expect((await pool.query(distinct, [1])).rows).toEqual([{ n: 1 + k }]);
      }
      const { rows } = await pool.query(
        'SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE $1',
        ['concierge_%'],
      );
      expect(rows[0].n).toBeLessThanOrEqual(200);
      expect(rows[0].n).toBeGreaterThan(100);
    });
  });
});
