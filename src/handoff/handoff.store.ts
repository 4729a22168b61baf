import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { customerDisplayNameSql } from '../commerce/customer-name';
import type { AgentConversationView, AgentMessageView, ConversationTimings } from './handoff.types';

const CONVERSATION_SELECT = `
  SELECT c.id, c.status, c.locale, c.customer_id AS "customerId", c.visitor_id AS "visitorId",
         ${customerDisplayNameSql('cu')} AS "customerName",
         c.escalation_reason AS "escalationReason", c.priority, c.queued_at AS "queuedAt",
         c.assigned_agent_id AS "assignedAgentId", s.name AS "assignedAgentName",
         (SELECT m.text FROM messages m WHERE m.conversation_id = c.id AND m.sender = 'shopper'
           ORDER BY m.created_at DESC LIMIT 1) AS "lastShopperText",
         t.email AS "ticketEmail", c.rating, c.created_at AS "createdAt"
    FROM conversations c
    LEFT JOIN customers cu ON cu.id = c.customer_id
    LEFT JOIN staff_users s ON s.id = c.assigned_agent_id
    LEFT JOIN handoff_tickets t ON t.conversation_id = c.id AND t.status = 'open'`;

type Row = Record<string, unknown>;
/** TypeORM answers an UPDATE … RETURNING with `[rows, affectedCount]`. */
const updated = <T>(result: unknown): T[] =>
  (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
const toView = (r: Row): AgentConversationView =>
  ({
    ...r,
    queuedAt: iso(r.queuedAt),
    createdAt: iso(r.createdAt),
  }) as unknown as AgentConversationView;

/** SQL of the handoff: queue, assignment, corrections, tickets and timings. */
@Injectable()
export class HandoffStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Waiting conversations, served first by priority (angry complaints 2, asked for a person 1,
   * bot failures 0, +1 for a customer at high churn risk), then by how long they have waited.
   */
  async queue(): Promise<AgentConversationView[]> {
    const rows: Row[] = await this.dataSource.query(
      `${CONVERSATION_SELECT} WHERE c.status = 'queued' ORDER BY c.priority DESC, c.queued_at, c.id`,
    );
    return rows.map(toView);
  }

  /** One step up the queue for a chat that is still waiting. */
  async raisePriority(conversationId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE conversations SET priority = priority + 1 WHERE id = $1 AND status = 'queued'`,
      [conversationId],
    );
  }

  async conversation(id: string): Promise<AgentConversationView | null> {
    const rows: Row[] = await this.dataSource.query(`${CONVERSATION_SELECT} WHERE c.id = $1`, [id]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async activeChats(agentId: string): Promise<AgentConversationView[]> {
    const rows: Row[] = await this.dataSource.query(
      `${CONVERSATION_SELECT} WHERE c.status = 'agent' AND c.assigned_agent_id = $1 ORDER BY c.assigned_at, c.id`,
      [agentId],
    );
    return rows.map(toView);
  }

  /** Active chats per agent. */
  async loads(): Promise<Map<string, number>> {
    const rows: { agent: string; n: number }[] = await this.dataSource.query(
      `SELECT assigned_agent_id AS agent, count(*)::int AS n FROM conversations
        WHERE status = 'agent' AND assigned_agent_id IS NOT NULL GROUP BY 1`,
    );
    return new Map(rows.map((r) => [r.agent, r.n]));
  }

  async staffLimits(agentId: string): Promise<{ name: string; maxChats: number } | null> {
    const rows: { name: string; maxChats: number }[] = await this.dataSource.query(
      `SELECT name, max_concurrent_chats AS "maxChats" FROM staff_users WHERE id = $1 AND active`,
      [agentId],
    );
    return rows[0] ?? null;
  }

  /** Takes a queued conversation for an agent; false when someone else was faster. */
  async assign(conversationId: string, agentId: string): Promise<boolean> {
    const rows = updated<Row>(
      await this.dataSource.query(
        `UPDATE conversations SET status = 'agent', assigned_agent_id = $2,
              assigned_at = COALESCE(assigned_at, now()), updated_at = now()
        WHERE id = $1 AND status = 'queued' RETURNING id`,
        [conversationId, agentId],
      ),
    );
    return rows.length > 0;
  }

  async transfer(conversationId: string, fromAgentId: string, toAgentId: string): Promise<boolean> {
    const rows = updated<Row>(
      await this.dataSource.query(
        `UPDATE conversations SET assigned_agent_id = $3, updated_at = now()
        WHERE id = $1 AND status = 'agent' AND assigned_agent_id = $2 RETURNING id`,
        [conversationId, fromAgentId, toAgentId],
      ),
    );
    return rows.length > 0;
  }

  /** Puts an agent's active chats back in the queue, keeping their place (original queued_at). */
  async requeueAgent(agentId: string): Promise<string[]> {
    const rows = updated<{ id: string }>(
      await this.dataSource.query(
        `UPDATE conversations SET status = 'queued', assigned_agent_id = NULL,
              queued_at = COALESCE(queued_at, now()), updated_at = now()
        WHERE status = 'agent' AND assigned_agent_id = $1 RETURNING id`,
        [agentId],
      ),
    );
    return rows.map((r) => r.id);
  }

  async messages(conversationId: string): Promise<AgentMessageView[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT m.id, m.conversation_id AS "conversationId", m.sender, m.text, m.internal, m.intent,
              ic.intent AS "correctedIntent",
              (m.understanding->>'confidence')::float AS confidence,
              (m.understanding->'sentiment'->>'score')::float AS sentiment,
              m.understanding->'sentiment'->>'label' AS "sentimentLabel",
              s.name AS "agentName", m.created_at AS "createdAt"
         FROM messages m
         LEFT JOIN staff_users s ON s.id = m.agent_id
         LEFT JOIN intent_corrections ic ON ic.message_id = m.id
        WHERE m.conversation_id = $1 ORDER BY m.created_at, m.id`,
      [conversationId],
    );
    return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt)! }) as unknown as AgentMessageView);
  }

  async message(messageId: string): Promise<{
    id: string;
    conversationId: string;
    sender: string;
    intent: string | null;
    textRedacted: string;
  } | null> {
    const rows = await this.dataSource.query(
      `SELECT id, conversation_id AS "conversationId", sender, intent, text_redacted AS "textRedacted"
         FROM messages WHERE id = $1`,
      [messageId],
    );
    return rows[0] ?? null;
  }

  /** One correction per message: a later verdict replaces the earlier one. */
  async saveCorrection(input: {
    messageId: string;
    conversationId: string;
    predictedIntent: string | null;
    intent: string;
    textRedacted: string;
    correctedBy: string;
  }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO intent_corrections (message_id, conversation_id, predicted_intent, intent, text_redacted, corrected_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (message_id) DO UPDATE SET intent = EXCLUDED.intent, corrected_by = EXCLUDED.corrected_by, updated_at = now()`,
      [
        input.messageId,
        input.conversationId,
        input.predictedIntent,
        input.intent,
        input.textRedacted,
        input.correctedBy,
      ],
    );
  }

  /** Labelled examples for training, oldest first: redacted text only. */
  corrections(): Promise<{ text: string; label: string }[]> {
    return this.dataSource.query(
      `SELECT text_redacted AS text, intent AS label FROM intent_corrections ORDER BY created_at, id`,
    );
  }

  async openTicket(conversationId: string, email: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO handoff_tickets (conversation_id, email) VALUES ($1, $2)
       ON CONFLICT (conversation_id) DO UPDATE SET email = EXCLUDED.email, status = 'open', closed_at = NULL`,
      [conversationId, email],
    );
  }

  /** When the shopper was last told something by the handoff (a system message), or null. */
  async lastNoticeAt(conversationId: string): Promise<Date | null> {
    const rows: { at: Date }[] = await this.dataSource.query(
      `SELECT created_at AS at FROM messages
        WHERE conversation_id = $1 AND sender = 'system' ORDER BY created_at DESC LIMIT 1`,
      [conversationId],
    );
    return rows[0] ? new Date(rows[0].at) : null;
  }

  async closeTicket(conversationId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE handoff_tickets SET status = 'closed', closed_at = now() WHERE conversation_id = $1 AND status = 'open'`,
      [conversationId],
    );
  }

  tickets(status: 'open' | 'closed'): Promise<Row[]> {
    return this.dataSource.query(
      `SELECT t.id, t.conversation_id AS "conversationId", t.email, t.status, t.created_at AS "createdAt", c.status AS "conversationStatus"
         FROM handoff_tickets t JOIN conversations c ON c.id = t.conversation_id
        WHERE t.status = $1 ORDER BY t.created_at`,
      [status],
    );
  }

  async timings(conversationId: string): Promise<ConversationTimings | null> {
    const rows: ConversationTimings[] = await this.dataSource.query(
      `SELECT id AS "conversationId",
              extract(epoch FROM first_agent_response_at - queued_at)::float AS "firstAgentResponseSeconds",
              extract(epoch FROM resolved_at - assigned_at)::float AS "handlingSeconds",
              extract(epoch FROM resolved_at - created_at)::float AS "resolutionSeconds",
              extract(epoch FROM assigned_at - queued_at)::float AS "waitSeconds"
         FROM conversations WHERE id = $1`,
      [conversationId],
    );
    return rows[0] ?? null;
  }

  /** Orders the bot discussed in a conversation and those the shopper proved by e-mail. */
  async ordersInDialogue(
    conversationId: string,
  ): Promise<{ discussed: string[]; verified: string[] }> {
    const rows: { discussed: unknown; verified: unknown }[] = await this.dataSource.query(
      `SELECT state->'ordersDiscussed' AS discussed, state->'verifiedOrderIds' AS verified
         FROM conversations WHERE id = $1`,
      [conversationId],
    );
    const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);
    return { discussed: ids(rows[0]?.discussed), verified: ids(rows[0]?.verified) };
  }

  /** Earlier conversations of the same customer (or, for an anonymous shopper, the same visitor). */
  previousConversations(conversation: {
    id: string;
    customerId: string | null;
    visitorId: string;
  }): Promise<Row[]> {
    return this.dataSource.query(
      `SELECT c.id, c.status, c.created_at AS "createdAt", c.resolved_by AS "resolvedBy", c.rating,
              c.escalation_reason AS "escalationReason",
              (SELECT m.intent FROM messages m WHERE m.conversation_id = c.id AND m.sender = 'shopper'
                ORDER BY m.created_at LIMIT 1) AS "firstIntent"
         FROM conversations c
        WHERE c.id <> $1 AND ${conversation.customerId ? 'c.customer_id' : 'c.visitor_id'} = $2
        ORDER BY c.created_at DESC LIMIT 10`,
      [conversation.id, conversation.customerId ?? conversation.visitorId],
    );
  }
}
