import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { DialogueState } from '../dialogue/dialogue.types';
import { insertEventsSql, NewBehaviourEvent } from '../signals/event-writer';
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

export interface ConversationPatch {
  lastMessageAt?: Date;
  state?: DialogueState;
  status?: ConversationStatus;
  escalationReason?: string;
  priority?: number;
  queuedAt?: Date;
  locale?: string;
}

const CONVERSATION_COLUMNS = `id, visitor_id AS "visitorId", customer_id AS "customerId", site_key AS "siteKey", locale, status,
  escalation_reason AS "escalationReason", priority, assigned_agent_id AS "assignedAgentId", state,
  last_message_at AS "lastMessageAt", queued_at AS "queuedAt", assigned_at AS "assignedAt",
  first_agent_response_at AS "firstAgentResponseAt", resolved_at AS "resolvedAt", resolved_by AS "resolvedBy",
  rating, rating_comment AS "ratingComment", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** A conversation's status and dialogue state as of a statement that just touched it. */
export interface ConversationNow {
  status: ConversationStatus;
  state: DialogueState;
}

export interface NewConversation {
  visitorId: string;
  customerId: string | null;
  siteKey: string | null;
  locale: string;
}

const MESSAGE_COLUMNS = `id, conversation_id AS "conversationId", client_msg_id AS "clientMsgId", sender, agent_id AS "agentId",
  text, text_redacted AS "textRedacted", understanding, intent, payload, internal, created_at AS "createdAt"`;

/** SQL for conversations and messages. Methods taking a manager run inside the caller's transaction. */
@Injectable()
export class ConversationStore {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  /** The visitor's (or identified customer's) latest conversation that is not resolved. */
  async findOpen(
    visitorId: string,
    customerId: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Conversation | null> {
    // Raw SQL: this runs on every shopper message, and the query builder's SQL generation and
    // entity hydration cost more main-thread time than the query itself.
    const rows: Conversation[] = await manager.query(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations
        WHERE status <> 'resolved' AND (visitor_id = $1 ${customerId ? 'OR customer_id = $2::uuid' : ''})
        ORDER BY created_at DESC LIMIT 1`,
      customerId ? [visitorId, customerId] : [visitorId],
    );
    return rows[0] ?? null;
  }

  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Conversation | null> {
    const rows: Conversation[] = await manager.query(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE id = $1::uuid`,
      [id],
    );
    return rows[0] ?? null;
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

  /**
   * A shopper's message in one statement (one round trip, atomic without a transaction): the
   * message, the conversation's last-message time and the behaviour event, the last two only when
   * the message is new. With `newConversation`, the conversation (id: `message.conversationId`)
   * is created by the same statement. Returns the stored row and whether it was an idempotent resend.
   */
  async appendShopperMessage(
    manager: EntityManager,
    message: NewMessage,
    event: (messageId: string) => NewBehaviourEvent,
    newConversation?: NewConversation,
  ): Promise<{ message: Message; duplicate: boolean; current?: ConversationNow }> {
    const id = randomUUID();
    const params: unknown[] = [];
    const created = newConversation
      ? `created AS (${conversationInsertSql(message.conversationId, newConversation, params)}),`
      : '';
    const insert = messageInsertSql([{ ...message, id }], params);
    const conversation = param(params, message.conversationId);
    const events = insertEventsSql([event(id)], params, 'EXISTS (SELECT 1 FROM msg)');
    // Foreign keys are checked at the end of the statement, so the message may reference a
    // conversation inserted by an earlier part of it.
    const rows: Message[] = await manager.query(
      `WITH ${created}
            msg AS (${insert} ON CONFLICT (conversation_id, client_msg_id) DO NOTHING RETURNING ${MESSAGE_COLUMNS}),
            touched AS (UPDATE conversations SET last_message_at = now(), updated_at = now()
                         WHERE id = ${conversation}::uuid AND EXISTS (SELECT 1 FROM msg)
                         RETURNING status, state),
            events AS (${events})
       SELECT msg.*, touched.status AS "currentStatus", touched.state AS "currentState"
         FROM msg LEFT JOIN touched ON true`,
      params,
    );
    if (rows.length > 0) {
      const { currentStatus, currentState, ...stored } = rows[0] as Message & {
        currentStatus: ConversationStatus | null;
        currentState: DialogueState | null;
      };
      return {
        message: stored as Message,
        duplicate: false,
        // Absent for a conversation created by this statement (the UPDATE cannot see it).
        current: currentStatus ? { status: currentStatus, state: currentState ?? {} } : undefined,
      };
    }
    const existing = await manager.getRepository(Message).findOneBy({
      conversationId: message.conversationId,
      clientMsgId: message.clientMsgId!,
    });
    return { message: existing!, duplicate: true };
  }

  /**
   * `appendShopperMessage` for a conversation known by id, found by the same statement: one round
   * trip instead of two for every message after a conversation's first. Null when the
   * conversation does not exist or is resolved (the caller then looks for or starts another).
   * The behaviour event takes the customer and visitor from the conversation row.
   */
  async appendToOpenConversation(
    conversationId: string,
    message: Omit<NewMessage, 'conversationId'>,
    eventPayload: (messageId: string) => Record<string, unknown>,
  ): Promise<{
    conversation: Conversation;
    message: Message;
    duplicate: boolean;
    current?: ConversationNow;
  } | null> {
    const id = randomUUID();
    const params: unknown[] = [];
    const conversation = param(params, conversationId);
    const insert = messageInsertSql(
      [{ ...message, conversationId, id }],
      params,
      'EXISTS (SELECT 1 FROM conv)',
    );
    const eventId = param(params, randomUUID());
    const payload = param(params, JSON.stringify(eventPayload(id)));
    const rows: {
      conversation: Record<string, unknown>;
      message: Record<string, unknown> | null;
      current: ConversationNow | null;
    }[] = await this.dataSource.query(
      `WITH conv AS (SELECT ${CONVERSATION_COLUMNS} FROM conversations
                        WHERE id = ${conversation}::uuid AND status <> 'resolved'),
              msg AS (${insert} ON CONFLICT (conversation_id, client_msg_id) DO NOTHING RETURNING ${MESSAGE_COLUMNS}),
              touched AS (UPDATE conversations SET last_message_at = now(), updated_at = now()
                           WHERE id = ${conversation}::uuid AND EXISTS (SELECT 1 FROM msg)
                           RETURNING status, state),
              events AS (INSERT INTO behaviour_events (id, type, customer_id, visitor_id, conversation_id, occurred_at, payload)
                         SELECT ${eventId}::uuid, 'chat_message', conv."customerId", conv."visitorId", conv.id, now(), ${payload}::jsonb
                           FROM conv WHERE EXISTS (SELECT 1 FROM msg)
                         ON CONFLICT (id) DO NOTHING)
         SELECT row_to_json(conv) AS conversation,
                (SELECT row_to_json(msg) FROM msg) AS message,
                (SELECT row_to_json(touched) FROM touched) AS current
           FROM conv`,
      params,
    );
    if (rows.length === 0) return null;
    const row = rows[0];
    const found = withDates(row.conversation, CONVERSATION_DATES) as unknown as Conversation;
    if (!row.message) {
      const existing = await this.dataSource.getRepository(Message).findOneBy({
        conversationId,
        clientMsgId: message.clientMsgId!,
      });
      return { conversation: found, message: existing!, duplicate: true };
    }
    return {
      conversation: found,
      message: withDates(row.message, ['createdAt']) as unknown as Message,
      duplicate: false,
      current: row.current ?? undefined,
    };
  }

  /**
   * The bot's side of a turn in one statement: its replies (in order), the behaviour events of
   * what it did, and the conversation's new dialogue state / status (last message: now).
   * With `expected`, it is a compare-and-set: nothing is written unless the conversation is still
   * with the bot in exactly that dialogue state, and the result is null.
   */
  async storeBotTurn(
    conversationId: string,
    replies: NewMessage[],
    events: NewBehaviourEvent[],
    patch: ConversationPatch,
    expected?: DialogueState,
  ): Promise<Message[] | null> {
    const params: unknown[] = [];
    const set = conversationSetSql({ ...patch, lastMessageAt: undefined }, params);
    const id = param(params, conversationId);
    const unchanged = expected
      ? ` AND status = 'bot' AND state = ${param(params, JSON.stringify(expected))}::jsonb`
      : '';
    const parts = [
      `updated AS (UPDATE conversations SET last_message_at = now(), ${set}
                    WHERE id = ${id}::uuid${unchanged} RETURNING id)`,
    ];
    const onlyIf = 'EXISTS (SELECT 1 FROM updated)';
    if (replies.length > 0) {
      const withIds = replies.map((r) => ({ ...r, id: randomUUID() }));
      const insert = messageInsertSql(withIds, params, onlyIf);
      parts.push(`msg AS (${insert} RETURNING ${MESSAGE_COLUMNS})`);
    }
    if (events.length > 0) parts.push(`events AS (${insertEventsSql(events, params, onlyIf)})`);
    const rows: (Message & { stored: boolean })[] = await this.dataSource.query(
      `WITH ${parts.join(',\n')}
       SELECT ${replies.length > 0 ? 'msg.*, ' : ''}EXISTS (SELECT 1 FROM updated) AS stored
         FROM (SELECT 1) AS one ${replies.length > 0 ? 'LEFT JOIN msg ON true ORDER BY msg."createdAt"' : ''}`,
      params,
    );
    if (!rows[0].stored) return null;
    return replies.length > 0 ? rows.map(({ stored: _, ...m }) => m as Message) : [];
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

const CONVERSATION_DATES = [
  'lastMessageAt',
  'queuedAt',
  'assignedAt',
  'firstAgentResponseAt',
  'resolvedAt',
  'createdAt',
  'updatedAt',
];

/** A row that went through row_to_json, with its timestamp fields back as Dates. */
function withDates(row: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const out = { ...row };
  for (const f of fields) if (typeof out[f] === 'string') out[f] = new Date(out[f] as string);
  return out;
}

/** Appends a parameter and returns its placeholder. */
function param(params: unknown[], value: unknown): string {
  params.push(value);
  return `$${params.length}`;
}

/**
 * INSERT … VALUES for messages with known ids. Rows of one statement share `now()`, so each gets
 * a microsecond more than the one before: replies keep their order in every transcript.
 */
function messageInsertSql(
  messages: (NewMessage & { id: string })[],
  params: unknown[],
  onlyIf?: string,
): string {
  const rows = messages.map((m, i) => {
    const values = [
      `${param(params, m.id)}::uuid`,
      `${param(params, m.conversationId)}::uuid`,
      param(params, m.clientMsgId ?? null),
      param(params, m.sender),
      `${param(params, m.agentId ?? null)}::uuid`,
      param(params, m.text),
      param(params, m.textRedacted),
      `${param(params, m.understanding ? JSON.stringify(m.understanding) : null)}::jsonb`,
      param(params, m.intent ?? null),
      `${param(params, m.payload ? JSON.stringify(m.payload) : null)}::jsonb`,
      `${param(params, m.internal ?? false)}::boolean`,
      `now() + ${i} * interval '1 microsecond'`,
    ];
    return `(${values.join(', ')})`;
  });
  const values = `VALUES ${rows.join(', ')}`;
  return `INSERT INTO messages (id, conversation_id, client_msg_id, sender, agent_id, text, text_redacted, understanding, intent, payload, internal, created_at)
       ${onlyIf ? `SELECT * FROM (${values}) AS v WHERE ${onlyIf}` : values}`;
}

function conversationInsertSql(id: string, init: NewConversation, params: unknown[]): string {
  return `INSERT INTO conversations (id, visitor_id, customer_id, site_key, locale, status, state, last_message_at)
       VALUES (${param(params, id)}::uuid, ${param(params, init.visitorId)}, ${param(params, init.customerId)}::uuid,
               ${param(params, init.siteKey)}, ${param(params, init.locale)}, 'bot', '{}'::jsonb, now())`;
}

/** The SET clause for a conversation patch (always touching updated_at). */
function conversationSetSql(patch: ConversationPatch, params: unknown[]): string {
  const set = ['updated_at = now()'];
  if (patch.lastMessageAt) set.push(`last_message_at = ${param(params, patch.lastMessageAt)}`);
  if (patch.state) set.push(`state = ${param(params, JSON.stringify(patch.state))}::jsonb`);
  if (patch.status) set.push(`status = ${param(params, patch.status)}`);
  if (patch.escalationReason)
    set.push(`escalation_reason = ${param(params, patch.escalationReason)}`);
  if (patch.priority !== undefined) set.push(`priority = ${param(params, patch.priority)}::int`);
  if (patch.queuedAt) set.push(`queued_at = ${param(params, patch.queuedAt)}`);
  if (patch.locale) set.push(`locale = ${param(params, patch.locale)}`);
  return set.join(', ');
}
