import { io, Socket } from 'socket.io-client';
import type { Ack } from './chat-client';

/** A support agent's /agent client: records every event so tests can wait for one. */
export class AgentClient {
  private readonly events: { event: string; payload: Record<string, unknown> }[] = [];
  private waiters: {
    event: string;
    predicate: (p: Record<string, unknown>) => boolean;
    resolve: (p: Record<string, unknown>) => void;
  }[] = [];

  private constructor(readonly socket: Socket) {
    socket.onAny((event: string, payload: Record<string, unknown>) => {
      this.events.push({ event, payload });
      this.waiters = this.waiters.filter((w) => {
        if (w.event !== event || !w.predicate(payload)) return true;
        w.resolve(payload);
        return false;
      });
    });
  }

  /** Connects and resolves with the `agent:ready` payload; rejects with the handshake error. */
  static async connect(
    baseUrl: string,
    token: unknown,
  ): Promise<AgentClient & { ready: Record<string, unknown> }> {
    const socket = io(`${baseUrl}/agent`, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const client = new AgentClient(socket);
    const ready = client.next('agent:ready');
    const failed = new Promise<never>((_, reject) =>
      socket.once('connect_error', (e: Error & { data?: unknown }) => reject(e)),
    );
    return Object.assign(client, { ready: await Promise.race([ready, failed]) });
  }

  call(event: string, payload?: unknown): Promise<Ack> {
    return this.socket.timeout(10_000).emitWithAck(event, payload) as Promise<Ack>;
  }

  /** The next `event` (already received ones count) whose payload matches. */
  next(
    event: string,
    predicate: (p: Record<string, unknown>) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<Record<string, unknown>> {
    const seen = this.events.find((e) => e.event === event && predicate(e.payload));
    if (seen) {
      this.events.splice(this.events.indexOf(seen), 1);
      return Promise.resolve(seen.payload);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${event} in time`)), timeoutMs);
      this.waiters.push({
        event,
        predicate,
        resolve: (p) => {
          clearTimeout(timer);
          this.events.splice(
            this.events.findIndex((e) => e.payload === p),
            1,
          );
          resolve(p);
        },
      });
    });
  }

  received(event: string): Record<string, unknown>[] {
    return this.events.filter((e) => e.event === event).map((e) => e.payload);
  }

  close(): void {
    this.socket.disconnect();
  }
}
