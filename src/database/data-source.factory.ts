import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { allMigrations } from '../../migrations';
import { AppConfig } from '../config/app-config';
import { allEntities } from './entities';
import { createPGliteDriver } from './pglite-pool';
import { startPGliteWorker } from './pglite-worker';

export interface DataSourceTarget {
  /** postgres:// URL; when absent an embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite directory; `memory` (or absent) keeps the database in memory (tests). */
  pgliteDir?: string;
}

export function targetFromConfig(config: AppConfig): DataSourceTarget {
  return config.DATABASE_URL
    ? { databaseUrl: config.DATABASE_URL }
    : { pgliteDir: join(config.DATA_DIR, 'pglite') };
}

/** Options for PostgreSQL or PGlite (opening the PGlite files): same entities, same migrations. */
export async function buildDataSourceOptions(target: DataSourceTarget): Promise<DataSourceOptions> {
  const common = {
    type: 'postgres' as const,
    entities: allEntities,
    migrations: allMigrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    parseInt8: true,
    // The schema (incl. gen_random_uuid, core since PG 13) comes from migrations, not extensions.
    installExtensions: false,
    logging: false,
  };
  if (target.databaseUrl) {
    return { ...common, url: target.databaseUrl, extra: { max: 10 } } as DataSourceOptions;
  }
  const onDisk = target.pgliteDir && target.pgliteDir !== 'memory' ? target.pgliteDir : undefined;
  if (onDisk) mkdirSync(onDisk, { recursive: true });
  const pglite = await startPGliteWorker(onDisk);
  return { ...common, driver: createPGliteDriver(pglite) } as DataSourceOptions;
}

// Arbitrary constant: serialises migrations when several instances start against one PostgreSQL.
const MIGRATION_LOCK_KEY = 7_243_001;

/** Initialises a data source and applies pending migrations (start-up and `npm run migrate`). */
export async function openDatabase(
  target: DataSourceTarget | DataSourceOptions,
): Promise<DataSource> {
  const options = 'type' in target ? target : await buildDataSourceOptions(target);
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  await runMigrationsLocked(dataSource);
  return dataSource;
}

/** True for the embedded PGlite (one session, one process), false for a PostgreSQL server. */
export function isEmbeddedDatabase(dataSource: DataSource): boolean {
  return !(dataSource.options as { url?: string }).url;
}

export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  // PGlite has one session and one process: no lock needed (and holding one would block it).
  if (isEmbeddedDatabase(dataSource))
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}
