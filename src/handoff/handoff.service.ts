import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { StaffPrincipal } from '../auth';
import type { ConversationView } from '../chat/chat.types';
import { ConversationService } from '../chat/conversation.service';
import { ChurnScoringService } from '../churn/live/churn-scoring.service';
import { KeyedMutex } from '../common/keyed-mutex';
import { NotFoundError } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { RetrievalService } from '../retrieval/retrieval.service';
import { handoffErrors } from './handoff.errors';
import { HandoffNotifier } from './handoff-notifier';
import { HandoffStore } from './handoff.store';
import type { AgentConversationView, AgentMessageView, AgentPresenceView } from './handoff.types';
import { PresenceRegistry } from './presence.registry';
import { findEmail, shopperNotices } from './shopper-notices';

/**
 * The human side of a conversation: queue, presence, assignment, messages between agents and
 * shoppers, resolution and corrections. Every change is written first, then announced.
 */
@Injectable()
export class HandoffService implements OnModuleDestroy {
  private readonly logger = new Logger('handoff');
  private readonly presence = new PresenceRegistry();
  /** Assignment decisions run one at a time so two chats never take the same free slot. */
  private readonly assigning = new KeyedMutex();

  constructor(
    private readonly config: AppConfig,
    private readonly store: HandoffStore,
    private readonly conversations: ConversationService,
    private readonly retrieval: RetrievalService,
    private readonly notify: HandoffNotifier,
    private readonly churn: ChurnScoringService,
  ) {}

  onModuleDestroy(): void {
    this.presence.clear();
  }

  // ── presence ────────────────────────────────────────────────────────────

  /** An agent's socket connected: they are online (unless they chose away) and may get chats. */
  async connect(agent: StaffPrincipal, socketId: string) {
    const limits = await this.store.staffLimits(agent.id);
    this.presence.connect(
      { id: agent.id, name: agent.name, maxChats: limits?.maxChats ?? 0 },
      socketId,
    );
    const chats = await this.store.activeChats(agent.id);
    for (const chat of chats) this.notify.follow(agent.id, chat.id);
    await this.autoAssign();
    await this.announceTeam();
    return {
      agent: { id: agent.id, name: agent.name, role: agent.role },
      presence: this.presence.get(agent.id)!.presence,
      queue: await this.store.queue(),
      chats: await this.store.activeChats(agent.id),
      team: await this.team(),
    };
  }

  /** The last socket of an agent went away: after the grace period their chats are requeued. */
  disconnect(agentId: string, socketId: string): void {
    this.presence.disconnect(agentId, socketId, this.config.HANDOFF_GRACE_SECONDS * 1000, () => {
      void this.returnChats(agentId).catch((e: Error) =>
        this.logger.error({ msg: 'requeue after disconnect failed', agentId, error: e.message }),
      );
    });
  }

  async setPresence(agentId: string, presence: 'online' | 'away') {
    this.presence.set(agentId, presence);
    if (presence === 'online') await this.autoAssign();
    await this.announceTeam();
    return { presence };
  }

  async team(): Promise<AgentPresenceView[]> {
    const loads = await this.store.loads();
    return this.presence.all().map((a) => ({
      id: a.id,
      name: a.name,
      presence: a.presence,
      activeChats: loads.get(a.id) ?? 0,
      maxChats: a.maxChats,
    }));
  }

  private async returnChats(agentId: string): Promise<void> {
    const ids = await this.store.requeueAgent(agentId);
    for (const id of ids) {
      this.notify.unfollow(agentId, id);
      const conversation = await this.store.conversation(id);
      if (conversation) this.notify.toShopper(id, 'conversation:status', shopperView(conversation));
    }
    if (ids.length > 0)
      this.logger.log({ msg: 'agent offline, chats requeued', agentId, count: ids.length });
    await this.autoAssign();
    await this.announceTeam();
  }

  // ── queue and assignment ────────────────────────────────────────────────

  queue(): Promise<AgentConversationView[]> {
    return this.store.queue();
  }

  /** The bot handed over: tell the shopper when nobody can answer, otherwise assign at once. */
  async escalated(conversation: ConversationView): Promise<void> {
    // Risk only reorders the queue: a failed lookup must not keep the chat from an agent.
    await this.raiseForChurnRisk(conversation.id).catch((e: Error) =>
      this.logger.warn({ msg: 'churn priority skipped', id: conversation.id, error: e.message }),
    );
    if (this.presence.online().length === 0) {
      await this.tellShopper(conversation.id, shopperNotices.noAgentOnline(conversation.locale), {
        emailRequest: true,
      });
    }
    await this.autoAssign();
    await this.announceTeam();
  }

