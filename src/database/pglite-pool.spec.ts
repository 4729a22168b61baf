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
});
