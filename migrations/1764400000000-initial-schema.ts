import { MigrationInterface, QueryRunner } from 'typeorm';

/** Core domain of DESIGN.md: commerce, staff and keys, conversations, events (outbox), templates, failed jobs. */
export class InitialSchema1764400000000 implements MigrationInterface {
  name = 'InitialSchema1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        external_id text NOT NULL UNIQUE,
        email text, first_name text, last_name text, phone text, locale text, country text, city text,
        signed_up_at timestamptz,
        attributes jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX customers_email_idx ON customers (lower(email));

      CREATE TABLE products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        external_id text NOT NULL UNIQUE,
        sku text, title text NOT NULL, description text, category text,
        price numeric(12,2) NOT NULL CHECK (price >= 0),
        currency text NOT NULL DEFAULT 'USD',
        image_url text, url text, stock integer,
        active boolean NOT NULL DEFAULT true,
        attributes jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX products_category_idx ON products (category);
      CREATE INDEX products_sku_idx ON products (sku);

      CREATE TABLE orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        external_id text NOT NULL UNIQUE,
        number text NOT NULL UNIQUE,
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('pending','paid','processing','shipped','delivered','cancelled','returned','refunded')),
        total numeric(12,2) NOT NULL CHECK (total >= 0),
        currency text NOT NULL DEFAULT 'USD',
        shipping_address jsonb,
        carrier text, tracking_url text,
        placed_at timestamptz NOT NULL,
        shipped_at timestamptz, delivered_at timestamptz, cancelled_at timestamptz,
        eta date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX orders_customer_idx ON orders (customer_id, placed_at DESC);
      CREATE INDEX orders_placed_idx ON orders (placed_at);

      CREATE TABLE order_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        product_id uuid REFERENCES products(id) ON DELETE SET NULL,
        sku text, title text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_price numeric(12,2) NOT NULL CHECK (unit_price >= 0)
      );
      CREATE INDEX order_items_order_idx ON order_items (order_id);
      CREATE INDEX order_items_product_idx ON order_items (product_id);

      CREATE TABLE staff_users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE,
        name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin','manager','agent')),
        active boolean NOT NULL DEFAULT true,
        max_concurrent_chats integer NOT NULL DEFAULT 3 CHECK (max_concurrent_chats >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        prefix text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        created_by uuid REFERENCES staff_users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      );

      CREATE TABLE conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        visitor_id text NOT NULL,
        customer_id uuid REFERENCES customers(id) ON DELETE CASCADE,
        site_key text,
        locale text NOT NULL DEFAULT 'en',
        status text NOT NULL DEFAULT 'bot' CHECK (status IN ('bot','queued','agent','resolved')),
        escalation_reason text,
        priority integer NOT NULL DEFAULT 0,
        assigned_agent_id uuid REFERENCES staff_users(id) ON DELETE SET NULL,
        state jsonb NOT NULL DEFAULT '{}',
        last_message_at timestamptz, queued_at timestamptz, assigned_at timestamptz,
        first_agent_response_at timestamptz, resolved_at timestamptz,
        resolved_by text,
        rating integer CHECK (rating BETWEEN 1 AND 5),
        rating_comment text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX conversations_visitor_idx ON conversations (visitor_id, created_at DESC);
      CREATE INDEX conversations_customer_idx ON conversations (customer_id);
      CREATE INDEX conversations_status_idx ON conversations (status, queued_at);
      CREATE INDEX conversations_agent_idx ON conversations (assigned_agent_id) WHERE status = 'agent';

      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        client_msg_id text,
        sender text NOT NULL CHECK (sender IN ('shopper','bot','agent','system')),
        agent_id uuid REFERENCES staff_users(id) ON DELETE SET NULL,
        text text NOT NULL,
        text_redacted text NOT NULL,
        understanding jsonb,
        intent text,
        payload jsonb,
        internal boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX messages_client_msg_idx ON messages (conversation_id, client_msg_id);
      CREATE INDEX messages_conversation_idx ON messages (conversation_id, created_at);

      CREATE TABLE behaviour_events (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        type text NOT NULL,
        customer_id uuid REFERENCES customers(id) ON DELETE CASCADE,
        visitor_id text,
        conversation_id uuid REFERENCES conversations(id) ON DELETE CASCADE,
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        payload jsonb NOT NULL DEFAULT '{}',
        published_at timestamptz
      );
      CREATE INDEX behaviour_events_unpublished_idx ON behaviour_events (seq) WHERE published_at IS NULL;
      CREATE INDEX behaviour_events_customer_idx ON behaviour_events (customer_id, occurred_at);
      CREATE INDEX behaviour_events_occurred_idx ON behaviour_events (occurred_at);

      CREATE TABLE answer_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        intent text,
        locale text NOT NULL,
        title text NOT NULL,
        variants jsonb NOT NULL,
        example_questions jsonb NOT NULL DEFAULT '[]',
        quick_replies jsonb NOT NULL DEFAULT '[]',
        source text NOT NULL DEFAULT 'staff',
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX answer_templates_intent_idx ON answer_templates (intent, locale) WHERE active;

      CREATE TABLE answer_template_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        template_id uuid NOT NULL REFERENCES answer_templates(id) ON DELETE CASCADE,
        version integer NOT NULL,
        snapshot jsonb NOT NULL,
        edited_by uuid REFERENCES staff_users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (template_id, version)
      );

      CREATE TABLE queue_failed_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        queue text NOT NULL,
        name text NOT NULL,
        data jsonb NOT NULL,
        error text NOT NULL,
        attempts integer NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX queue_failed_jobs_queue_idx ON queue_failed_jobs (queue, failed_at DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE queue_failed_jobs;
      DROP TABLE answer_template_versions;
      DROP TABLE answer_templates;
      DROP TABLE behaviour_events;
      DROP TABLE messages;
      DROP TABLE conversations;
      DROP TABLE api_keys;
      DROP TABLE staff_users;
      DROP TABLE order_items;
      DROP TABLE orders;
      DROP TABLE products;
      DROP TABLE customers;
    `);
  }
}
