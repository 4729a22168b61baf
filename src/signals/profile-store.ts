import { EntityManager } from 'typeorm';
import { LifecycleStage, lifecycleStage } from './lifecycle';
import {
  applyEffect,
  COUNTERS,
  Counters,
  emptyCounters,
  emptyProfile,
  eventEffect,
  ProfileEvent,
  ProfileState,
} from './profile-effects';

/** The processor name in `processed_events`. */
export const PROFILE_PROCESSOR = 'profile';

const PROFILE_COLUMNS = [
  ...COUNTERS,
  'first_seen_at',
  'last_seen_at',
  'first_order_at',
  'last_order_at',
  'prev_order_at',
  'last_contact_at',
  'last_rating',
  'last_rating_at',
] as const;

type Row = Record<string, unknown>;
const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

function stateFromRow(row: Row): ProfileState {
  const counters = emptyCounters();
  for (const k of COUNTERS) counters[k] = Number(row[k]);
  return {
    counters,
    firstSeenAt: date(row.first_seen_at),
    lastSeenAt: date(row.last_seen_at),
    firstOrderAt: date(row.first_order_at),
    lastOrderAt: date(row.last_order_at),
    prevOrderAt: date(row.prev_order_at),
    lastContactAt: date(row.last_contact_at),
    lastRating: row.last_rating === null ? null : Number(row.last_rating),
    lastRatingAt: date(row.last_rating_at),
  };
}

function rowValues(s: ProfileState): unknown[] {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return [
    ...COUNTERS.map((k) => s.counters[k]),
    iso(s.firstSeenAt),
    iso(s.lastSeenAt),
    iso(s.firstOrderAt),
    iso(s.lastOrderAt),
    iso(s.prevOrderAt),
    iso(s.lastContactAt),
    s.lastRating,
    iso(s.lastRatingAt),
  ];
}

/** Reads customer events of the behaviour table by id (the job only carries ids). */
export async function loadProfileEvents(
  manager: EntityManager,
  ids: string[],
): Promise<ProfileEvent[]> {
  if (ids.length === 0) return [];
  const rows: Row[] = await manager.query(
    `SELECT id, type, customer_id, conversation_id, occurred_at, payload FROM behaviour_events
     WHERE id = ANY($1::uuid[]) AND customer_id IS NOT NULL ORDER BY seq`,
    [ids],
  );
  return rows.map(toProfileEvent);
}

