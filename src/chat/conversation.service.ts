import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CommerceService } from '../commerce/commerce.service';
import { KeyedMutex } from '../common/keyed-mutex';
import { AppConfig } from '../config/app-config';
import { ANSWER_PROVIDER, AnswerProvider } from '../dialogue/answer-provider';
import { DialoguePolicy } from '../dialogue/dialogue-policy';
import { RATING_PROMPT } from '../dialogue/rating-prompt';
import type { BotReply, DialogueState, Locale, Understanding } from '../dialogue/dialogue.types';
import { redact } from '../nlu/entities/redact';
import { clearLanguage } from '../nlu/language';
import { NluService } from '../nlu/nlu.service';
import { appendEvents, NewBehaviourEvent } from '../signals/event-writer';
import { chatErrors } from './chat.errors';
import type { ConversationView, ShopperIdentity, ShopperMessageView } from './chat.types';
import { commerceDialoguePorts } from './commerce-dialogue-ports';
import { ConversationStore, NewConversation } from './conversation.store';
import { Conversation } from './entities/conversation.entity';
import { Message } from './entities/message.entity';

export interface AcceptedMessage {
  message: ShopperMessageView;
  conversation: ConversationView;
  duplicate: boolean;
  /** Replies already stored for a duplicate; the bot is not run twice. */
  existingReplies: ShopperMessageView[];
}

export interface TurnResult {
  conversation: ConversationView;
  replies: ShopperMessageView[];
  escalated: boolean;
}

/**
 * The conversation lifecycle: accept a shopper message (committed before it is acknowledged,
 * idempotent on clientMsgId), run understanding + dialogue policy, persist replies, state and
 * behaviour events in one transaction.
 */
@Injectable()
export class ConversationService {
  private readonly logger = new Logger('chat');
  private readonly turns = new KeyedMutex();
  private readonly policy: DialoguePolicy;

  constructor(
    private readonly store: ConversationStore,
    private readonly nlu: NluService,
    commerce: CommerceService,
    @Inject(ANSWER_PROVIDER) answers: AnswerProvider,
    config: AppConfig,
  ) {
    this.policy = new DialoguePolicy({
      ...commerceDialoguePorts(commerce, answers),
      // Without it every message is answered as one request.
      ...(config.CHAT_ANSWER_EACH_REQUEST === 'true'
        ? { understand: (text: string) => this.nlu.understand(text) }
        : {}),
    });
  }

  /** The open conversation of this shopper with its history, or null when there is none. */
  async resume(
    shopper: ShopperIdentity,
  ): Promise<{ conversation: ConversationView; messages: ShopperMessageView[] } | null> {
    const open = await this.store.findOpen(shopper.visitorId, shopper.customerId);
    if (!open) return null;
    const agentName = open.assignedAgentId
      ? await this.store.staffName(open.assignedAgentId)
      : null;
    return {
      conversation: conversationView(open, agentName),
      messages: await this.transcript(open.id),
    };
  }

  async transcript(conversationId: string): Promise<ShopperMessageView[]> {
    const rows = await this.store.shopperTranscript(conversationId);
    return rows.map((m) => messageView(m, m.agentName));
  }

  /** Loads a conversation the shopper owns (same visitor, or same identified customer). */
  async owned(
    shopper: ShopperIdentity,
    conversationId: string,
    manager?: EntityManager,
  ): Promise<Conversation> {
    const conversation = isUuid(conversationId)
      ? await this.store.findById(conversationId, manager)
      : null;
    const mine =
      conversation &&
      (conversation.visitorId === shopper.visitorId ||
        (!!shopper.customerId && conversation.customerId === shopper.customerId));
    if (!mine) throw chatErrors.notFound();
    return conversation;
  }

