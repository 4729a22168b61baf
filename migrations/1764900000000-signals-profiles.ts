import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Behaviour signals: per-customer profiles and daily rollups (read by churn scoring and reports),
 * the conversations each customer had, and the processed-event marks that make processors
 * idempotent (written in the same transaction as the profile change).
 */
export class SignalsProfiles1764900000000 implements MigrationInterface {
  name = 'SignalsProfiles1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE processed_events (
        event_id uuid NOT NULL REFERENCES behaviour_events(id) ON DELETE CASCADE,
        processor text NOT NULL,
        customer_id uuid REFERENCES customers(id) ON DELETE CASCADE,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, processor)
      );
      CREATE INDEX processed_events_customer_idx ON processed_events (processor, customer_id);

      CREATE TABLE customer_profiles (
        customer_id uuid PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
        events integer NOT NULL DEFAULT 0,
        orders integer NOT NULL DEFAULT 0,
        order_value numeric(14,2) NOT NULL DEFAULT 0,
        cancellations integer NOT NULL DEFAULT 0,
        refunds integer NOT NULL DEFAULT 0,
        refund_value numeric(14,2) NOT NULL DEFAULT 0,
        returns integer NOT NULL DEFAULT 0,
        messages integer NOT NULL DEFAULT 0,
        negative_messages integer NOT NULL DEFAULT 0,
        complaints integer NOT NULL DEFAULT 0,
        escalations integer NOT NULL DEFAULT 0,
        resolutions integer NOT NULL DEFAULT 0,
        ratings_count integer NOT NULL DEFAULT 0,
        rating_sum integer NOT NULL DEFAULT 0,
        page_views integer NOT NULL DEFAULT 0,
        product_views integer NOT NULL DEFAULT 0,
        searches integer NOT NULL DEFAULT 0,
        add_to_carts integer NOT NULL DEFAULT 0,
        first_seen_at timestamptz,
        last_seen_at timestamptz,
        first_order_at timestamptz,
        last_order_at timestamptz,
        prev_order_at timestamptz,
        last_contact_at timestamptz,
        last_rating integer,
        last_rating_at timestamptz,
        lifecycle_stage text NOT NULL DEFAULT 'new'
          CHECK (lifecycle_stage IN ('new','active','growing','at_risk','churned','reactivated')),
        stage_computed_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX customer_profiles_stage_idx ON customer_profiles (lifecycle_stage);

      CREATE TABLE customer_daily_rollups (
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        day date NOT NULL,
        events integer NOT NULL DEFAULT 0,
        orders integer NOT NULL DEFAULT 0,
        order_value numeric(14,2) NOT NULL DEFAULT 0,
        cancellations integer NOT NULL DEFAULT 0,
        refunds integer NOT NULL DEFAULT 0,
        refund_value numeric(14,2) NOT NULL DEFAULT 0,
        returns integer NOT NULL DEFAULT 0,
        messages integer NOT NULL DEFAULT 0,
        negative_messages integer NOT NULL DEFAULT 0,
        complaints integer NOT NULL DEFAULT 0,
        escalations integer NOT NULL DEFAULT 0,
        resolutions integer NOT NULL DEFAULT 0,
        ratings_count integer NOT NULL DEFAULT 0,
        rating_sum integer NOT NULL DEFAULT 0,
        page_views integer NOT NULL DEFAULT 0,
        product_views integer NOT NULL DEFAULT 0,
        searches integer NOT NULL DEFAULT 0,
        add_to_carts integer NOT NULL DEFAULT 0,
        PRIMARY KEY (customer_id, day)
      );
      CREATE INDEX customer_daily_rollups_day_idx ON customer_daily_rollups (day);

      CREATE TABLE customer_conversations (
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL,
        first_at timestamptz NOT NULL,
        escalated boolean NOT NULL DEFAULT false,
        resolved_at timestamptz,
        PRIMARY KEY (customer_id, conversation_id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE customer_conversations;
      DROP TABLE customer_daily_rollups;
      DROP TABLE customer_profiles;
      DROP TABLE processed_events;
    `);
  }
}
