import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const CONVERSATION_STATUSES = ['bot', 'queued', 'agent', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

@Entity('conversations')
export class Conversation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Anonymous visitor id from the signed visitor token. */
  @Column({ name: 'visitor_id', type: 'text' })
  visitorId: string;

  /** Set once the shopper is identified (identity verification). */
  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId: string | null;

  @Column({ name: 'site_key', type: 'text', nullable: true })
  siteKey: string | null;

  @Column({ type: 'text', default: 'en' })
  locale: string;

  @Column({ type: 'text', default: 'bot' })
  status: ConversationStatus;

  @Column({ name: 'escalation_reason', type: 'text', nullable: true })
  escalationReason: string | null;

  /** Higher is served first in the agents' queue. */
  @Column({ type: 'integer', default: 0 })
  priority: number;

  @Column({ name: 'assigned_agent_id', type: 'uuid', nullable: true })
  assignedAgentId: string | null;

  /** Dialogue state (pending slot, last intents, failure count …). */
  @Column({ type: 'jsonb', default: {} })
  state: Record<string, unknown>;

  @Column({ name: 'last_message_at', type: 'timestamptz', nullable: true })
  lastMessageAt: Date | null;

  @Column({ name: 'queued_at', type: 'timestamptz', nullable: true })
  queuedAt: Date | null;

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt: Date | null;

  @Column({ name: 'first_agent_response_at', type: 'timestamptz', nullable: true })
  firstAgentResponseAt: Date | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  /** bot (deflected), agent, shopper, or system (idle timeout). */
  @Column({ name: 'resolved_by', type: 'text', nullable: true })
  resolvedBy: string | null;

  @Column({ type: 'integer', nullable: true })
  rating: number | null;

  @Column({ name: 'rating_comment', type: 'text', nullable: true })
  ratingComment: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
