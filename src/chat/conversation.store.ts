import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { WriteBatcher } from '../common/write-batcher';
import { ChatMetrics } from './chat-metrics';
import type { DialogueState } from '../dialogue/dialogue.types';
import { NewBehaviourEvent } from '../signals/event-writer';
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

/** What a bot turn changes on its conversation (besides the last-message time: now). */
export interface ConversationPatch {
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

export interface AppendedToOpen {
  conversation: Conversation;
  message: Message;
  duplicate: boolean;
  current?: ConversationNow;
}

interface PendingAppend {
  conversationId: string;
  message: NewMessage & { id: string };
  eventId: string;
  eventPayload: Record<string, unknown>;
}

interface PendingStart {
  init: NewConversation;
  message: NewMessage & { id: string };
  eventId: string;
  eventPayload: Record<string, unknown>;
}

/** What appendAll found for one message: `message` null when it was a resend of a stored one. */
interface StoredAppend {
  conversation: Conversation;
  message: Message | null;
  current?: ConversationNow;
}

interface PendingBotTurn {
  conversationId: string;
  replies: NewMessage[];
  events: NewBehaviourEvent[];
  patch: ConversationPatch;
  expected?: DialogueState;
}

/** Most writes one statement carries (bounds its size; at saturation batches stay far smaller). */
const MAX_WRITES_PER_STATEMENT = 64;

/** SQL for conversations and messages. Methods taking a manager run inside the caller's transaction. */
@Injectable()
export class ConversationStore {
  /** Shopper messages to open conversations: concurrent ones share a statement. */
  private readonly appends: WriteBatcher<PendingAppend, StoredAppend | null>;
  /** New conversations with their first shopper message: concurrent ones share a statement. */
  private readonly starts: WriteBatcher<PendingStart, Message>;
  /** Bot turns: concurrent ones (of different conversations) share a statement. */
  private readonly botTurns: WriteBatcher<PendingBotTurn, Message[] | null>;

  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    metrics: ChatMetrics,
  ) {
    this.appends = new WriteBatcher((items: PendingAppend[]) => this.appendAll(items), {
      maxBatch: MAX_WRITES_PER_STATEMENT,
      keyOf: (item) => item.conversationId,
      onBatch: (size) => metrics.batch('shopper_message', size),
    });
    this.starts = new WriteBatcher((items: PendingStart[]) => this.startAll(items), {
      maxBatch: MAX_WRITES_PER_STATEMENT,
      keyOf: (item) => item.message.conversationId,
      onBatch: (size) => metrics.batch('first_message', size),
    });
    this.botTurns = new WriteBatcher((turns: PendingBotTurn[]) => this.storeAllBotTurns(turns), {
      maxBatch: MAX_WRITES_PER_STATEMENT,
      keyOf: (turn) => turn.conversationId,
      onBatch: (size) => metrics.batch('bot_turn', size),
    });
  }

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
   * A new conversation (id: `message.conversationId`) with the shopper's first message and its
   * behaviour event. Concurrent calls share a statement (see WriteBatcher): when many shoppers
   * start chatting at once, their first messages no longer queue for a connection one by one.
   * Resolves once the statement committed.
   */
  async startConversation(
    init: NewConversation,
    message: NewMessage,
    eventPayload: (messageId: string) => Record<string, unknown>,
  ): Promise<Message> {
    const id = randomUUID();
    return this.starts.submit({
      init,
      message: { ...message, id },
      eventId: randomUUID(),
      eventPayload: eventPayload(id),
    });
  }

  /** New conversations and their first messages, one statement for all. */
  private async startAll(items: PendingStart[]): Promise<Message[]> {
    const input = items.map((item, ord) => ({
      ...messageRow(item.message, ord),
      visitor_id: item.init.visitorId,
      customer_id: item.init.customerId,
      site_key: item.init.siteKey,
      locale: item.init.locale,
      event_id: item.eventId,
      event_payload: item.eventPayload,
    }));
    // Foreign keys are checked at the end of the statement, so the messages may reference
    // conversations inserted by an earlier part of it.
    const rows: Message[] = await this.dataSource.query(
      `WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(${MESSAGE_ROW_TYPES}, visitor_id text,
                        customer_id uuid, site_key text, locale text, event_id uuid, event_payload jsonb)),
            created AS (INSERT INTO conversations (id, visitor_id, customer_id, site_key, locale, status, state, last_message_at)
                        SELECT conversation_id, visitor_id, customer_id, site_key, locale, 'bot', '{}'::jsonb, now() FROM input),
            msg AS (${messageRowsInsert('input i')} RETURNING ${MESSAGE_COLUMNS}),
            events AS (INSERT INTO behaviour_events (id, type, customer_id, visitor_id, conversation_id, occurred_at, payload)
                       SELECT event_id, 'chat_message', customer_id, visitor_id, conversation_id, now(), event_payload FROM input)
       SELECT * FROM msg`,
      [JSON.stringify(input)],
    );
    const byId = new Map(rows.map((m) => [m.id, m]));
    return items.map((item) => byId.get(item.message.id)!);
  }

