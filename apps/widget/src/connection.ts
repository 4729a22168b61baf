/**
 * A minimal socket.io 4 client (engine.io protocol v4, WebSocket transport only) for the `/chat`
 * namespace. socket.io-client would add ~14 KB gzipped to the loader; the widget needs only
 * connect-with-auth, events, acks, heartbeats and reconnection, which fit in a few hundred bytes.
 */

export interface AckError {
  code: string;
  message: string;
  details?: { retryAfterMs?: number };
}
export type Ack<T = Record<string, unknown>> = ({ ok: true } & T) | { ok: false; error: AckError };

export type ConnectionState = 'idle' | 'connecting' | 'online' | 'reconnecting' | 'offline';

type Listener = (data: never) => void;

const NAMESPACE = '/chat';
const ACK_TIMEOUT_MS = 15_000;
const MAX_BACKOFF_MS = 10_000;

export class ChatConnection {
  private ws: WebSocket | null = null;
  private nextAckId = 0;
  private readonly pendingAcks = new Map<number, (ack: Ack) => void>();
  private readonly listeners = new Map<string, Listener>();
  private heartbeat: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;
  private wanted = false;
  state: ConnectionState = 'idle';

  constructor(
    private readonly baseUrl: string,
    private readonly auth: () => Record<string, string>,
    private readonly onState: (state: ConnectionState) => void,
  ) {
    // The browser knows before our heartbeat does: retry at once when the network comes back.
    addEventListener('online', () => this.wanted && this.state !== 'online' && this.open());
    addEventListener('offline', () => this.abandon());
  }

  on<T>(event: string, listener: (data: T) => void): void {
    this.listeners.set(event, listener as Listener);
  }

  connect(): void {
    this.wanted = true;
    if (this.state === 'idle') this.open();
  }

  /** Drops the socket and connects again at once (e.g. with a new visitor token). */
  restart(): void {
    this.ws?.close();
    this.open();
  }

  /** Sends an event and resolves with the server's ack; offline or timed out → `ok: false`. */
  request<T>(event: string, data?: unknown): Promise<Ack<T>> {
    return new Promise((resolve) => {
      if (this.state !== 'online' || !this.ws) {
        resolve({ ok: false, error: { code: 'OFFLINE', message: 'not connected' } });
        return;
      }
      const id = this.nextAckId++;
      const timer = setTimeout(() => {
        this.pendingAcks.delete(id);
        resolve({ ok: false, error: { code: 'TIMEOUT', message: 'no answer' } });
      }, ACK_TIMEOUT_MS);
      this.pendingAcks.set(id, (ack) => (clearTimeout(timer), resolve(ack as Ack<T>)));
      const args = data === undefined ? [event] : [event, data];
      this.ws.send(`42${NAMESPACE},${id}${JSON.stringify(args)}`);
    });
  }

  private open(): void {
    clearTimeout(this.retryTimer);
    const old = this.ws;
    if (old) {
      old.onclose = old.onmessage = null;
      old.close();
    }
    this.setState(
      this.attempts === 0 ? 'connecting' : navigator.onLine ? 'reconnecting' : 'offline',
    );
    const url = `${this.baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
    const ws = new WebSocket(url);
    this.ws = ws;
    ws.onmessage = (e) => this.onPacket(String(e.data));
    ws.onclose = () => this.ws === ws && this.dropped();
  }

  private onPacket(packet: string): void {
    switch (packet[0]) {
      case '0': {
        // engine.io open: join the namespace with our credentials, then watch the heartbeat.
        const { pingInterval, pingTimeout } = JSON.parse(packet.slice(1));
        this.heartbeatWindow = pingInterval + pingTimeout;
        this.armHeartbeat();
        this.ws?.send(`40${NAMESPACE},${JSON.stringify(this.auth())}`);
        return;
      }
      case '2':
        this.ws?.send('3');
        this.armHeartbeat();
        return;
      case '1':
        this.abandon();
        return;
      case '4':
        this.onSocketPacket(packet.slice(1));
    }
  }

  private heartbeatWindow = 45_000;

  private armHeartbeat(): void {
    clearTimeout(this.heartbeat);
    this.heartbeat = setTimeout(() => this.abandon(), this.heartbeatWindow);
  }

  private onSocketPacket(packet: string): void {
    const type = packet[0];
    let rest = packet.slice(1);
    if (!rest.startsWith(`${NAMESPACE},`) && !rest.startsWith(`${NAMESPACE}[`)) return;
    rest = rest.slice(rest[NAMESPACE.length] === ',' ? NAMESPACE.length + 1 : NAMESPACE.length);
    const [, id, body] = /^(\d*)([\s\S]*)$/.exec(rest)!;
    const data = body ? JSON.parse(body) : undefined;
    if (type === '0') {
      this.attempts = 0;
      this.setState('online');
      this.emitLocal('connect', data);
    } else if (type === '4') {
      this.emitLocal('connect_error', data);
    } else if (type === '2') {
      this.emitLocal(data[0], data[1]);
    } else if (type === '3') {
      const resolve = this.pendingAcks.get(Number(id));
      this.pendingAcks.delete(Number(id));
      resolve?.(data[0]);
    } else if (type === '1') {
      this.abandon();
    }
  }

  private emitLocal(event: string, data: unknown): void {
    (this.listeners.get(event) as ((d: unknown) => void) | undefined)?.(data);
  }

  /**
   * Gives up on the current socket now rather than on its `close` event: on a dead connection
   * (a lapsed heartbeat) the closing handshake cannot finish, and the browser may fire `close`
   * only at its handshake timeout, meanwhile showing no banner and sending into a dead socket.
   */
  private abandon(): void {
    const ws = this.ws;
    if (!ws) return;
    ws.onclose = ws.onmessage = null;
    ws.close();
    this.dropped();
  }

  private dropped(): void {
    clearTimeout(this.heartbeat);
    this.ws = null;
    for (const resolve of this.pendingAcks.values())
      resolve({ ok: false, error: { code: 'OFFLINE', message: 'connection lost' } });
    this.pendingAcks.clear();
    this.attempts++;
    this.setState(navigator.onLine ? 'reconnecting' : 'offline');
    // Exponential backoff with jitter so a server restart is not met by a thundering herd.
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(this.attempts, 5));
    this.retryTimer = setTimeout(() => this.open(), delay / 2 + Math.random() * (delay / 2));
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    this.onState(state);
  }
}
