import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_CATALOGUE, EventSource, payloadProblem } from './event-catalogue';
import { appendEvents, NewBehaviourEvent } from './event-writer';
import { isOrderEventType, orderEventId } from './order-events';
import { OutboxRelay } from './outbox-relay';
import { EventBatchTooLargeError, EventRejectedError } from './signals.errors';

/** Most events one request may carry (documented in the API). */
export const EVENT_BATCH_LIMIT = 1000;
/** A client clock this far ahead is refused; closer drift is clamped to the server's now. */
const MAX_FUTURE_MS = 5 * 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface IngestResult {
  /** Events stored now. */
  accepted: number;
  /** Events whose id was already stored (a resend): ignored. */
  duplicates: number;
}

interface Envelope {
  id?: unknown;
  type?: unknown;
  customerId?: unknown;
  customerExternalId?: unknown;
  visitorId?: unknown;
  occurredAt?: unknown;
  payload?: unknown;
}

/**
 * Validates and stores events from the shop (batch API) and the storefront (widget `track()`).
 * A batch is all or nothing: the first bad row is named by its index and nothing is written.
 */
@Injectable()
export class EventIngestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
  ) {}

  async ingest(
    rows: unknown[],
    options: { sources: readonly EventSource[]; visitorId?: string; customerExternalId?: string },
  ): Promise<IngestResult> {
    if (rows.length > EVENT_BATCH_LIMIT)
      throw new EventBatchTooLargeError(EVENT_BATCH_LIMIT, rows.length);
    const now = Date.now();
    const seen = new Set<string>();
    const parsed = rows.map((raw, index) => {
      const reject = (code: string, message: string): never => {
        throw new EventRejectedError(index, code, message);
      };
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
        reject('INVALID_EVENT', 'must be an object');
      const e = raw as Envelope;
      if (typeof e.id !== 'string' || !UUID.test(e.id))
        reject('INVALID_EVENT', 'id must be a UUID (it makes resends harmless)');
      const id = (e.id as string).toLowerCase();
      if (seen.has(id)) reject('DUPLICATE_EVENT_ID', `id ${id} appears twice in the batch`);
      seen.add(id);
      const problem = payloadProblem(e.type as string, e.payload);
      if (problem) reject(problem.code, problem.message);
      const type = e.type as string;
      const spec = EVENT_CATALOGUE[type];
      if (!options.sources.includes(spec.source))
        reject(
          'EVENT_TYPE_NOT_ALLOWED',
          `${type} events cannot be sent here (allowed: ${options.sources.join(', ')} events)`,
        );
      let occurredAt = now;
      if (e.occurredAt !== undefined) {
        const t = typeof e.occurredAt === 'string' ? Date.parse(e.occurredAt) : NaN;
        if (Number.isNaN(t)) reject('INVALID_EVENT', 'occurredAt must be an ISO 8601 date-time');
        if (t > now + MAX_FUTURE_MS) reject('INVALID_EVENT', 'occurredAt is in the future');
        occurredAt = Math.min(t, now);
      }
      if (
        e.customerId !== undefined &&
        (typeof e.customerId !== 'string' || !UUID.test(e.customerId))
      )
        reject('INVALID_EVENT', 'customerId must be a UUID (or send customerExternalId)');
      if (
        e.customerExternalId !== undefined &&
        (typeof e.customerExternalId !== 'string' ||
          e.customerExternalId.length === 0 ||
          e.customerExternalId.length > 200)
      )
        reject('INVALID_EVENT', 'customerExternalId must be a non-empty string');
      if (
        e.visitorId !== undefined &&
        (typeof e.visitorId !== 'string' || e.visitorId.length > 100)
      )
        reject('INVALID_EVENT', 'visitorId must be a string of at most 100 characters');
      const customerExternalId =
        options.customerExternalId ?? (e.customerExternalId as string | undefined);
      const customerId =
        options.visitorId !== undefined
          ? undefined
          : (e.customerId as string | undefined)?.toLowerCase();
      if (spec.needsCustomer && !customerId && !customerExternalId)
        reject('INVALID_EVENT', `${type} needs customerId or customerExternalId`);
      const payload = (e.payload ?? {}) as Record<string, unknown>;
      return {
        // An order is placed, cancelled, returned or refunded once: the order sync and the bot
        // write these events under the same derived id, so reporting one twice adds nothing.
        id: isOrderEventType(type) ? orderEventId(payload.orderId as string, type) : id,
        type,
        customerId,
        customerExternalId,
        visitorId: options.visitorId ?? (e.visitorId as string | undefined) ?? null,
        occurredAt: new Date(occurredAt),
        payload,
      };
    });

    return this.dataSource
      .transaction(async (manager) => {
        const byId = new Set<string>();
        const byExternal = new Map<string, string>();
        const ids = [...new Set(parsed.flatMap((p) => (p.customerId ? [p.customerId] : [])))];
        const externals = [
          ...new Set(parsed.flatMap((p) => (p.customerExternalId ? [p.customerExternalId] : []))),
        ];
        if (ids.length + externals.length > 0) {
          const found: { id: string; external_id: string }[] = await manager.query(
            `SELECT id, external_id FROM customers WHERE id = ANY($1::uuid[]) OR external_id = ANY($2::text[])`,
            [ids, externals],
          );
          for (const c of found) {
            byId.add(c.id);
            byExternal.set(c.external_id, c.id);
          }
        }
        const events: NewBehaviourEvent[] = parsed.map((p, index) => {
          let customerId: string | null = null;
          if (p.customerId) {
            if (!byId.has(p.customerId))
              throw new EventRejectedError(
                index,
                'UNKNOWN_CUSTOMER',
                `no customer with id ${p.customerId}`,
              );
            customerId = p.customerId;
          } else if (p.customerExternalId) {
            customerId = byExternal.get(p.customerExternalId) ?? null;
            // An identified shopper the shop has not imported yet stays a visitor on the storefront.
            if (!customerId && options.visitorId === undefined)
              throw new EventRejectedError(
                index,
                'UNKNOWN_CUSTOMER',
                `no customer with externalId ${p.customerExternalId}`,
              );
          }
          return {
            id: p.id,
            type: p.type,
            customerId,
            visitorId: p.visitorId,
            occurredAt: p.occurredAt,
            payload: p.payload,
          };
        });
        const inserted = await appendEvents(manager, events);
        return { accepted: inserted.length, duplicates: events.length - inserted.length };
      })
      .then((result) => {
        if (result.accepted > 0) this.relay.poke();
        return result;
      });
  }
}
