import { Logger, OnModuleInit } from '@nestjs/common';
import {
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { StaffAuthService, type StaffPrincipal } from '../auth';
import { ChatEvents } from '../chat/chat-events';
import { UnauthorizedError } from '../common/domain-error';
import { toErrorResponse } from '../common/error-mapping';
import { dispatchSocketEvents } from '../common/socket-dispatch';
import { validatePayload } from '../common/validate-payload';
import { AgentContextService } from './agent-context.service';
import {
  AgentConversationRefDto,
  AgentSendDto,
  AgentTypingDto,
  CannedQueryDto,
  CorrectIntentDto,
  PresenceDto,
  TransferDto,
} from './dto/agent-payloads.dto';
import { agentRoom, HandoffNotifier, TEAM_ROOM } from './handoff-notifier';
import { HandoffService } from './handoff.service';

/**
 * The support team's socket.io namespace. Thin: authenticate the staff token at the handshake,
 * validate each payload, call HandoffService. Protocol: docs/protocol.md (`/agent`).
 */
@WebSocketGateway({ namespace: '/agent', cors: { origin: true } })
export class AgentGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleInit
{
  private readonly logger = new Logger('agent-gateway');

  constructor(
    private readonly staffAuth: StaffAuthService,
    private readonly handoff: HandoffService,
    private readonly context: AgentContextService,
    private readonly notifier: HandoffNotifier,
    private readonly chatEvents: ChatEvents,
  ) {}

  onModuleInit(): void {
    const guard = (what: string, work: Promise<unknown>) =>
      void work.catch((e: Error) => this.logger.error({ msg: `${what} failed`, error: e.message }));
    this.chatEvents.on('escalated', ({ conversation }) =>
      guard('escalation', this.handoff.escalated(conversation)),
    );
    this.chatEvents.on('shopper:message', (event) =>
      guard('shopper message', this.handoff.shopperMessage(event)),
    );
    this.chatEvents.on('shopper:typing', ({ conversationId, typing }) =>
      this.handoff.shopperTyping(conversationId, typing),
    );
    this.chatEvents.on('shopper:ended', ({ conversation }) =>
      guard('shopper end', this.handoff.shopperEnded(conversation.id)),
    );
  }

  afterInit(namespace: Namespace): void {
    this.notifier.attach(namespace);
    namespace.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      const verified =
        typeof token === 'string' && token
          ? this.staffAuth.verifyStaffToken(token)
          : Promise.reject(new UnauthorizedError('sign in: a staff access token is required'));
      verified.then(
        (staff) => {
          socket.data.staff = staff;
          next();
        },
        (error: unknown) => {
          const { body } = toErrorResponse(error);
          next(Object.assign(new Error(body.error.message), { data: body.error }));
        },
      );
    });
  }

  async handleConnection(socket: Socket): Promise<void> {
    const staff = socket.data.staff as StaffPrincipal;
    await socket.join([agentRoom(staff.id), TEAM_ROOM]);
    const handlers: Record<string, (payload: unknown) => Promise<unknown>> = {
      'presence:set': (p) =>
        this.handoff.setPresence(staff.id, validatePayload(PresenceDto, p).presence),
      'queue:list': async () => ({
        queue: await this.handoff.queue(),
        team: await this.handoff.team(),
      }),
      'conversation:claim': (p) =>
        this.handoff.claim(staff, validatePayload(AgentConversationRefDto, p).conversationId),
      'conversation:open': (p) =>
        this.handoff.open(staff.id, validatePayload(AgentConversationRefDto, p).conversationId),
      'conversation:context': (p) =>
        this.context.context(validatePayload(AgentConversationRefDto, p).conversationId),
      'conversation:transfer': (p) => {
        const input = validatePayload(TransferDto, p);
        return this.handoff.transfer(staff, input.conversationId, input.toAgentId);
      },
      'conversation:resolve': (p) =>
        this.handoff.resolve(staff, validatePayload(AgentConversationRefDto, p).conversationId),
      'message:send': (p) => this.handoff.send(staff, validatePayload(AgentSendDto, p)),
      typing: (p) => {
        const input = validatePayload(AgentTypingDto, p);
        return this.handoff.typing(staff, input.conversationId, input.typing);
      },
      'intent:correct': (p) => {
        const input = validatePayload(CorrectIntentDto, p);
        return this.handoff.correct(staff, input.messageId, input.intent);
      },
      'intents:list': async () => ({ intents: await this.handoff.intents() }),
      'canned:list': async (p) => {
        const input = validatePayload(CannedQueryDto, p);
        const { conversation } = await this.handoff.open(staff.id, input.conversationId);
        const responses = await this.context.canned({
          locale: conversation.locale,
          q: input.q,
          firstName: conversation.customerName?.split(' ')[0] ?? null,
          agentName: staff.name,
        });
        return { responses };
      },
    };
    dispatchSocketEvents(socket, handlers, { errorEvent: 'agent:error', logger: this.logger });
    try {
      socket.emit('agent:ready', await this.handoff.connect(staff, socket.id));
    } catch (error) {
      this.logger.error({ msg: 'agent connect failed', error: (error as Error).message });
      socket.disconnect(true);
    }
  }

  handleDisconnect(socket: Socket): void {
    const staff = socket.data.staff as StaffPrincipal | undefined;
    if (staff) this.handoff.disconnect(staff.id, socket.id);
  }
}