  /**
   * Step 1 of a turn: understand and store the shopper's message. Resolves only after commit, so
   * an acknowledged message is never lost; a resend with the same clientMsgId returns the stored
   * one (and its replies) without running the bot again.
   */
  async accept(
    shopper: ShopperIdentity,
    input: { clientMsgId: string; text: string; conversationId?: string; locale?: Locale },
    connection: {
      /** The conversation this connection last wrote to (the gateway remembers it). */
      lastConversationId?: string;
      /** The visitor id was minted for this connection just now: it has no conversation yet. */
      newVisitor?: boolean;
    } = {},
  ): Promise<AcceptedMessage & { understanding: Understanding; seen?: Conversation }> {
    const understanding = await this.nlu.understand(input.text);
    const intent = understanding.outOfScope ? 'oos' : understanding.intent;
    const message = {
      clientMsgId: input.clientMsgId,
      sender: 'shopper' as const,
      text: input.text,
      textRedacted: redact(input.text),
      understanding: storedUnderstanding(understanding),
      intent,
    };
    const eventPayload = (messageId: string) => ({
      messageId,
      intent,
      confidence: round(understanding.confidence),
      lang: understanding.lang,
      sentiment: round(understanding.sentiment.score),
      sentimentLabel: understanding.sentiment.label,
    });
    // Every message is one statement, shared with concurrent ones (see ConversationStore): to the
    // connection's conversation, else to the open conversation looked up first, else to a new one
    // created by the statement.
    const append = (conversationId: string) =>
      this.store.appendToOpenConversation(conversationId, message, eventPayload);
    const { lastConversationId, newVisitor } = connection;
    let result =
      lastConversationId && !input.conversationId ? await append(lastConversationId) : null;
    if (!result && !(newVisitor && !lastConversationId && !input.conversationId)) {
      const open = input.conversationId
        ? await this.owned(shopper, input.conversationId)
        : await this.store.findOpen(shopper.visitorId, shopper.customerId);
      if (open?.status === 'resolved') throw chatErrors.resolved();
      if (open) result = await append(open.id);
      // Resolved since it was read (the idle timer, another tab): the shopper named it, so say so.
      if (!result && input.conversationId) throw chatErrors.resolved();
    }
    if (!result) {
      const init: NewConversation = {
        visitorId: shopper.visitorId,
        customerId: shopper.customerId,
        siteKey: shopper.siteKey,
        // What the shopper writes in beats the page's language; the page's beats a guess.
        locale:
          clearLanguage(input.text) ?? input.locale ?? (understanding.lang === 'zh' ? 'zh' : 'en'),
      };
      const conversation = newConversation(init);
      const stored = await this.store.startConversation(
        init,
        { ...message, conversationId: conversation.id },
        eventPayload,
      );
      // Created by the same statement as the message: the same instant.
      conversation.createdAt = conversation.updatedAt = stored.createdAt;
      conversation.lastMessageAt = stored.createdAt;
      result = { conversation, message: stored, duplicate: false };
    }
    // The conversation as the message's own statement left it: the bot's turn can start from
    // it instead of reading it again (see respond).
    const seen: Conversation | undefined = result.duplicate
      ? undefined
      : {
          ...result.conversation,
          ...(result.current
            ? { status: result.current.status, state: { ...result.current.state } }
            : {}),
        };
    const existingReplies = result.duplicate
      ? (await this.store.repliesAfter(result.conversation.id, result.message.createdAt)).map((m) =>
          messageView(m),
        )
      : [];
    return {
      message: messageView(result.message),
      conversation: conversationView(result.conversation),
      duplicate: result.duplicate,
      existingReplies,
      understanding,
      seen,
    };
  }

  /**
   * Step 2: the bot's turn for an accepted message. Turns of one conversation run one at a time.
   * While a person handles (or is about to handle) the conversation the bot stays silent.
   *
   * `seen` (the conversation as accepting the message left it) saves reading it again. It may be
   * stale — another turn of the same conversation can have been stored since — so the turn is
   * then stored as a compare-and-set on the dialogue state, and decided again on a fresh read if
   * that fails. It is not used while an order action awaits confirmation: a decision taken on a
   * stale confirmation could act (cancel an order) before the store notices.
   */
  async respond(
    shopper: ShopperIdentity,
    conversationId: string,
    text: string,
    understanding: Understanding,
    seen?: Conversation,
  ): Promise<TurnResult> {
    return this.turns.run(conversationId, async () => {
      const optimistic = seen?.status === 'bot' && !(seen.state as DialogueState).pending;
      const conversation = optimistic ? seen : (await this.store.findById(conversationId))!;
      const turn = await this.botTurn(shopper, conversation, text, understanding, optimistic);
      if (turn) return turn;
      // Changed since the message was accepted: decide again on what is stored now.
      const fresh = (await this.store.findById(conversationId))!;
      return (await this.botTurn(shopper, fresh, text, understanding, false))!;
    });
  }

