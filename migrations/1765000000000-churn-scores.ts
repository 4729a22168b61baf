import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Churn risk scores with history: one row per scoring, so a customer's risk can be followed
 * over time; readers take the latest row per customer.
 */
export class ChurnScores1765000000000 implements MigrationInterface {
  name = 'ChurnScores1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE churn_scores (
        id bigserial PRIMARY KEY,
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        probability double precision NOT NULL CHECK (probability >= 0 AND probability <= 1),
        tier text NOT NULL CHECK (tier IN ('low','medium','high')),
        model_version text NOT NULL,
        reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
        scored_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX churn_scores_customer_idx ON churn_scores (customer_id, scored_at DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE churn_scores`);
  }
}
