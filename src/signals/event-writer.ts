import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

export interface NewBehaviourEvent {
  /** Producer-supplied id makes a resend a no-op; generated when absent. */
  id?: string;
  type: string;
  customerId?: string | null;
  visitorId?: string | null;
  conversationId?: string | null;
  occurredAt?: Date;
  payload?: Record<string, unknown>;
}

/**
 * Appends behaviour events with the caller's transaction manager, so an event exists exactly
 * when the change that caused it was committed (transactional outbox). Duplicate ids are ignored.
 * The rows travel as one JSON parameter (a thousand synced orders' events are one short statement
 * to plan, not seven thousand parameters). Returns the ids actually inserted.
 */
export async function appendEvents(
  manager: EntityManager,
  events: NewBehaviourEvent[],
): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = events.map((e) => ({
    id: e.id ?? randomUUID(),
    type: e.type,
    customer_id: e.customerId ?? null,
    visitor_id: e.visitorId ?? null,
    conversation_id: e.conversationId ?? null,
    occurred_at: e.occurredAt ? e.occurredAt.toISOString() : null,
    payload: e.payload ?? {},
  }));
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO behaviour_events (id, type, customer_id, visitor_id, conversation_id, occurred_at, payload)
     SELECT id, type, customer_id, visitor_id, conversation_id, COALESCE(occurred_at, now()), payload
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, type text, customer_id uuid, visitor_id text,
       conversation_id uuid, occurred_at timestamptz, payload jsonb)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(rows)],
  );
  return inserted.map((r) => r.id);
}

/**
 * The INSERT statement for `events`, its parameters appended to `params` (so it can also be one
 * part of a larger statement, e.g. a chat turn written in one round trip). Values are cast, so the
 * rows stay valid inside `INSERT … SELECT`; an event without `occurredAt` gets the statement's
 * `now()`, the same instant as the rows written beside it. `onlyIf`: an SQL condition under which
 * the events are written at all (e.g. "the message was not a duplicate").
 */
export function insertEventsSql(
  events: NewBehaviourEvent[],
  params: unknown[],
  onlyIf?: string,
): string {
  const rows = events.map((e) => {
    const base = params.length;
    params.push(
      e.id ?? randomUUID(),
      e.type,
      e.customerId ?? null,
      e.visitorId ?? null,
      e.conversationId ?? null,
      e.occurredAt ? e.occurredAt.toISOString() : null,
      JSON.stringify(e.payload ?? {}),
    );
    const p = (i: number) => `$${base + i}`;
    return `(${p(1)}::uuid, ${p(2)}::text, ${p(3)}::uuid, ${p(4)}::text, ${p(5)}::uuid, COALESCE(${p(6)}::timestamptz, now()), ${p(7)}::jsonb)`;
  });
  const values = `VALUES ${rows.join(', ')}`;
  return `INSERT INTO behaviour_events (id, type, customer_id, visitor_id, conversation_id, occurred_at, payload)
     ${onlyIf ? `SELECT * FROM (${values}) AS v WHERE ${onlyIf}` : values} ON CONFLICT (id) DO NOTHING`;
}