  /** Decides and stores one bot turn; null when `compareAndSet` found the state changed. */
  private async botTurn(
    shopper: ShopperIdentity,
    conversation: Conversation,
    text: string,
    understanding: Understanding,
    compareAndSet: boolean,
  ): Promise<TurnResult | null> {
    const conversationId = conversation.id;
    if (conversation.status !== 'bot')
      return { conversation: conversationView(conversation), replies: [], escalated: false };
    const state = (conversation.state ?? {}) as DialogueState;
    const decision = await this.policy.decide(text, understanding, state, {
      customerId: conversation.customerId,
      firstName: shopper.firstName,
      locale: conversation.locale === 'zh' ? 'zh' : 'en',
    });
    const now = new Date();
    // The customer's order_cancelled event itself is the commerce module's (written with the
    // status change); this records what the bot did in the conversation.
    const events: NewBehaviourEvent[] = decision.actions.map((a) => ({
      type: 'chat_action',
      customerId: conversation.customerId,
      visitorId: conversation.visitorId,
      conversationId,
      payload: { action: a.type, orderId: a.orderId, by: 'bot', ...(a.detail ?? {}) },
    }));
    if (decision.escalate) {
      events.push({
        type: 'chat_escalated',
        customerId: conversation.customerId,
        visitorId: conversation.visitorId,
        conversationId,
        payload: { reason: decision.escalate.reason, intent: decision.handledIntent },
      });
    }
    // Replies, events and the new state are one statement: all of the turn or none of it.
    const stored = await this.store.storeBotTurn(
      conversationId,
      decision.replies.map((reply) =>
        botMessage(conversationId, reply, decision.actions, decision.handledIntent),
      ),
      events,
      {
        state: decision.state,
        ...(decision.locale !== conversation.locale ? { locale: decision.locale } : {}),
        ...(decision.escalate
          ? {
              status: 'queued',
              escalationReason: decision.escalate.reason,
              priority: decision.escalate.priority,
              queuedAt: now,
            }
          : {}),
      },
      compareAndSet ? state : undefined,
    );
    if (!stored) return null;
    const updated: Conversation = {
      ...conversation,
      locale: decision.locale,
      ...(decision.escalate
        ? { status: 'queued', escalationReason: decision.escalate.reason, queuedAt: now }
        : {}),
    };
    return {
      conversation: conversationView(updated),
      replies: stored.map((m) => messageView(m)),
      escalated: !!decision.escalate,
    };
  }

  /** The shopper (or the idle timer) ends the conversation; the shopper is asked for a rating. */
  async resolve(
    conversationId: string,
    by: 'shopper' | 'bot' | 'agent' | 'system',
  ): Promise<{ conversation: ConversationView; prompt: ShopperMessageView | null }> {
    return this.turns.run(conversationId, async () => {
      const conversation = (await this.store.findById(conversationId))!;
      if (conversation.status === 'resolved')
        return { conversation: conversationView(conversation), prompt: null };
      const locale: Locale = conversation.locale === 'zh' ? 'zh' : 'en';
      const prompt = await this.store.dataSource.transaction(async (manager) => {
        await manager.query(
          `UPDATE conversations SET status = 'resolved', resolved_at = now(), resolved_by = $2, updated_at = now() WHERE id = $1`,
          [conversationId, by],
        );
        const { message } = await this.store.insertMessage(
          manager,
          botMessage(conversationId, RATING_PROMPT(locale), []),
        );
        await appendEvents(manager, [
          {
            type: 'chat_resolved',
            customerId: conversation.customerId,
            visitorId: conversation.visitorId,
            conversationId,
            payload: {
              by,
              deflected:
                by !== 'agent' && !conversation.assignedAgentId && conversation.status === 'bot',
            },
          },
        ]);
        return message;
      });
      const updated = (await this.store.findById(conversationId))!;
      return { conversation: conversationView(updated), prompt: messageView(prompt) };
    });
  }

  /**
   * Stores a message written by a support agent (an internal note when `internal`). The first
   * message the shopper can see sets `first_agent_response_at` (response-time reporting).
   */
  async agentMessage(
    conversationId: string,
    agent: { id: string; name: string },
    input: { text: string; internal: boolean; clientMsgId?: string },
  ): Promise<{ message: Message; duplicate: boolean }> {
    return this.store.dataSource.transaction(async (manager) => {
      const stored = await this.store.insertMessage(manager, {
        conversationId,
        clientMsgId: input.clientMsgId ?? null,
        sender: 'agent',
        agentId: agent.id,
        text: input.text,
        textRedacted: redact(input.text),
        internal: input.internal,
      });
      if (!stored.duplicate && !input.internal) {
        await manager.query(
          `UPDATE conversations SET last_message_at = $2, updated_at = now(),
                  first_agent_response_at = COALESCE(first_agent_response_at, $2)
            WHERE id = $1`,
          [conversationId, stored.message.createdAt],
        );
      }
      return stored;
    });
  }

