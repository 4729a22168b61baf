import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Product } from '../entities/product.entity';
import { Page } from '../dto/list-query.dto';
import { asJson, queryRows } from './sql-json';

/** A product row ready for the database (snake_case keys match the jsonb record columns). */
export interface ProductRecord {
  external_id: string;
  sku: string | null;
  title: string;
  description: string | null;
  category: string | null;
  price: number;
  currency: string;
  image_url: string | null;
  url: string | null;
  stock: number | null;
  active: boolean;
  attributes: Record<string, unknown>;
}

export interface ProductRef {
  id: string;
  externalId: string;
  sku: string | null;
  title: string;
  price: number;
}

/** A product with its units sold in the popularity window. */
export type PopularProduct = Product & { unitsSold: number };

const PRODUCT_COLUMNS =
  'external_id, sku, title, description, category, price, currency, image_url, url, stock, active, attributes';

@Injectable()
export class ProductRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts or replaces products by external id; returns how many were new. */
  async upsertMany(rows: ProductRecord[], manager: EntityManager): Promise<number> {
    if (rows.length === 0) return 0;
    const result = await queryRows<{ inserted: boolean }>(
      manager,
      `INSERT INTO products (${PRODUCT_COLUMNS})
       SELECT ${PRODUCT_COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS x(
         external_id text, sku text, title text, description text, category text, price numeric,
         currency text, image_url text, url text, stock integer, active boolean, attributes jsonb)
       ON CONFLICT (external_id) DO UPDATE SET
         sku = EXCLUDED.sku, title = EXCLUDED.title, description = EXCLUDED.description,
         category = EXCLUDED.category, price = EXCLUDED.price, currency = EXCLUDED.currency,
         image_url = EXCLUDED.image_url, url = EXCLUDED.url, stock = EXCLUDED.stock,
         active = EXCLUDED.active, attributes = EXCLUDED.attributes, updated_at = now()
       RETURNING (xmax = 0) AS inserted`,
      [asJson(rows)],
    );
    return result.filter((r) => r.inserted).length;
  }

  /** Products named by external id or SKU (an order line may use either). */
  async findRefs(
    externalIds: string[],
    skus: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProductRef[]> {
    if (externalIds.length === 0 && skus.length === 0) return [];
    const rows = await queryRows<{
      id: string;
      external_id: string;
      sku: string | null;
      title: string;
      price: string | number;
    }>(
      manager,
      `SELECT id, external_id, sku, title, price FROM products
       WHERE external_id IN (SELECT jsonb_array_elements_text($1::jsonb))
          OR sku IN (SELECT jsonb_array_elements_text($2::jsonb))
       ORDER BY created_at, id`,
      [asJson(externalIds), asJson(skus)],
    );
    return rows.map((r) => ({
      id: r.id,
      externalId: r.external_id,
      sku: r.sku,
      title: r.title,
      price: Number(r.price),
    }));
  }

  /** The active product with this SKU (case-insensitive), or null. */
  async findActiveBySku(sku: string): Promise<Product | null> {
    return this.dataSource
      .getRepository(Product)
      .createQueryBuilder('p')
      .where('p.active AND lower(p.sku) = lower(:sku)', { sku })
      .getOne();
  }

  async findById(id: string): Promise<Product | null> {
    return this.dataSource.getRepository(Product).findOneBy({ id });
  }

  async list(filter: {
    category?: string;
    q?: string;
    page: number;
    pageSize: number;
  }): Promise<Page<Product>> {
    const qb = this.dataSource.getRepository(Product).createQueryBuilder('p');
    if (filter.category) qb.andWhere('p.category = :category', { category: filter.category });
    searchTerms(filter.q).forEach((term, i) => {
      qb.andWhere(
        `(p.title ILIKE :t${i} OR p.sku ILIKE :t${i} OR p.description ILIKE :t${i} OR p.category ILIKE :t${i})`,
        { [`t${i}`]: `%${term}%` },
      );
    });
    const [items, total] = await qb
      .orderBy('p.title', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize)
      .getManyAndCount();
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  /**
   * Active products ranked by units sold in non-cancelled orders placed in the last `days` days;
   * products that sold nothing follow (by title) so a caller always gets `limit` cards if they exist.
   */
  async popular(options: {
    category?: string;
    limit: number;
    days: number;
  }): Promise<PopularProduct[]> {
    const rows = await queryRows<{ id: string; units: string | number }>(
      this.dataSource.manager,
      `SELECT p.id, COALESCE(s.units, 0) AS units
       FROM products p
       LEFT JOIN (
         SELECT oi.product_id, SUM(oi.quantity) AS units
         FROM order_items oi JOIN orders o ON o.id = oi.order_id
         WHERE o.placed_at >= now() - make_interval(days => $3::int)
           AND o.status NOT IN ('cancelled')
         GROUP BY oi.product_id
       ) s ON s.product_id = p.id
       WHERE p.active AND ($1::text IS NULL OR p.category = $1::text)
       -- What cannot be bought right now goes last, however well it sold (unknown stock counts as
       -- available: shops that do not track it).
       ORDER BY (p.stock IS NOT NULL AND p.stock <= 0) ASC, units DESC, p.title ASC, p.id ASC
       LIMIT $2::int`,
      [options.category ?? null, options.limit, options.days],
    );
    const products = await this.byIds(rows.map((r) => r.id));
    return rows.map((r) => Object.assign(products.get(r.id)!, { unitsSold: Number(r.units) }));
  }

  async categories(): Promise<{ category: string; productCount: number }[]> {
    const rows = await queryRows<{ category: string; n: string | number }>(
      this.dataSource.manager,
      `SELECT category, COUNT(*) AS n FROM products
       WHERE active AND category IS NOT NULL GROUP BY category ORDER BY category`,
    );
    return rows.map((r) => ({ category: r.category, productCount: Number(r.n) }));
  }

  /** Id, title, SKU and Chinese title of every active product (what a shopper may name). */
  async activeNames(): Promise<
    { id: string; title: string; sku: string | null; titleZh: string | null }[]
  > {
    return queryRows(
      this.dataSource.manager,
      `SELECT id, title, sku, attributes->>'titleZh' AS "titleZh" FROM products WHERE active`,
    );
  }

  /** Active products matching every word of `q`, title matches first. */
  async search(q: string, limit: number): Promise<Product[]> {
    const terms = searchTerms(q);
    if (terms.length === 0) return [];
    const qb = this.dataSource.getRepository(Product).createQueryBuilder('p').where('p.active');
    terms.forEach((term, i) => {
      qb.andWhere(
        `(p.title ILIKE :t${i} OR p.sku ILIKE :t${i} OR p.description ILIKE :t${i} OR p.category ILIKE :t${i})`,
        { [`t${i}`]: `%${term}%` },
      );
    });
    const matches = await qb
      .orderBy('p.title', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .take(500)
      .getMany();
    const first = terms[0].replace(/\\(.)/g, '$1').toLowerCase();
    const inTitle = (p: Product) => (p.title.toLowerCase().includes(first) ? 0 : 1);
    return matches.sort((a, b) => inTitle(a) - inTitle(b)).slice(0, limit);
  }

  private async byIds(ids: string[]): Promise<Map<string, Product>> {
    if (ids.length === 0) return new Map();
    const products = await this.dataSource
      .getRepository(Product)
      .createQueryBuilder('p')
      .where('p.id IN (:...ids)', { ids })
      .getMany();
    return new Map(products.map((p) => [p.id, p]));
  }
}

/** Words of a search query, with LIKE wildcards escaped so `50%` matches literally. */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  return q
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((t) => t.replace(/[\\%_]/g, (c) => `\\${c}`));
}
