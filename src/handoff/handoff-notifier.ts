import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { conversationRoom } from '../chat/chat-events';

export const agentRoom = (agentId: string) => `agent:${agentId}`;
/** Every connected staff socket: queue and presence updates. */
export const TEAM_ROOM = 'team';

/**
 * Emits to agents (/agent) and shoppers (/chat). The agent gateway hands over its namespace at
 * start-up; both namespaces share one socket.io server, so the shopper side is reached through it.
 */
@Injectable()
export class HandoffNotifier {
  private agents?: Namespace;

  attach(agents: Namespace): void {
    this.agents = agents;
  }

  toTeam(event: string, payload: unknown): void {
    this.agents?.to(TEAM_ROOM).emit(event, payload);
  }

  toAgent(agentId: string, event: string, payload: unknown): void {
    this.agents?.to(agentRoom(agentId)).emit(event, payload);
  }

  /** Agents who have the conversation open or assigned. */
  toConversationAgents(conversationId: string, event: string, payload: unknown): void {
    this.agents?.to(conversationRoom(conversationId)).emit(event, payload);
  }

  toShopper(conversationId: string, event: string, payload: unknown): void {
    this.agents?.server.of('/chat').to(conversationRoom(conversationId)).emit(event, payload);
  }

  /** Makes every socket of the agent receive the conversation's live events. */
  follow(agentId: string, conversationId: string): void {
    this.agents?.in(agentRoom(agentId)).socketsJoin(conversationRoom(conversationId));
  }

  unfollow(agentId: string, conversationId: string): void {
    this.agents?.in(agentRoom(agentId)).socketsLeave(conversationRoom(conversationId));
  }
}
