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
 * Returns the ids actually inserted.
 */
export async function appendEvents(
  manager: EntityManager,
  events: NewBehaviourEvent[],
): Promise<string[]> {
  if (events.length === 0) return [];
  const params: unknown[] = [];
  const rows = events.map((e) => {
    const base = params.length;
    params.push(
      e.id ?? randomUUID(),
      e.type,
      e.customerId ?? null,
      e.visitorId ?? null,
      e.conversationId ?? null,
      (e.occurredAt ?? new Date()).toISOString(),
      JSON.stringify(e.payload ?? {}),
    );
    return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}, $${base + 7}::jsonb)`;
  });
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO behaviour_events (id, type, customer_id, visitor_id, conversation_id, occurred_at, payload)
     VALUES ${rows.join(', ')} ON CONFLICT (id) DO NOTHING RETURNING id`,
    params,
  );
  return inserted.map((r) => r.id);
}
