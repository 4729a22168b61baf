import { Injectable, Logger } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { customerDisplayNameSql } from '../../commerce/customer-name';
import { NotFoundError } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config';
import { ProfileService } from '../../signals/profile.service';
import { ChurnModel, RiskTier } from '../churn-model';
import { profileFeatures } from './profile-features';

/** One plain-words factor that raised a customer's risk. */
export interface ChurnReason {
  feature: string;
  value: string | number | boolean | null;
  /** Effect on the log-odds (positive = riskier). */
  contribution: number;
  text: string;
}

export interface StoredChurnScore {
  customerId: string;
  probability: number;
  tier: RiskTier;
  modelVersion: string;
  reasons: ChurnReason[];
  scoredAt: string;
}

export interface AtRiskCustomer extends StoredChurnScore {
  externalId: string | null;
  email: string | null;
  name: string | null;
}

export const TIER_RANK: Record<RiskTier, number> = { low: 0, medium: 1, high: 2 };
/** Reasons kept per score: enough for a panel line, short enough for a CSV cell. */
const REASONS = 3;
const PAGE = 200;

type Row = Record<string, unknown>;

function toScore(row: Row): StoredChurnScore {
  return {
    customerId: row.customer_id as string,
    probability: Number(row.probability),
    tier: row.tier as RiskTier,
    modelVersion: row.model_version as string,
    reasons: (typeof row.reasons === 'string'
      ? JSON.parse(row.reasons)
      : row.reasons) as ChurnReason[],
    scoredAt: new Date(row.scored_at as string).toISOString(),
  };
}

/**
 * Scores customers with the churn model in `CHURN_MODEL_DIR` and keeps every score (history).
 * Without a model the platform runs as before: scoring is skipped and logged once.
 */
@Injectable()
export class ChurnScoringService {
  private readonly logger = new Logger('churn');
  private loaded?: { model: ChurnModel; version: string } | null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: ProfileService,
    private readonly config: AppConfig,
  ) {}

  /** The model, loaded on first use; null (logged once) when absent or unreadable. */
  model(): { model: ChurnModel; version: string } | null {
    if (this.loaded !== undefined) return this.loaded;
    const dir = this.config.CHURN_MODEL_DIR;
    if (!existsSync(join(dir, 'model.json'))) {
      this.logger.warn(`no churn model in ${dir}: churn scoring is off`);
      this.loaded = null;
      return null;
    }
    try {
      const model = ChurnModel.load(dir);
      this.loaded = { model, version: `${model.artifact.schema.name}@${model.artifact.createdAt}` };
    } catch (error) {
      this.logger.error(`churn scoring is off: ${(error as Error).message}`);
      this.loaded = null;
    }
    return this.loaded;
  }

  /**
   * Profile → features → model → stored row. With `explain` (default) the top factors raising
   * the risk are stored; without it only high-tier customers get them (nightly bulk scoring).
   * Null when no model is installed.
   */
  async scoreCustomer(
    customerId: string,
    options: { explain?: boolean; now?: Date } = {},
  ): Promise<StoredChurnScore | null> {
    const loaded = this.model();
    if (!loaded) return null;
    const profile = await this.profiles.getProfile(customerId, options.now);
    const features = profileFeatures(profile);
    let score = loaded.model.score(features, { explain: options.explain !== false });
    if (options.explain === false && score.tier === 'high') score = loaded.model.score(features);
    const reasons: ChurnReason[] = score.contributions
      .filter((c) => c.contribution > 0)
      .slice(0, REASONS)
      .map((c) => ({
        feature: c.feature,
        value: c.value ?? null,
        contribution: Math.round(c.contribution * 10_000) / 10_000,
        text: c.text,
      }));
    const rows: Row[] = await this.dataSource.query(
      `INSERT INTO churn_scores (customer_id, probability, tier, model_version, reasons, scored_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6)
       RETURNING customer_id, probability, tier, model_version, reasons, scored_at`,
      [
        profile.customerId,
        score.probability,
        score.tier,
        loaded.version,
        JSON.stringify(reasons),
        profile.asOf,
      ],
    );
    return toScore(rows[0]);
  }

  /** Rescores every customer without per-customer explanations; returns how many were scored. */
  async rescoreAll(now = new Date()): Promise<number> {
    if (!this.model()) return 0;
    let scored = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const page: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM customers WHERE id > $1::uuid ORDER BY id LIMIT ${PAGE}`,
        [after],
      );
      for (const { id } of page) {
        if (await this.scoreCustomer(id, { explain: false, now })) scored++;
      }
      if (page.length < PAGE) return scored;
      after = page[page.length - 1].id;
    }
  }

  /** The latest score of a customer (id or external id) and its history, newest first. */
  async history(
    customerRef: string,
    limit = 30,
  ): Promise<{ customerId: string; latest: StoredChurnScore | null; history: StoredChurnScore[] }> {
    const customers: { id: string }[] = await this.dataSource.query(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(customerRef)
        ? `SELECT id FROM customers WHERE id = $1::uuid`
        : `SELECT id FROM customers WHERE external_id = $1`,
      [customerRef],
    );
    if (customers.length === 0) throw new NotFoundError('customer', customerRef);
    const rows: Row[] = await this.dataSource.query(
      `SELECT customer_id, probability, tier, model_version, reasons, scored_at
       FROM churn_scores WHERE customer_id = $1 ORDER BY scored_at DESC, id DESC LIMIT $2`,
      [customers[0].id, limit],
    );
    const history = rows.map(toScore);
    return { customerId: customers[0].id, latest: history[0] ?? null, history };
  }

  async latest(customerRef: string): Promise<StoredChurnScore | null> {
    return (await this.history(customerRef, 1)).latest;
  }

  /** Customers whose latest score is in `tier` or above, riskiest first. */
  async atRisk(options: { tier?: RiskTier; limit?: number } = {}): Promise<AtRiskCustomer[]> {
    const tiers = (Object.keys(TIER_RANK) as RiskTier[]).filter(
      (t) => TIER_RANK[t] >= TIER_RANK[options.tier ?? 'high'],
    );
    const rows: Row[] = await this.dataSource.query(
      `SELECT s.*, c.external_id, c.email,
              ${customerDisplayNameSql('c')} AS name
       FROM (SELECT DISTINCT ON (customer_id)
                    customer_id, probability, tier, model_version, reasons, scored_at
             FROM churn_scores ORDER BY customer_id, scored_at DESC, id DESC) s
       JOIN customers c ON c.id = s.customer_id
       WHERE s.tier = ANY($1::text[])
       ORDER BY s.probability DESC, s.customer_id
       LIMIT $2`,
      [tiers, options.limit ?? 100],
    );
    return rows.map((row) => ({
      ...toScore(row),
      externalId: (row.external_id as string | null) ?? null,
      email: (row.email as string | null) ?? null,
      name: (row.name as string | null) ?? null,
    }));
  }
}
