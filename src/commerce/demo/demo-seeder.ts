import { DataSource, EntityManager } from 'typeorm';
import { IngestionService } from '../ingestion.service';
import { DemoShop, generateDemoShop } from './demo-shop';

export interface SeedSummary {
  loaded: boolean;
  /** Why nothing was written (already loaded). */
  skipped?: string;
  products: number;
  customers: number;
  orders: number;
  ms: number;
}

/** Demo rows are recognisable by their external ids (`demo-p-…`, `demo-c-…`, `demo-o-…`). */
const DEMO_PREFIX = 'demo-%';
/** Serialises seeding when several instances start against one PostgreSQL at once. */
const SEED_LOCK_KEY = 7_243_002;
/** Rows per statement: keeps each jsonb parameter a few hundred KB. */
const CHUNK = 1000;

/** PostgreSQL's SQLSTATE for a transaction aborted to break a deadlock. */
const DEADLOCK = '40P01';

/**
 * Loads the generated demo shop in one transaction: all of it or none. Idempotent: when demo
 * products exist it writes nothing unless `reset` is asked, which first deletes the demo rows
 * (and, through foreign keys, the demo customers' conversations).
 */
export class DemoSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ingestion: IngestionService,
  ) {}

  /** True when the catalogue is empty (SEED_DEMO=auto seeds only then). */
  async catalogueIsEmpty(): Promise<boolean> {
    const rows = (await this.dataSource.query('SELECT EXISTS (SELECT 1 FROM products) AS any')) as {
      any: boolean;
    }[];
    return !rows[0].any;
  }

  async seed(options: { reset?: boolean; shop?: DemoShop } = {}): Promise<SeedSummary> {
    // A reset deletes customers whose profiles the signals processor may be updating at the same
    // moment (right after a first load it is still working through the order history);
    // PostgreSQL then aborts one side with a deadlock. The seed is one transaction, so running it
    // again after a pause is safe.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.seedOnce(options);
      } catch (error) {
        const code = (error as { driverError?: { code?: string } }).driverError?.code;
        if (code !== DEADLOCK || attempt >= 10) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
      }
    }
  }

  private async seedOnce(options: { reset?: boolean; shop?: DemoShop }): Promise<SeedSummary> {
    const started = Date.now();
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
      if (options.reset) await deleteDemoRows(manager);
      else if (await demoLoaded(manager)) {
        return {
          loaded: false,
          skipped: 'demo shop already loaded (use --reset to reload)',
          ...(await counts(manager)),
          ms: Date.now() - started,
        };
      }
      const shop = options.shop ?? generateDemoShop();
      // Orders last: they reference the customers and products written before them.
      for (const key of ['products', 'customers', 'orders'] as const) {
        const rows: unknown[] = shop[key];
        for (let i = 0; i < rows.length; i += CHUNK) {
          const chunk = {
            products: [],
            customers: [],
            orders: [],
            [key]: rows.slice(i, i + CHUNK),
          };
          await this.ingestion.writeAll(chunk as DemoShop, manager);
        }
      }
      return { loaded: true, ...(await counts(manager)), ms: Date.now() - started };
    });
  }
}

async function demoLoaded(manager: EntityManager): Promise<boolean> {
  const rows = (await manager.query(
    'SELECT EXISTS (SELECT 1 FROM products WHERE external_id LIKE $1) AS any',
    [DEMO_PREFIX],
  )) as { any: boolean }[];
  return rows[0].any;
}

async function deleteDemoRows(manager: EntityManager): Promise<void> {
  await manager.query('DELETE FROM orders WHERE external_id LIKE $1', [DEMO_PREFIX]);
  await manager.query('DELETE FROM customers WHERE external_id LIKE $1', [DEMO_PREFIX]);
  await manager.query('DELETE FROM products WHERE external_id LIKE $1', [DEMO_PREFIX]);
}

/** Demo rows now in the database. */
async function counts(
  manager: EntityManager,
): Promise<{ products: number; customers: number; orders: number }> {
  const [row] = (await manager.query(
    `SELECT (SELECT COUNT(*) FROM products WHERE external_id LIKE $1) AS products,
            (SELECT COUNT(*) FROM customers WHERE external_id LIKE $1) AS customers,
            (SELECT COUNT(*) FROM orders WHERE external_id LIKE $1) AS orders`,
    [DEMO_PREFIX],
  )) as { products: string | number; customers: string | number; orders: string | number }[];
  return {
    products: Number(row.products),
    customers: Number(row.customers),
    orders: Number(row.orders),
  };
}
