import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The event table is the source of truth for behaviour signals and doubles as the outbox:
 * `published_at` stays null until the relay has handed the event to the queue.
 */
@Entity('behaviour_events')
export class BehaviourEvent {
  /** Id supplied by the producer, so a resent event is ignored. */
  @PrimaryColumn('uuid')
  id: string;

  /** Monotonic sequence for ordered replay and relay paging. */
  @Column({ type: 'bigint', generated: 'increment', insert: false, update: false })
  seq: number;

  @Column({ type: 'text' })
  type: string;

  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId: string | null;

  @Column({ name: 'visitor_id', type: 'text', nullable: true })
  visitorId: string | null;

  @Column({ name: 'conversation_id', type: 'uuid', nullable: true })
  conversationId: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;

  @Column({ type: 'jsonb', default: {} })
  payload: Record<string, unknown>;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