  /**
   * A customer we are likely to lose goes one step up the queue (+1 on the chat engine's
   * priority). Decided here rather than in the chat engine, which knows nothing of churn.
   */
  private async raiseForChurnRisk(conversationId: string): Promise<void> {
    const conversation = await this.store.conversation(conversationId);
    if (!conversation?.customerId || conversation.status !== 'queued') return;
    const risk = await this.churn.latest(conversation.customerId);
    if (risk?.tier === 'high') await this.store.raisePriority(conversationId);
  }

  /**
   * Gives waiting chats to online agents with a free slot, the least-loaded agent first (ties:
   * the agent with more free slots), in queue order.
   */
  async autoAssign(): Promise<void> {
    await this.assigning.run('queue', async () => {
      const queue = await this.store.queue();
      if (queue.length === 0) return;
      const loads = await this.store.loads();
      for (const chat of queue) {
        const candidates = this.presence
          .online()
          .map((a) => ({ agent: a, load: loads.get(a.id) ?? 0 }))
          .filter((c) => c.load < c.agent.maxChats)
          .sort(
            (x, y) =>
              x.load - y.load ||
              y.agent.maxChats - x.agent.maxChats ||
              x.agent.id.localeCompare(y.agent.id),
          );
        const pick = candidates[0];
        if (!pick) return;
        if (await this.store.assign(chat.id, pick.agent.id)) {
          loads.set(pick.agent.id, pick.load + 1);
          await this.assigned(chat.id, pick.agent.id);
        }
      }
    });
  }

  /** An agent takes a waiting chat themselves (within their capacity). */
  async claim(agent: StaffPrincipal, conversationId: string) {
    return this.assigning.run('queue', async () => {
      const limits = await this.store.staffLimits(agent.id);
      const max = limits?.maxChats ?? 0;
      const load = (await this.store.loads()).get(agent.id) ?? 0;
      if (load >= max) throw handoffErrors.atCapacity(max);
      if (!(await this.store.assign(conversationId, agent.id))) throw handoffErrors.notQueued();
      return { conversation: await this.assigned(conversationId, agent.id) };
    });
  }

  async transfer(agent: StaffPrincipal, conversationId: string, toAgentId: string) {
    return this.assigning.run('queue', async () => {
      const current = await this.store.conversation(conversationId);
      if (current?.status !== 'agent' || current.assignedAgentId !== agent.id)
        throw handoffErrors.notYours();
      const target = this.presence.get(toAgentId);
      const load = (await this.store.loads()).get(toAgentId) ?? 0;
      if (!target || target.presence === 'offline' || load >= target.maxChats)
        throw handoffErrors.targetUnavailable();
      if (!(await this.store.transfer(conversationId, agent.id, toAgentId)))
        throw handoffErrors.notYours();
      this.notify.toAgent(agent.id, 'conversation:unassigned', { conversationId });
      this.notify.unfollow(agent.id, conversationId);
      const conversation = await this.assigned(conversationId, toAgentId, agent.name);
      return { conversation };
    });
  }

  private async assigned(
    conversationId: string,
    agentId: string,
    transferredBy?: string,
  ): Promise<AgentConversationView> {
    const conversation = (await this.store.conversation(conversationId))!;
    this.notify.follow(agentId, conversationId);
    this.notify.toAgent(agentId, 'conversation:assigned', {
      conversation,
      ...(transferredBy ? { transferredBy } : {}),
    });
    this.notify.toShopper(conversationId, 'conversation:status', shopperView(conversation));
    await this.announceTeam();
    return conversation;
  }

  private async announceTeam(): Promise<void> {
    this.notify.toTeam('queue:updated', { queue: await this.store.queue() });
    this.notify.toTeam('team:updated', { team: await this.team() });
  }

  // ── conversation work ───────────────────────────────────────────────────

