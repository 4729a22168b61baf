import { createHmac } from 'node:crypto';
import { io, Socket } from 'socket.io-client';

export interface Ack {
  ok: boolean;
  error?: { code: string; message: string };
  [key: string]: unknown;
}

export interface ChatMessage {
  id: string;
  conversationId: string;
  sender: string;
  text: string;
  payload: {
    quickReplies?: { label: string; value: string }[];
    products?: { title: string }[];
    order?: { number: string };
  } | null;
}

/** A shopper's socket.io client with promise helpers; every wait is bounded. */
export class ShopperClient {
  readonly received: ChatMessage[] = [];
  private waiters: { predicate: (m: ChatMessage) => boolean; resolve: (m: ChatMessage) => void }[] =
    [];

  private constructor(readonly socket: Socket) {
    socket.on('message:new', (m: ChatMessage) => {
      this.received.push(m);
      this.waiters = this.waiters.filter((w) => {
        if (!w.predicate(m)) return true;
        w.resolve(m);
        return false;
      });
    });
  }

  static async connect(
    baseUrl: string,
    auth: Record<string, unknown> = {},
  ): Promise<ShopperClient & { ready: { visitorId: string; visitorToken?: string } }> {
    const socket = io(`${baseUrl}/chat`, {
      auth,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const client = new ShopperClient(socket);
    const ready = await new Promise<{ visitorId: string; visitorToken?: string }>(
      (resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('connect timeout')), 10_000);
        socket.once('session:ready', (r) => (clearTimeout(timer), resolve(r)));
        socket.once(
          'connect_error',
          (e: Error & { data?: unknown }) => (clearTimeout(timer), reject(e)),
        );
      },
    );
    return Object.assign(client, { ready });
  }

  call(event: string, payload?: unknown, timeoutMs = 10_000): Promise<Ack> {
    return this.socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<Ack>;
  }

  /** Sends a message and resolves with the first bot/agent reply that follows it. */
  async say(text: string, clientMsgId = randomId()): Promise<{ ack: Ack; reply: ChatMessage }> {
    const replyPromise = this.next((m) => m.sender !== 'shopper');
    const ack = await this.call('message:send', { clientMsgId, text });
    if (!ack.ok) throw new Error(`send failed: ${JSON.stringify(ack.error)}`);
    return { ack, reply: await replyPromise };
  }

  /** Sends a message and resolves with the first `count` bot/agent replies that follow it. */
  async sayExpecting(text: string, count: number): Promise<ChatMessage[]> {
    const from = this.received.length;
    const ack = await this.call('message:send', { clientMsgId: randomId(), text });
    if (!ack.ok) throw new Error(`send failed: ${JSON.stringify(ack.error)}`);
    const replies = () => this.received.slice(from).filter((m) => m.sender !== 'shopper');
    while (replies().length < count) await this.next((m) => m.sender !== 'shopper');
    return replies().slice(0, count);
  }

  next(predicate: (m: ChatMessage) => boolean, timeoutMs = 10_000): Promise<ChatMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching message in time')), timeoutMs);
      this.waiters.push({ predicate, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  close(): void {
    this.socket.disconnect();
  }
}

export const randomId = () => Math.random().toString(36).slice(2, 12) + Date.now().toString(36);

export function identitySignature(secret: string, customerExternalId: string): string {
  return createHmac('sha256', secret).update(customerExternalId).digest('hex');
}
