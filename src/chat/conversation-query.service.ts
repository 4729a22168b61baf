import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../common/domain-error';
import { ListConversationsDto } from './dto/list-conversations.dto';

/** Read side for staff: filtered conversation lists and full transcripts (with understanding and notes). */
@Injectable()
export class ConversationQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(filter: ListConversationsDto) {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown) => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (filter.status) add('c.status = ?', filter.status);
    if (filter.rating) add('c.rating = ?', filter.rating);
    if (filter.from) add('c.created_at >= ?', filter.from);
    if (filter.to) add('c.created_at < ?', filter.to);
    if (filter.intent)
      add(
        'EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.intent = ?)',
        filter.intent,
      );
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM conversations c ${whereSql}`,
      params,
    );
    const items = await this.dataSource.query(
      `SELECT c.id, c.status, c.locale, c.visitor_id AS "visitorId", c.customer_id AS "customerId",
              c.escalation_reason AS "escalationReason", c.priority, c.assigned_agent_id AS "assignedAgentId",
              c.rating, c.rating_comment AS "ratingComment", c.created_at AS "createdAt",
              c.last_message_at AS "lastMessageAt", c.resolved_at AS "resolvedAt", c.resolved_by AS "resolvedBy",
              (SELECT count(*)::int FROM messages m WHERE m.conversation_id = c.id) AS "messageCount"
         FROM conversations c ${whereSql}
        ORDER BY c.created_at DESC, c.id
        LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
      params,
    );
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  async transcript(conversationId: string) {
    const [conversation] = /^[0-9a-f-]{36}$/i.test(conversationId)
      ? await this.dataSource.query('SELECT * FROM conversations WHERE id = $1', [conversationId])
      : [];
    if (!conversation) throw new NotFoundError('conversation', conversationId);
    const messages = await this.dataSource.query(
      `SELECT m.id, m.client_msg_id AS "clientMsgId", m.sender, m.text, m.intent, m.understanding, m.payload, m.internal, m.created_at AS "createdAt",
              m.agent_id AS "agentId", s.name AS "agentName"
         FROM messages m LEFT JOIN staff_users s ON s.id = m.agent_id
        WHERE m.conversation_id = $1 ORDER BY m.created_at, m.id`,
      [conversationId],
    );
    return { conversation, messages };
  }
}