  /** Transcript (bot part, intents, notes) of any conversation; following it streams new messages. */
  async open(agentId: string, conversationId: string) {
    const conversation = await this.store.conversation(conversationId);
    if (!conversation) throw new NotFoundError('conversation', conversationId);
    this.notify.follow(agentId, conversationId);
    return {
      conversation,
      messages: await this.store.messages(conversationId),
      timings: await this.store.timings(conversationId),
    };
  }

  async send(
    agent: StaffPrincipal,
    input: { conversationId: string; text: string; internal?: boolean; clientMsgId?: string },
  ) {
    const conversation = await this.store.conversation(input.conversationId);
    if (!conversation) throw new NotFoundError('conversation', input.conversationId);
    const internal = input.internal ?? false;
    // Anyone on the team may leave a note; only the assigned agent speaks to the shopper.
    if (!internal && (conversation.status !== 'agent' || conversation.assignedAgentId !== agent.id))
      throw handoffErrors.notYours();
    const { message, duplicate } = await this.conversations.agentMessage(
      input.conversationId,
      agent,
      { text: input.text, internal, clientMsgId: input.clientMsgId },
    );
    const view: AgentMessageView = {
      id: message.id,
      conversationId: message.conversationId,
      sender: 'agent',
      text: message.text,
      internal,
      intent: null,
      correctedIntent: null,
      confidence: null,
      sentiment: null,
      sentimentLabel: null,
      agentName: agent.name,
      createdAt: new Date(message.createdAt).toISOString(),
    };
    if (!duplicate) {
      this.notify.toConversationAgents(input.conversationId, 'message:new', view);
      if (!internal)
        this.notify.toShopper(input.conversationId, 'message:new', {
          id: view.id,
          conversationId: view.conversationId,
          clientMsgId: null,
          sender: 'agent',
          text: view.text,
          payload: null,
          agentName: agent.name,
          createdAt: view.createdAt,
        });
    }
    return { message: view, duplicate };
  }

  async typing(agent: StaffPrincipal, conversationId: string, typing: boolean) {
    const conversation = await this.store.conversation(conversationId);
    if (!conversation || conversation.assignedAgentId !== agent.id) throw handoffErrors.notYours();
    this.notify.toShopper(conversationId, 'typing', {
      conversationId,
      from: 'agent',
      typing,
      agentName: agent.name,
    });
    return {};
  }

  /** The agent closes the chat: the shopper gets the rating prompt, a follow-up ticket is closed. */
  async resolve(agent: StaffPrincipal, conversationId: string) {
    const conversation = await this.store.conversation(conversationId);
    if (!conversation) throw new NotFoundError('conversation', conversationId);
    const assignedElsewhere =
      conversation.status === 'agent' && conversation.assignedAgentId !== agent.id;
    if (assignedElsewhere && agent.role === 'agent') throw handoffErrors.notYours();
    const result = await this.conversations.resolve(conversationId, 'agent');
    await this.store.closeTicket(conversationId);
    if (result.prompt) this.notify.toShopper(conversationId, 'message:new', result.prompt);
    this.notify.toShopper(conversationId, 'conversation:status', {
      ...result.conversation,
      agentName: agent.name,
    });
    this.notify.toConversationAgents(conversationId, 'conversation:status', {
      conversationId,
      status: 'resolved',
    });
    if (conversation.assignedAgentId)
      this.notify.unfollow(conversation.assignedAgentId, conversationId);
    await this.autoAssign();
    await this.announceTeam();
    return {
      conversation: await this.store.conversation(conversationId),
      timings: await this.store.timings(conversationId),
    };
  }

  /** A shopper wrote: agents following the chat see it; with nobody online an e-mail opens a ticket. */
  async shopperMessage(event: {
    conversationId: string;
    message: { id: string; text: string; createdAt: string };
    intent: string | null;
    sentiment: number;
    sentimentLabel: AgentMessageView['sentimentLabel'];
    status: string;
  }): Promise<void> {
    // Most messages are to the bot: no agent to tell, and no need to read the conversation again.
    if (event.status === 'bot') return;
    const conversation = await this.store.conversation(event.conversationId);
    if (!conversation || conversation.status === 'bot' || conversation.status === 'resolved')
      return;
    const view: AgentMessageView = {
      id: event.message.id,
      conversationId: event.conversationId,
      sender: 'shopper',
      text: event.message.text,
      internal: false,
      intent: event.intent,
      correctedIntent: null,
      confidence: null,
      sentiment: event.sentiment,
      sentimentLabel: event.sentimentLabel,
      agentName: null,
      createdAt: event.message.createdAt,
    };
    this.notify.toConversationAgents(event.conversationId, 'message:new', view);
    if (conversation.status === 'queued') await this.answerWhileQueued(conversation, event.message);
  }