  /**
   * A shopper's message to a conversation known by id, found by the same statement: one round
   * trip for every message after a conversation's first. Null when the
   * conversation does not exist or is resolved (the caller then looks for or starts another).
   * The behaviour event takes the customer and visitor from the conversation row. Concurrent
   * calls share a statement (see WriteBatcher); the call resolves once its statement committed.
   */
  async appendToOpenConversation(
    conversationId: string,
    message: Omit<NewMessage, 'conversationId'>,
    eventPayload: (messageId: string) => Record<string, unknown>,
  ): Promise<AppendedToOpen | null> {
    const id = randomUUID();
    const appended = await this.appends.submit({
      conversationId,
      message: { ...message, conversationId, id },
      eventId: randomUUID(),
      eventPayload: eventPayload(id),
    });
    if (!appended) return null;
    const { conversation, message: stored, current } = appended;
    if (stored) return { conversation, message: stored, duplicate: false, current };
    // A resend of a stored message (same client id): nothing was written.
    const existing = await this.dataSource.getRepository(Message).findOneBy({
      conversationId,
      clientMsgId: message.clientMsgId!,
    });
    return { conversation, message: existing!, duplicate: true };
  }

  /**
   * Shopper messages to open conversations, one statement for all (one per conversation). Per
   * item: null when its conversation is missing or resolved; `message` null when it was a resend.
   */
  private async appendAll(items: PendingAppend[]): Promise<(StoredAppend | null)[]> {
    const input = items.map((item, ord) => ({
      ...messageRow(item.message, ord),
      event_id: item.eventId,
      event_payload: item.eventPayload,
    }));
    const rows: {
      conversation: Record<string, unknown>;
      message: Record<string, unknown> | null;
      current: ConversationNow | null;
    }[] = await this.dataSource.query(
      `WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(${MESSAGE_ROW_TYPES}, event_id uuid, event_payload jsonb)),
            conv AS (SELECT ${CONVERSATION_COLUMNS} FROM conversations
                      WHERE id IN (SELECT conversation_id FROM input) AND status <> 'resolved'),
            msg AS (${messageRowsInsert('input i')} WHERE i.conversation_id IN (SELECT id FROM conv)
                    ON CONFLICT (conversation_id, client_msg_id) DO NOTHING RETURNING ${MESSAGE_COLUMNS}),
            touched AS (UPDATE conversations SET last_message_at = now(), updated_at = now()
                         WHERE id IN (SELECT "conversationId" FROM msg) RETURNING id, status, state),
            events AS (INSERT INTO behaviour_events (id, type, customer_id, visitor_id, conversation_id, occurred_at, payload)
                       SELECT i.event_id, 'chat_message', conv."customerId", conv."visitorId", conv.id, now(), i.event_payload
                         FROM input i JOIN conv ON conv.id = i.conversation_id
                        WHERE i.id IN (SELECT id FROM msg)
                       ON CONFLICT (id) DO NOTHING)
       SELECT row_to_json(conv) AS conversation,
              (SELECT row_to_json(msg) FROM msg WHERE msg."conversationId" = conv.id) AS message,
              (SELECT json_build_object('status', touched.status, 'state', touched.state)
                 FROM touched WHERE touched.id = conv.id) AS current
         FROM conv`,
      [JSON.stringify(input)],
    );
    const byConversation = new Map(rows.map((r) => [r.conversation.id as string, r]));
    return items.map((item) => {
      const row = byConversation.get(item.conversationId);
      if (!row) return null;
      return {
        conversation: withDates(row.conversation, CONVERSATION_DATES) as unknown as Conversation,
        message: row.message ? (withDates(row.message, ['createdAt']) as unknown as Message) : null,
        current: row.current ?? undefined,
      };
    });
  }

  /**
   * The bot's side of a turn in one statement: its replies (in order), the behaviour events of
   * what it did, and the conversation's new dialogue state / status (last message: now).
   * With `expected`, it is a compare-and-set: nothing is written unless the conversation is still
   * with the bot in exactly that dialogue state, and the result is null. Concurrent turns (of
   * different conversations) share a statement (see WriteBatcher).
   */
  storeBotTurn(
    conversationId: string,
    replies: NewMessage[],
    events: NewBehaviourEvent[],
    patch: ConversationPatch,
    expected?: DialogueState,
  ): Promise<Message[] | null> {
    return this.botTurns.submit({ conversationId, replies, events, patch, expected });
  }

