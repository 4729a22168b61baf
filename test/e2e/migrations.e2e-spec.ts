import { DataSource } from 'typeorm';
import { allMigrations } from '../../migrations';
import { buildDataSourceOptions, openDatabase } from '../../src/database/data-source.factory';
import { backends, createScratchDatabase } from '../support/databases';

async function tables(ds: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await ds.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY 1`,
  );
  return rows.map((r) => r.table_name);
}

describe.each(backends())('migrations on %s', (backend) => {
  let ds: DataSource;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (backend === 'postgres') {
      const scratch = await createScratchDatabase();
      drop = scratch.drop;
      ds = await openDatabase(await buildDataSourceOptions({ databaseUrl: scratch.url }));
    } else {
      ds = await openDatabase({ pgliteDir: 'memory' });
    }
  });
  afterAll(async () => {
    await ds?.destroy();
    await drop?.();
  });

  it('applies every migration at open and records it', async () => {
    const applied: { name: string }[] = await ds.query(
      'SELECT name FROM schema_migrations ORDER BY id',
    );
    expect(applied.map((m) => m.name)).toEqual(allMigrations.map((m) => m.name));
    expect(await tables(ds)).toEqual(
      expect.arrayContaining([
        'customers',
        'orders',
        'messages',
        'behaviour_events',
        'answer_templates',
      ]),
    );
  });

  it('reverts every migration down to an empty schema, then re-applies them', async () => {
    const before = await tables(ds);
    for (let i = 0; i < allMigrations.length; i++)
      await ds.undoLastMigration({ transaction: 'each' });
    expect(await tables(ds)).toEqual([]);
    await ds.runMigrations({ transaction: 'each' });
    expect(await tables(ds)).toEqual(before);
  });

  it('opening again applies nothing new (idempotent start-up)', async () => {
    const pending = await ds.showMigrations();
    expect(pending).toBe(false);
  });
});