  /**
   * A shopper writing while they wait is never met with silence: with nobody online, an e-mail
   * address opens a ticket, and otherwise they are reminded that they can leave one (or that
   * it was added to their ticket); with colleagues online but busy, they learn their place in
   * line. At most one notice per HANDOFF_NOTICE_QUIET_SECONDS, so "hello?" "anyone?" sent in a
   * row are not each answered with the same words.
   */
  private async answerWhileQueued(
    conversation: AgentConversationView,
    message: { text: string; createdAt: string },
  ): Promise<void> {
    const nobodyOnline = this.presence.online().length === 0;
    const email = nobodyOnline ? findEmail(message.text) : null;
    if (email) {
      await this.store.openTicket(conversation.id, email);
      await this.tellShopper(
        conversation.id,
        shopperNotices.ticketOpened(conversation.locale, email),
        {
          ticket: true,
        },
      );
      await this.announceTeam();
      return;
    }
    const lastNotice = await this.store.lastNoticeAt(conversation.id);
    const sentAt = new Date(message.createdAt).getTime();
    const quietMs = this.config.HANDOFF_NOTICE_QUIET_SECONDS * 1000;
    if (lastNotice && sentAt - lastNotice.getTime() < quietMs) return;
    if (nobodyOnline) {
      const notice = conversation.ticketEmail
        ? shopperNotices.addedToTicket(conversation.locale, conversation.ticketEmail)
        : shopperNotices.stillNoAgentOnline(conversation.locale);
      await this.tellShopper(conversation.id, notice, { emailRequest: !conversation.ticketEmail });
      return;
    }
    const position = (await this.store.queue()).findIndex((c) => c.id === conversation.id) + 1;
    if (position > 0)
      await this.tellShopper(
        conversation.id,
        shopperNotices.waitingInQueue(conversation.locale, position),
        { queuePosition: position },
      );
  }

  private async tellShopper(
    conversationId: string,
    text: string,
    payload: Record<string, unknown>,
  ): Promise<void> {
    const notice = await this.conversations.systemMessage(conversationId, text, payload);
    this.notify.toShopper(conversationId, 'message:new', notice);
  }

  shopperTyping(conversationId: string, typing: boolean): void {
    this.notify.toConversationAgents(conversationId, 'typing', {
      conversationId,
      from: 'shopper',
      typing,
    });
  }

  async shopperEnded(conversationId: string): Promise<void> {
    this.notify.toConversationAgents(conversationId, 'conversation:status', {
      conversationId,
      status: 'resolved',
    });
    await this.autoAssign();
    await this.announceTeam();
  }

  // ── corrections and canned responses ───────────────────────────────────

  /** Marks the intent understood for a shopper message as wrong; the chosen label becomes training data. */
  async correct(agent: StaffPrincipal, messageId: string, intent: string) {
    const message = await this.store.message(messageId);
    if (!message) throw new NotFoundError('message', messageId);
    if (message.sender !== 'shopper') throw handoffErrors.notShopperMessage();
    const known = new Set([...(await this.retrieval.knownIntents()), 'oos']);
    if (!known.has(intent)) throw handoffErrors.unknownIntent(intent);
    await this.store.saveCorrection({
      messageId,
      conversationId: message.conversationId,
      predictedIntent: message.intent,
      intent,
      textRedacted: message.textRedacted,
      correctedBy: agent.id,
    });
    const correction = {
      messageId,
      conversationId: message.conversationId,
      intent,
      predictedIntent: message.intent,
    };
    this.notify.toConversationAgents(message.conversationId, 'intent:corrected', correction);
    return { correction };
  }

  async intents(): Promise<string[]> {
    return [...(await this.retrieval.knownIntents()), 'oos'].sort();
  }
}

/** The shopper's view of a conversation: the agent's name, never their id. */
function shopperView(c: AgentConversationView): ConversationView {
  return {
    id: c.id,
    status: c.status,
    locale: c.locale,
    agentName: c.status === 'agent' ? c.assignedAgentName : null,
    rating: c.rating,
    createdAt: c.createdAt,
  };
}
