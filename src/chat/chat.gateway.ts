import { Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import {
  OnGatewayConnection,
  OnGatewayInit,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { ShopperTokenService } from '../auth/shopper-token.service';
import { CommerceService } from '../commerce/commerce.service';
import { DomainError } from '../common/domain-error';
import { toErrorResponse } from '../common/error-mapping';
import { dispatchSocketEvents } from '../common/socket-dispatch';
import { validatePayload } from '../common/validate-payload';
import { AppConfig } from '../config/app-config';
import { RateLimiter } from '../auth/rate-limiter';
import { chatErrors } from './chat.errors';
import { ChatEvents, conversationRoom } from './chat-events';
import { ChatMetrics } from './chat-metrics';
import type { ShopperIdentity } from './chat.types';
import { ConversationService } from './conversation.service';
import {
  ConversationRefDto,
  RatingDto,
  ReadReceiptDto,
  SendMessageDto,
  TypingDto,
} from './dto/chat-payloads.dto';

const room = conversationRoom;

/**
 * The shopper's socket.io namespace. Thin: authenticate the handshake, validate each payload,
 * call ConversationService, broadcast to the conversation room. Protocol: docs/protocol.md.
 */
// maxHttpBufferSize above the message limit so an oversized message gets a clear error ack instead
// of a silent disconnect; the per-message limit is CHAT_MAX_MESSAGE_CHARS.
@WebSocketGateway({ namespace: '/chat', cors: { origin: true }, maxHttpBufferSize: 2_000_000 })
export class ChatGateway
  implements OnGatewayInit, OnGatewayConnection, OnModuleInit, OnModuleDestroy
{
  @WebSocketServer() private namespace: Namespace;
  private readonly logger = new Logger('chat-gateway');
  private readonly visitorLimiter: RateLimiter;
  private readonly ipLimiter: RateLimiter;
  private idleTimer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly tokens: ShopperTokenService,
    private readonly commerce: CommerceService,
    private readonly conversations: ConversationService,
    private readonly events: ChatEvents,
    private readonly metrics: ChatMetrics,
  ) {
    this.visitorLimiter = new RateLimiter(config.CHAT_MESSAGES_PER_MINUTE);
    this.ipLimiter = new RateLimiter(config.CHAT_IP_MESSAGES_PER_MINUTE);
  }

  onModuleInit(): void {
    const idleMs = this.config.CHAT_IDLE_MINUTES * 60_000;
    this.idleTimer = setInterval(
      () =>
        void this.closeIdle(idleMs).catch((e: Error) =>
          this.logger.error({ msg: 'idle close failed', error: e.message }),
        ),
      Math.min(idleMs, 60_000),
    );
    this.idleTimer.unref();
  }

  onModuleDestroy(): void {
    if (this.idleTimer) clearInterval(this.idleTimer);
  }

  afterInit(namespace: Namespace): void {
    namespace.use((socket, next) => {
      this.authenticate(socket).then(
        () => next(),
        (error: unknown) => {
          const { body } = toErrorResponse(error);
          next(Object.assign(new Error(body.error.message), { data: body.error }));
        },
      );
    });
  }

  /** Resolves the visitor (and verified customer) behind the handshake before any event is handled. */
  private async authenticate(socket: Socket): Promise<void> {
    const origin = socket.handshake.headers.origin;
    const allowed = this.config.ALLOWED_ORIGINS;
    if (origin && !allowed.includes('*') && !allowed.includes(origin)) {
      throw new DomainError('ORIGIN_NOT_ALLOWED', 'this origin may not open the chat', 403);
    }
    const auth = (socket.handshake.auth ?? {}) as { visitorToken?: unknown };
    let identity;
    if (typeof auth.visitorToken === 'string' && auth.visitorToken) {
      identity = this.tokens.verifyVisitorToken(auth.visitorToken);
    } else {
      const issued = this.tokens.issueVisitorToken();
      socket.data.issuedToken = issued.visitorToken;
      identity = this.tokens.verifyVisitorToken(issued.visitorToken);
    }
    const customer = identity.customerId
      ? await this.commerce.getCustomerByExternalId(identity.customerId)
      : null;
    const shopper: ShopperIdentity = {
      visitorId: identity.visitorId,
      customerId: customer?.id ?? null,
      firstName: customer?.firstName ?? null,
      siteKey: identity.siteKey ?? null,
    };
    socket.data.shopper = shopper;
  }

  handleConnection(socket: Socket): void {
    const shopper = socket.data.shopper as ShopperIdentity;
    socket.emit('session:ready', {
      visitorId: shopper.visitorId,
      identified: !!shopper.customerId,
      ...(socket.data.issuedToken ? { visitorToken: socket.data.issuedToken } : {}),
    });
    const handlers: Record<string, (payload: unknown) => Promise<unknown>> = {
      'session:resume': () => this.resume(socket),
      'message:send': (p) => this.send(socket, p),
      'conversation:end': (p) => this.end(socket, p),
      'rating:submit': (p) => this.rate(socket, p),
      typing: (p) => this.typing(socket, p),
      'message:read': (p) => this.read(socket, p),
    };
    // One dispatcher for every event: payload errors and unknown events become error acks
    // (or a `chat:error` event when the client gave no ack), never an unhandled rejection.
    dispatchSocketEvents(socket, handlers, { errorEvent: 'chat:error', logger: this.logger });
  }

  private shopper(socket: Socket): ShopperIdentity {
    return socket.data.shopper as ShopperIdentity;
  }

  private async resume(socket: Socket) {
    const resumed = await this.conversations.resume(this.shopper(socket));
    if (resumed) await socket.join(room(resumed.conversation.id));
    return { conversation: resumed?.conversation ?? null, messages: resumed?.messages ?? [] };
  }

  private async send(socket: Socket, payload: unknown) {
    const receivedAt = performance.now();
    const input = validatePayload(SendMessageDto, payload);
    if (input.text.length > this.config.CHAT_MAX_MESSAGE_CHARS)
      throw chatErrors.tooLong(this.config.CHAT_MAX_MESSAGE_CHARS);
    const shopper = this.shopper(socket);
    const retryAfter =
      this.visitorLimiter.hit(shopper.visitorId) || this.ipLimiter.hit(socket.handshake.address);
    if (retryAfter > 0) throw chatErrors.rateLimited(retryAfter * 1000);
    const accepted = await this.conversations.accept(shopper, input, {
      lastConversationId: socket.data.conversationId as string | undefined,
      // A visitor id minted at this handshake cannot have a conversation to look up yet.
      newVisitor: !!socket.data.issuedToken,
    });
    this.metrics.message(accepted.duplicate);
    socket.data.conversationId = accepted.conversation.id;
    const conversationRoom = room(accepted.conversation.id);
    await socket.join(conversationRoom);
    if (!accepted.duplicate) {
      socket.to(conversationRoom).emit('message:new', accepted.message);
      this.events.emit('shopper:message', {
        conversationId: accepted.conversation.id,
        message: accepted.message,
        intent: accepted.understanding.outOfScope ? 'oos' : accepted.understanding.intent,
        sentiment: accepted.understanding.sentiment.score,
        sentimentLabel: accepted.understanding.sentiment.label,
        status: accepted.conversation.status,
      });
      // The bot's turn runs after the ack; its replies arrive as `message:new`.
      setImmediate(
        () =>
          void this.botTurn(
            shopper,
            accepted.conversation.id,
            input.text,
            accepted.understanding,
            accepted.seen,
            receivedAt,
          ),
      );
    }
    return {
      conversationId: accepted.conversation.id,
      message: accepted.message,
      duplicate: accepted.duplicate,
      replies: accepted.existingReplies,
    };
  }

  private async botTurn(
    shopper: ShopperIdentity,
    conversationId: string,
    text: string,
    understanding: Parameters<ConversationService['respond']>[3],
    seen: Parameters<ConversationService['respond']>[4],
    receivedAt: number,
  ) {
    try {
      const turn = await this.conversations.respond(
        shopper,
        conversationId,
        text,
        understanding,
        seen,
      );
      for (const reply of turn.replies)
        this.namespace.to(room(conversationId)).emit('message:new', reply);
      if (turn.escalated) {
        this.namespace.to(room(conversationId)).emit('conversation:status', turn.conversation);
        this.events.emit('escalated', { conversation: turn.conversation });
      }
      const outcome = turn.escalated
        ? 'escalated'
        : turn.replies.length > 0
          ? 'answered'
          : 'silent';
      this.metrics.turn(outcome, receivedAt);
    } catch (error) {
      this.metrics.turn('failed', receivedAt);
      this.logger.error({
        msg: 'bot turn failed',
        conversationId,
        error: (error as Error).message,
      });
    }
  }

  private async end(socket: Socket, payload: unknown) {
    const { conversationId } = validatePayload(ConversationRefDto, payload);
    await this.conversations.owned(this.shopper(socket), conversationId);
    const { conversation, prompt } = await this.conversations.resolve(conversationId, 'shopper');
    if (prompt) this.namespace.to(room(conversationId)).emit('message:new', prompt);
    this.namespace.to(room(conversationId)).emit('conversation:status', conversation);
    this.events.emit('shopper:ended', { conversation });
    return { conversation };
  }

  private async rate(socket: Socket, payload: unknown) {
    const input = validatePayload(RatingDto, payload);
    const conversation = await this.conversations.rate(
      this.shopper(socket),
      input.conversationId,
      input.rating,
      input.comment,
    );
    return { conversation };
  }

  private async typing(socket: Socket, payload: unknown) {
    const input = validatePayload(TypingDto, payload);
    await this.conversations.owned(this.shopper(socket), input.conversationId);
    socket.to(room(input.conversationId)).emit('typing', {
      conversationId: input.conversationId,
      from: 'shopper',
      typing: input.typing,
    });
    this.events.emit('shopper:typing', input);
    return {};
  }

  private async read(socket: Socket, payload: unknown) {
    const input = validatePayload(ReadReceiptDto, payload);
    await this.conversations.owned(this.shopper(socket), input.conversationId);
    socket
      .to(room(input.conversationId))
      .emit('message:read', { ...input, by: 'shopper', at: new Date().toISOString() });
    return {};
  }

  private async closeIdle(idleMs: number): Promise<void> {
    await this.conversations.closeIdle(idleMs);
  }
}
