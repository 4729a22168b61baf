import { MigrationInterface, QueryRunner } from 'typeorm';

/** Human handoff: agents' intent corrections (training data) and follow-up tickets left when no agent was online. */
export class Handoff1764430000000 implements MigrationInterface {
  name = 'Handoff1764430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE intent_corrections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_id uuid NOT NULL UNIQUE REFERENCES messages(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        predicted_intent text,
        intent text NOT NULL,
        text_redacted text NOT NULL,
        corrected_by uuid REFERENCES staff_users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX intent_corrections_created_idx ON intent_corrections (created_at);

      CREATE TABLE handoff_tickets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL UNIQUE REFERENCES conversations(id) ON DELETE CASCADE,
        email text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz
      );
      CREATE INDEX handoff_tickets_open_idx ON handoff_tickets (created_at) WHERE status = 'open';
      CREATE INDEX conversations_queue_idx ON conversations (priority DESC, queued_at) WHERE status = 'queued';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS conversations_queue_idx;
      DROP TABLE handoff_tickets;
      DROP TABLE intent_corrections;
    `);
  }
}
