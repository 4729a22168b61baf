import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const MESSAGE_SENDERS = ['shopper', 'bot', 'agent', 'system'] as const;
export type MessageSender = (typeof MESSAGE_SENDERS)[number];

@Entity('messages')
@Index(['conversationId', 'clientMsgId'], { unique: true })
export class Message {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'conversation_id', type: 'uuid' })
  conversationId: string;

  /** Client-generated id that makes a resend idempotent. */
  @Column({ name: 'client_msg_id', type: 'text', nullable: true })
  clientMsgId: string | null;

  @Column({ type: 'text' })
  sender: MessageSender;

  @Column({ name: 'agent_id', type: 'uuid', nullable: true })
  agentId: string | null;

  /** Raw text, for the shopper and agents only. */
  @Column({ type: 'text' })
  text: string;

  /** PII-masked copy that analytics, training exports and logs use. */
  @Column({ name: 'text_redacted', type: 'text' })
  textRedacted: string;

  /** Understanding result of a shopper message (intent, confidence, entities, sentiment). */
  @Column({ type: 'jsonb', nullable: true })
  understanding: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  intent: string | null;

  /** Structured payload of a bot/agent message: quick replies, product or order cards, actions. */
  @Column({ type: 'jsonb', nullable: true })
  payload: Record<string, unknown> | null;

  /** Internal agent note: never shown to the shopper. */
  @Column({ type: 'boolean', default: false })
  internal: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
