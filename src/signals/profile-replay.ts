import { DataSource } from 'typeorm';
import { applyProfileEvents, PROFILE_PROCESSOR, toProfileEvent } from './profile-store';

export interface ReplayResult {
  since: string;
  customers: number;
  events: number;
}

const CUSTOMERS_PER_TRANSACTION = 200;

/**
 * Recomputes the profiles of every customer with an event since `since` from the event table
 * (the source of truth): their profile, rollups, conversations and processed marks are deleted
 * and all their events applied again, with the same code live processing uses. Each chunk of
 * customers is one transaction, so live processing running at the same time either sees the old
 * marks (and skips) or waits for the new ones.
 */
export async function replayProfiles(
  dataSource: DataSource,
  since: Date,
  now = new Date(),
): Promise<ReplayResult> {
  const customers: { customer_id: string }[] = await dataSource.query(
    `SELECT DISTINCT customer_id FROM behaviour_events
     WHERE customer_id IS NOT NULL AND occurred_at >= $1 ORDER BY customer_id`,
    [since.toISOString()],
  );
  let events = 0;
  for (let i = 0; i < customers.length; i += CUSTOMERS_PER_TRANSACTION) {
    const ids = customers.slice(i, i + CUSTOMERS_PER_TRANSACTION).map((c) => c.customer_id);
    events += await dataSource.transaction(async (manager) => {
      await manager.query(
        `SELECT customer_id FROM customer_profiles WHERE customer_id = ANY($1::uuid[]) ORDER BY customer_id FOR UPDATE`,
        [ids],
      );
      await manager.query(
        `DELETE FROM processed_events WHERE processor = $2 AND customer_id = ANY($1::uuid[])`,
        [ids, PROFILE_PROCESSOR],
      );
      await manager.query(
        `DELETE FROM customer_daily_rollups WHERE customer_id = ANY($1::uuid[])`,
        [ids],
      );
      await manager.query(
        `DELETE FROM customer_conversations WHERE customer_id = ANY($1::uuid[])`,
        [ids],
      );
      await manager.query(`DELETE FROM customer_profiles WHERE customer_id = ANY($1::uuid[])`, [
        ids,
      ]);
      const rows: Record<string, unknown>[] = await manager.query(
        `SELECT id, type, customer_id, conversation_id, occurred_at, payload FROM behaviour_events
         WHERE customer_id = ANY($1::uuid[]) ORDER BY seq`,
        [ids],
      );
      await applyProfileEvents(manager, rows.map(toProfileEvent), now);
      return rows.length;
    });
  }
  return { since: since.toISOString(), customers: customers.length, events };
}