export function toProfileEvent(row: Row): ProfileEvent {
  return {
    id: row.id as string,
    type: row.type as string,
    customerId: row.customer_id as string,
    conversationId: (row.conversation_id as string | null) ?? null,
    occurredAt: new Date(row.occurred_at as string),
    payload: (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as Record<
      string,
      unknown
    >,
  };
}

/**
 * Applies events to profiles, rollups and conversations inside the caller's transaction, once per
 * event: events already marked in `processed_events` are skipped, so a redelivered job changes
 * nothing. Returns the customers whose profile changed. Locks are taken in customer-id order so
 * concurrent batches cannot deadlock on each other's profiles.
 */
export async function applyProfileEvents(
  manager: EntityManager,
  events: ProfileEvent[],
  now: Date,
): Promise<string[]> {
  if (events.length === 0) return [];
  const ids = [...new Set(events.map((e) => e.id))].sort();
  const marked: { event_id: string }[] = await manager.query(
    `INSERT INTO processed_events (event_id, processor, customer_id)
     SELECT e.id, $2, e.customer_id FROM behaviour_events e WHERE e.id = ANY($1::uuid[]) ORDER BY e.id
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [ids, PROFILE_PROCESSOR],
  );
  const fresh = new Set(marked.map((r) => r.event_id));
  const todo = events.filter((e) => fresh.has(e.id));
  if (todo.length === 0) return [];

  const customers = [...new Set(todo.map((e) => e.customerId))].sort();
  await manager.query(
    `INSERT INTO customer_profiles (customer_id) SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING`,
    [customers],
  );
  const rows: Row[] = await manager.query(
    `SELECT * FROM customer_profiles WHERE customer_id = ANY($1::uuid[]) ORDER BY customer_id FOR UPDATE`,
    [customers],
  );
  const states = new Map(rows.map((r) => [r.customer_id as string, stateFromRow(r)]));
  const rollups = new Map<string, { customer: string; day: string; counters: Counters }>();
  const conversations = new Map<
    string,
    { customer: string; id: string; at: Date; escalated: boolean; resolvedAt: Date | null }
  >();

  for (const event of todo) {
    const effect = eventEffect(event);
    states.set(
      event.customerId,
      applyEffect(states.get(event.customerId) ?? emptyProfile(), effect, event.occurredAt),
    );
    const day = event.occurredAt.toISOString().slice(0, 10);
    const key = `${event.customerId}|${day}`;
    const rollup = rollups.get(key) ?? {
      customer: event.customerId,
      day,
      counters: emptyCounters(),
    };
    for (const [k, v] of Object.entries(effect.counters)) rollup.counters[k as keyof Counters] += v;
    rollups.set(key, rollup);
    if (effect.conversation) {
      const c = effect.conversation;
      const ckey = `${event.customerId}|${c.id}`;
      const prev = conversations.get(ckey);
      conversations.set(ckey, {
        customer: event.customerId,
        id: c.id,
        at: prev && prev.at < c.at ? prev.at : c.at,
        escalated: (prev?.escalated ?? false) || c.escalated,
        resolvedAt: latest(prev?.resolvedAt ?? null, c.resolvedAt),
      });
    }
  }

  await upsertRollups(
    manager,
    [...rollups.values()].sort((a, b) => (a.customer + a.day).localeCompare(b.customer + b.day)),
  );
  await upsertConversations(
    manager,
    [...conversations.values()].sort((a, b) =>
      (a.customer + a.id).localeCompare(b.customer + b.id),
    ),
  );
  const windows = await orderWindows(manager, customers, now);
  await writeProfiles(
    manager,
    customers.map((id) => {
      const state = states.get(id)!;
      const w = windows.get(id) ?? { last: 0, prev: 0 };
      const stage = lifecycleStage(
        { ...state, ordersLast90Days: w.last, ordersPrev90Days: w.prev },
        now,
      );
      return { id, state, stage };
    }),
    now,
  );
  return customers;
}

const latest = (a: Date | null, b: Date | null) =>
  a === null ? b : b === null ? a : a > b ? a : b;

async function upsertRollups(
  manager: EntityManager,
  rows: { customer: string; day: string; counters: Counters }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const params: unknown[] = [];
    const values = chunk.map((r) => {
      const base = params.length;
      params.push(r.customer, r.day, ...COUNTERS.map((k) => r.counters[k]));
      return `(${[`$${base + 1}::uuid`, `$${base + 2}::date`, ...COUNTERS.map((_, j) => `$${base + 3 + j}::numeric`)].join(', ')})`;
    });
    await manager.query(
      `INSERT INTO customer_daily_rollups (customer_id, day, ${COUNTERS.join(', ')}) VALUES ${values.join(', ')}
       ON CONFLICT (customer_id, day) DO UPDATE SET ${COUNTERS.map((k) => `${k} = customer_daily_rollups.${k} + excluded.${k}`).join(', ')}`,
      params,
    );
  }
}

async function upsertConversations(
  manager: EntityManager,
  rows: { customer: string; id: string; at: Date; escalated: boolean; resolvedAt: Date | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  const params: unknown[] = [];
  const values = rows.map((r) => {
    const b = params.length;
    params.push(
      r.customer,
      r.id,
      r.at.toISOString(),
      r.escalated,
      r.resolvedAt?.toISOString() ?? null,
    );
    return `($${b + 1}::uuid, $${b + 2}::uuid, $${b + 3}::timestamptz, $${b + 4}::boolean, $${b + 5}::timestamptz)`;
  });
  await manager.query(
    `INSERT INTO customer_conversations (customer_id, conversation_id, first_at, escalated, resolved_at)
     VALUES ${values.join(', ')}
     ON CONFLICT (customer_id, conversation_id) DO UPDATE SET
       first_at = LEAST(customer_conversations.first_at, excluded.first_at),
       escalated = customer_conversations.escalated OR excluded.escalated,
       resolved_at = GREATEST(customer_conversations.resolved_at, excluded.resolved_at)`,
    params,
  );
}

/** Orders in (now − 90 d, now] and in the 90 days before, per customer, from the rollups. */
export async function orderWindows(
  manager: EntityManager,
  customers: string[],
  now: Date,
): Promise<Map<string, { last: number; prev: number }>> {
  const rows: { customer_id: string; last: string; prev: string }[] = await manager.query(
    `SELECT customer_id,
       COALESCE(SUM(orders) FILTER (WHERE day > ($2::timestamptz - interval '90 days')::date), 0) AS last,
       COALESCE(SUM(orders) FILTER (WHERE day <= ($2::timestamptz - interval '90 days')::date
                                      AND day > ($2::timestamptz - interval '180 days')::date), 0) AS prev
     FROM customer_daily_rollups WHERE customer_id = ANY($1::uuid[]) GROUP BY customer_id`,
    [customers, now.toISOString()],
  );
  return new Map(rows.map((r) => [r.customer_id, { last: Number(r.last), prev: Number(r.prev) }]));
}

async function writeProfiles(
  manager: EntityManager,
  rows: { id: string; state: ProfileState; stage: LifecycleStage }[],
  now: Date,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    const params: unknown[] = [now.toISOString()];
    const width = PROFILE_COLUMNS.length + 2;
    const values = chunk.map((r) => {
      const b = params.length;
      params.push(r.id, ...rowValues(r.state), r.stage);
      return `(${Array.from({ length: width }, (_, j) => `$${b + j + 1}`).join(', ')})`;
    });
    const cols = ['customer_id', ...PROFILE_COLUMNS, 'lifecycle_stage'];
    const casts: Record<string, string> = {
      customer_id: 'uuid',
      lifecycle_stage: 'text',
      last_rating: 'integer',
    };
    await manager.query(
      `UPDATE customer_profiles p SET ${[...PROFILE_COLUMNS, 'lifecycle_stage']
        .map((c) => `${c} = v.${c}::${casts[c] ?? (c.endsWith('_at') ? 'timestamptz' : 'numeric')}`)
        .join(', ')}, stage_computed_at = $1::timestamptz, updated_at = $1::timestamptz
       FROM (VALUES ${values.join(', ')}) AS v(${cols.join(', ')})
       WHERE p.customer_id = v.customer_id::uuid`,
      params,
    );
  }
}