  /** A system notice to the shopper (e.g. "no agent is online"), stored like a bot message. */
  async systemMessage(
    conversationId: string,
    text: string,
    payload: Record<string, unknown> = {},
  ): Promise<ShopperMessageView> {
    const { message } = await this.store.dataSource.transaction((manager) =>
      this.store.insertMessage(manager, {
        conversationId,
        sender: 'system',
        text,
        textRedacted: redact(text),
        payload,
      }),
    );
    return messageView(message);
  }

  /** CSAT 1–5 and an optional comment, once, after the conversation ended. */
  async rate(
    shopper: ShopperIdentity,
    conversationId: string,
    rating: number,
    comment?: string,
  ): Promise<ConversationView> {
    const conversation = await this.owned(shopper, conversationId);
    if (conversation.status !== 'resolved') throw chatErrors.notResolved();
    if (conversation.rating !== null) throw chatErrors.alreadyRated();
    await this.store.dataSource.transaction(async (manager) => {
      await manager.query(
        'UPDATE conversations SET rating = $2, rating_comment = $3, updated_at = now() WHERE id = $1',
        [conversationId, rating, comment ?? null],
      );
      await appendEvents(manager, [
        {
          type: 'chat_rated',
          customerId: conversation.customerId,
          visitorId: conversation.visitorId,
          conversationId,
          payload: { rating, hasComment: !!comment },
        },
      ]);
    });
    return conversationView((await this.store.findById(conversationId))!);
  }

  /** Closes bot conversations idle for longer than `idleMs` (deflection), except where a person was asked for. */
  async closeIdle(idleMs: number): Promise<number> {
    const idle = await this.store.idleBotConversations(idleMs);
    let closed = 0;
    for (const { id, humanRequested } of idle) {
      if (humanRequested) continue;
      await this.resolve(id, 'bot');
      closed++;
    }
    if (closed > 0) this.logger.log({ msg: 'closed idle bot conversations', count: closed });
    return closed;
  }
}

/**
 * A bot reply to store. `handledIntent` is what the turn was handled as, which differs from the
 * shopper message's own intent when it answered a question ("a@b.com" → track_order).
 */
function botMessage(
  conversationId: string,
  reply: BotReply,
  actions: { type: string; orderId?: string }[],
  handledIntent: string | null = null,
) {
  return {
    conversationId,
    sender: 'bot' as const,
    text: reply.text,
    textRedacted: redact(reply.text),
    intent: reply.intent ?? handledIntent,
    payload: { ...(reply.payload ?? {}), ...(actions.length ? { actions } : {}) } as Record<
      string,
      unknown
    >,
  };
}

function storedUnderstanding(u: Understanding): Record<string, unknown> {
  // The vector is recomputable and large; entities keep only types and normalised values.
  return {
    lang: u.lang,
    intent: u.intent,
    confidence: round(u.confidence),
    alternatives: u.alternatives.map((a) => ({
      intent: a.intent,
      confidence: round(a.confidence),
    })),
    outOfScope: u.outOfScope,
    entities: u.entities.map((e) => ({ type: e.type, value: e.value })),
    sentiment: { score: round(u.sentiment.score), label: u.sentiment.label },
  };
}

export function messageView(m: Message, agentName?: string | null): ShopperMessageView {
  const payload = m.payload ? { ...m.payload } : null;
  if (payload) delete (payload as Record<string, unknown>).actions;
  return {
    id: m.id,
    conversationId: m.conversationId,
    clientMsgId: m.clientMsgId,
    sender: m.sender,
    text: m.text,
    payload: payload as ShopperMessageView['payload'],
    ...(agentName !== undefined ? { agentName } : {}),
    createdAt: new Date(m.createdAt).toISOString(),
  };
}

export function conversationView(
  c: Conversation,
  agentName: string | null = null,
): ConversationView {
  return {
    id: c.id,
    status: c.status,
    locale: c.locale,
    agentName,
    rating: c.rating,
    createdAt: new Date(c.createdAt).toISOString(),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const isUuid = (s: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** The row a new conversation gets (what the INSERT's defaults would give), before it is stored. */
function newConversation(init: NewConversation): Conversation {
  return {
    id: randomUUID(),
    ...init,
    status: 'bot',
    escalationReason: null,
    priority: 0,
    assignedAgentId: null,
    state: {},
    lastMessageAt: null,
    queuedAt: null,
    assignedAt: null,
    firstAgentResponseAt: null,
    resolvedAt: null,
    resolvedBy: null,
    rating: null,
    ratingComment: null,
    createdAt: new Date(),
    updatedAt: new Date(),
  };
}
