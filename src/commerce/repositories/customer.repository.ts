import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Customer } from '../entities/customer.entity';
import { Page } from '../dto/list-query.dto';
import { asJson, queryRows } from './sql-json';
import { searchTerms } from './product.repository';

export interface CustomerRecord {
  external_id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  locale: string | null;
  country: string | null;
  city: string | null;
  signed_up_at: string | null;
  attributes: Record<string, unknown>;
}

const CUSTOMER_COLUMNS =
  'external_id, email, first_name, last_name, phone, locale, country, city, signed_up_at, attributes';

@Injectable()
export class CustomerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts or replaces customers by external id; returns how many were new. */
  async upsertMany(rows: CustomerRecord[], manager: EntityManager): Promise<number> {
    if (rows.length === 0) return 0;
    const result = await queryRows<{ inserted: boolean }>(
      manager,
      `INSERT INTO customers (${CUSTOMER_COLUMNS})
       SELECT ${CUSTOMER_COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS x(
         external_id text, email text, first_name text, last_name text, phone text, locale text,
         country text, city text, signed_up_at timestamptz, attributes jsonb)
       ON CONFLICT (external_id) DO UPDATE SET
         email = EXCLUDED.email, first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
         phone = EXCLUDED.phone, locale = EXCLUDED.locale, country = EXCLUDED.country,
         city = EXCLUDED.city, signed_up_at = EXCLUDED.signed_up_at,
         attributes = EXCLUDED.attributes, updated_at = now()
       RETURNING (xmax = 0) AS inserted`,
      [asJson(rows)],
    );
    return result.filter((r) => r.inserted).length;
  }

  /** external id → internal id for the ids that exist. */
  async idsByExternalId(
    externalIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string>> {
    if (externalIds.length === 0) return new Map();
    const rows = await queryRows<{ id: string; external_id: string }>(
      manager,
      `SELECT id, external_id FROM customers
       WHERE external_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      [asJson(externalIds)],
    );
    return new Map(rows.map((r) => [r.external_id, r.id]));
  }

  async findById(id: string): Promise<Customer | null> {
    return this.dataSource.getRepository(Customer).findOneBy({ id });
  }

  async findByExternalId(externalId: string): Promise<Customer | null> {
    return this.dataSource.getRepository(Customer).findOneBy({ externalId });
  }

  async list(filter: { q?: string; page: number; pageSize: number }): Promise<Page<Customer>> {
    const qb = this.dataSource.getRepository(Customer).createQueryBuilder('c');
    searchTerms(filter.q).forEach((term, i) => {
      qb.andWhere(
        `(c.first_name ILIKE :t${i} OR c.last_name ILIKE :t${i} OR c.email ILIKE :t${i} OR c.external_id ILIKE :t${i})`,
        { [`t${i}`]: `%${term}%` },
      );
    });
    const [items, total] = await qb
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize)
      .getManyAndCount();
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }
}