  /** Bot turns, one statement for all (one per conversation). */
  private async storeAllBotTurns(turns: PendingBotTurn[]): Promise<(Message[] | null)[]> {
    const turnRows = turns.map((t, turn) => ({
      turn,
      conversation_id: t.conversationId,
      state: t.patch.state ?? null,
      status: t.patch.status ?? null,
      escalation_reason: t.patch.escalationReason ?? null,
      priority: t.patch.priority ?? null,
      queued_at: t.patch.queuedAt?.toISOString() ?? null,
      locale: t.patch.locale ?? null,
      expected: t.expected ?? null,
    }));
    const replyRows = turns.flatMap((t, turn) =>
      t.replies.map((r, ord) => ({ turn, ...messageRow({ ...r, id: randomUUID() }, ord) })),
    );
    const eventRows = turns.flatMap((t, turn) => t.events.map((e) => ({ turn, ...eventRow(e) })));
    const [row]: { stored: number[] | null; messages: Record<string, unknown>[] | null }[] =
      await this.dataSource.query(
        `WITH turns AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(turn int, conversation_id uuid, state jsonb,
                          status text, escalation_reason text, priority int, queued_at timestamptz, locale text, expected jsonb)),
              updated AS (UPDATE conversations c SET last_message_at = now(), updated_at = now(),
                            state = COALESCE(t.state, c.state), status = COALESCE(t.status, c.status),
                            escalation_reason = COALESCE(t.escalation_reason, c.escalation_reason),
                            priority = COALESCE(t.priority, c.priority), queued_at = COALESCE(t.queued_at, c.queued_at),
                            locale = COALESCE(t.locale, c.locale)
                           FROM turns t
                          WHERE c.id = t.conversation_id
                            AND (t.expected IS NULL OR (c.status = 'bot' AND c.state = t.expected))
                          RETURNING t.turn),
              msg AS (${messageRowsInsert(`jsonb_to_recordset($2::jsonb) AS i(turn int, ${MESSAGE_ROW_TYPES})`)}
                       WHERE i.turn IN (SELECT turn FROM updated) RETURNING ${MESSAGE_COLUMNS}),
              events AS (${EVENT_ROWS_INSERT} WHERE e.turn IN (SELECT turn FROM updated) ON CONFLICT (id) DO NOTHING)
         SELECT (SELECT json_agg(turn) FROM updated) AS stored,
                (SELECT json_agg(row_to_json(msg) ORDER BY msg."createdAt") FROM msg) AS messages`,
        [JSON.stringify(turnRows), JSON.stringify(replyRows), JSON.stringify(eventRows)],
      );
    const stored = new Set(row.stored ?? []);
    const messages = (row.messages ?? []).map(
      (m) => withDates(m, ['createdAt']) as unknown as Message,
    );
    return turns.map((t, turn) =>
      stored.has(turn) ? messages.filter((m) => m.conversationId === t.conversationId) : null,
    );
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

/** A message as a row of a JSON parameter (see MESSAGE_ROW_TYPES); `ord` orders a statement's rows. */
function messageRow(m: NewMessage & { id: string }, ord: number) {
  return {
    ord,
    id: m.id,
    conversation_id: m.conversationId,
    client_msg_id: m.clientMsgId ?? null,
    sender: m.sender,
    agent_id: m.agentId ?? null,
    text: m.text,
    text_redacted: m.textRedacted,
    understanding: m.understanding ?? null,
    intent: m.intent ?? null,
    payload: m.payload ?? null,
    internal: m.internal ?? false,
  };
}

const MESSAGE_ROW_TYPES = `ord int, id uuid, conversation_id uuid, client_msg_id text, sender text, agent_id uuid,
  text text, text_redacted text, understanding jsonb, intent text, payload jsonb, internal boolean`;

/**
 * INSERT … SELECT of message rows from `source` (a FROM item aliased `i` with MESSAGE_ROW_TYPES).
 * Rows of one statement share `now()`, so each gets `ord` microseconds more: replies keep their
 * order in every transcript.
 */
function messageRowsInsert(source: string): string {
  return `INSERT INTO messages (id, conversation_id, client_msg_id, sender, agent_id, text, text_redacted, understanding, intent, payload, internal, created_at)
       SELECT i.id, i.conversation_id, i.client_msg_id, i.sender, i.agent_id, i.text, i.text_redacted, i.understanding,
              i.intent, i.payload, i.internal, now() + i.ord * interval '1 microsecond'
         FROM ${source}`;
}

function eventRow(e: NewBehaviourEvent) {
  return {
    id: e.id ?? randomUUID(),
    type: e.type,
    customer_id: e.customerId ?? null,
    visitor_id: e.visitorId ?? null,
    conversation_id: e.conversationId ?? null,
    occurred_at: e.occurredAt?.toISOString() ?? null,
    payload: e.payload ?? {},
  };
}

/** Events of bot turns from the third parameter (an event without a time gets the statement's). */
const EVENT_ROWS_INSERT = `INSERT INTO behaviour_events (id, type, customer_id, visitor_id, conversation_id, occurred_at, payload)
       SELECT e.id, e.type, e.customer_id, e.visitor_id, e.conversation_id, COALESCE(e.occurred_at, now()), e.payload
         FROM jsonb_to_recordset($3::jsonb) AS e(turn int, id uuid, type text, customer_id uuid, visitor_id text,
                                                 conversation_id uuid, occurred_at timestamptz, payload jsonb)`;
