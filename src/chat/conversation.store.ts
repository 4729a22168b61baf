import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { DialogueState } from '../dialogue/dialogue.types';
import { Conversation, ConversationStatus } from './entities/conversation.entity';
import { Message, MessageSender } from './entities/message.entity';

export interface NewMessage {
  conversationId: string;
  clientMsgId?: string | null;
  sender: MessageSender;
  agentId?: string | null;
  text: string;
  textRedacted: string;
  understanding?: Record<string, unknown> | null;
  intent?: string | null;
  payload?: Record<string, unknown> | null;
  internal?: boolean;
}

const MESSAGE_COLUMNS = `id, conversation_id AS "conversationId", client_msg_id AS "clientMsgId", sender, agent_id AS "agentId",
  text, text_redacted AS "textRedacted", understanding, intent, payload, internal, created_at AS "createdAt"`;

/** SQL for conversations and messages. Methods taking a manager run inside the caller's transaction. */
@Injectable()
export class ConversationStore {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  /** The visitor's (or identified customer's) latest conversation that is not resolved. */
  findOpen(
    visitorId: string,
    customerId: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Conversation | null> {
    const qb = manager
      .getRepository(Conversation)
      .createQueryBuilder('c')
      .where("c.status <> 'resolved'")
      .orderBy('c.created_at', 'DESC')
      .limit(1);
    if (customerId)
      qb.andWhere('(c.visitor_id = :visitorId OR c.customer_id = :customerId)', {
        visitorId,
        customerId,
      });
    else qb.andWhere('c.visitor_id = :visitorId', { visitorId });
    return qb.getOne();
  }

  findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Conversation | null> {
    return manager.getRepository(Conversation).findOneBy({ id });
  }

  async create(
    manager: EntityManager,
    init: { visitorId: string; customerId: string | null; siteKey: string | null; locale: string },
  ): Promise<Conversation> {
    const repo = manager.getRepository(Conversation);
    return repo.save(repo.create({ ...init, status: 'bot', state: {} }));
  }

  /**
   * Inserts the message unless one with the same client id already exists in the conversation;
   * returns the stored row and whether it was a duplicate (idempotent resend).
   */
  async insertMessage(
    manager: EntityManager,
    message: NewMessage,
  ): Promise<{ message: Message; duplicate: boolean }> {
    const rows: Record<string, unknown>[] = await manager.query(
      `INSERT INTO messages (conversation_id, client_msg_id, sender, agent_id, text, text_redacted, understanding, intent, payload, internal)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9::jsonb, $10)
       ON CONFLICT (conversation_id, client_msg_id) DO NOTHING RETURNING ${MESSAGE_COLUMNS}`,
      [
        message.conversationId,
        message.clientMsgId ?? null,
        message.sender,
        message.agentId ?? null,
        message.text,
        message.textRedacted,
        message.understanding ? JSON.stringify(message.understanding) : null,
        message.intent ?? null,
        message.payload ? JSON.stringify(message.payload) : null,
        message.internal ?? false,
      ],
    );
    if (rows.length > 0) return { message: rows[0] as unknown as Message, duplicate: false };
    const existing = await manager.getRepository(Message).findOneBy({
      conversationId: message.conversationId,
      clientMsgId: message.clientMsgId!,
    });
    return { message: existing!, duplicate: true };
  }

  async touch(manager: EntityManager, conversationId: string, at: Date): Promise<void> {
    await manager.query(
      'UPDATE conversations SET last_message_at = $2, updated_at = now() WHERE id = $1',
      [conversationId, at],
    );
  }

  async saveState(
    manager: EntityManager,
    conversationId: string,
    patch: {
      lastMessageAt?: Date;
      state?: DialogueState;
      status?: ConversationStatus;
      escalationReason?: string;
      priority?: number;
      queuedAt?: Date;
      locale?: string;
    },
  ): Promise<void> {
    const set: Partial<Conversation> = {};
    if (patch.lastMessageAt) set.lastMessageAt = patch.lastMessageAt;
    if (patch.state) set.state = patch.state as Record<string, unknown>;
    if (patch.status) set.status = patch.status;
    if (patch.escalationReason) set.escalationReason = patch.escalationReason;
    if (patch.priority !== undefined) set.priority = patch.priority;
    if (patch.queuedAt) set.queuedAt = patch.queuedAt;
    if (patch.locale) set.locale = patch.locale;
    await manager
      .getRepository(Conversation)
      .update({ id: conversationId }, set as Record<string, unknown>);
  }

  /** Display name of a staff member (the agent a shopper is talking to), or null. */
  async staffName(staffId: string): Promise<string | null> {
    const rows: { name: string }[] = await this.dataSource.query(
      'SELECT name FROM staff_users WHERE id = $1',
      [staffId],
    );
    return rows[0]?.name ?? null;
  }

  /** Messages the shopper may see, oldest first (internal notes excluded). */
  shopperTranscript(
    conversationId: string,
    limit = 200,
  ): Promise<(Message & { agentName: string | null })[]> {
    return this.dataSource.query(
      `SELECT m.id, m.conversation_id AS "conversationId", m.client_msg_id AS "clientMsgId", m.sender, m.text,
              m.payload, m.created_at AS "createdAt", s.name AS "agentName"
         FROM messages m LEFT JOIN staff_users s ON s.id = m.agent_id
        WHERE m.conversation_id = $1 AND NOT m.internal
        ORDER BY m.created_at, m.id LIMIT $2`,
      [conversationId, limit],
    );
  }

  /** Bot replies stored for a shopper message (answer to an idempotent resend). */
  repliesAfter(conversationId: string, messageCreatedAt: Date): Promise<Message[]> {
    return this.dataSource
      .getRepository(Message)
      .createQueryBuilder('m')
      .where(
        'm.conversation_id = :conversationId AND m.created_at >= :at AND m.sender <> :shopper AND NOT m.internal',
        {
          conversationId,
          at: messageCreatedAt,
          shopper: 'shopper',
        },
      )
      .orderBy('m.created_at')
      .getMany();
  }

  /** Bot conversations with no message for `idleMs`; ids only. */
  async idleBotConversations(
    idleMs: number,
    limit = 500,
  ): Promise<{ id: string; humanRequested: boolean }[]> {
    const rows: { id: string; human: boolean | null }[] = await this.dataSource.query(
      `SELECT id, (state->>'humanRequested')::boolean AS human FROM conversations
        WHERE status = 'bot' AND COALESCE(last_message_at, created_at) < now() - ($1 || ' milliseconds')::interval
        ORDER BY COALESCE(last_message_at, created_at) LIMIT $2`,
      [String(idleMs), limit],
    );
    return rows.map((r) => ({ id: r.id, humanRequested: !!r.human }));
  }
}
