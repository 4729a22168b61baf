import { ChatConnection, ConnectionState } from './connection';
import { CHAT_ICON, h, icon, SEND_ICON } from './dom';
import { Locale, StringKey, t } from './i18n';
import { STYLES } from './styles';
import { Conversation, Message, QuickReply } from './types';
import { messageRow, quickReplies, ratingForm, ViewContext } from './views';

export interface WidgetOptions {
  baseUrl: string;
  siteKey: string;
  locale: Locale;
  themeColor: string;
  /** Header title (the shop's name); the localised "Concierge" / "在线客服" when absent. */
  title?: string;
}

interface Entry {
  key: string;
  message: Message;
  /** Set while a shopper message is not yet acknowledged, or when the server refused it. */
  pending?: 'sending' | 'retry' | { error: string };
  el?: HTMLElement;
}

interface Outgoing {
  clientMsgId: string;
  text: string;
  createdAt: string;
}

interface SendResult {
  conversationId: string;
  message: Message;
  replies?: Message[];
}

/** Ack errors that will not go away by sending the same message again. */
const FINAL_ERRORS = new Set(['VALIDATION_FAILED', 'MESSAGE_TOO_LONG', 'CONVERSATION_NOT_FOUND']);

/** UUID v4 from getRandomValues: `crypto.randomUUID` exists only on https pages. */
const uuid = () => {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** The chat: state, socket wiring and the shadow-DOM UI. */
export class WidgetApp {
  private readonly conn: ChatConnection;
  private readonly storageKey: string;
  private readonly entries: Entry[] = [];
  private readonly byKey = new Map<string, Entry>();
  private readonly labels = new Map<string, string>();
  private outbox: Outgoing[];
  private conversation: Conversation | null = null;
  private unread = 0;
  private isOpen = false;
  private botThinking = false;
  private agentTyping = false;
  private typingSent = 0;
  private pendingTrack: {
    id: string;
    type: string;
    occurredAt: string;
    payload: Record<string, unknown>;
  }[] = [];

  private readonly root = h('div', { class: 'root' });
  private readonly launcher = h('button', {
    type: 'button',
    class: 'launcher',
    'aria-expanded': 'false',
    'aria-controls': 'cw-panel',
  });
  private readonly badge = h('span', { class: 'badge', hidden: true });
  private readonly panel = h('section', {
    id: 'cw-panel',
    class: 'panel',
    role: 'dialog',
    'aria-labelledby': 'cw-title',
    hidden: true,
  });
  private readonly title = h('h2', { id: 'cw-title', class: 'title' });
  private readonly subtitle = h('p', { class: 'subtitle' });
  private readonly endButton = h('button', { type: 'button', class: 'end' });
  private readonly closeButton = h('button', { type: 'button', class: 'close' }, '×');
  private readonly status = h('div', {
    class: 'status',
    role: 'status',
    'aria-live': 'polite',
    hidden: true,
  });
  private readonly log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite' });
  private readonly typing = h(
    'div',
    { class: 'row typing-row', hidden: true },
    h('div', { class: 'bubble typing' }, h('span'), h('span'), h('span')),
  );
  private readonly input = h('textarea', { rows: '1', maxlength: '2000' });
  private readonly sendButton = h('button', { type: 'submit', class: 'send' }, icon(SEND_ICON));
  private chips: HTMLElement | null = null;
  private sessionStart: Promise<string | null> | undefined;

  constructor(
    host: HTMLElement,
    private readonly options: WidgetOptions,
  ) {
    this.storageKey = `concierge:${options.siteKey || 'default'}`;
    this.outbox = this.load<Outgoing[]>('outbox') ?? [];
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append(h('style', {}, STYLES), this.root);
    this.root.style.setProperty('--c', options.themeColor);
    this.build();
    this.applyStrings();
    this.conn = new ChatConnection(
      options.baseUrl,
      (): Record<string, string> => {
        const token = this.load<string>('token');
        return token ? { visitorToken: token } : {};
      },
      (state) => this.onConnectionState(state),
    );
    this.wireSocket();
    // A returning visitor reconnects at once (history, unread replies); a new one on first open.
    if (this.load('token') || this.outbox.length) this.conn.connect();
  }

  // ---- public API (window.Concierge) ----

  open(): void {
    if (this.isOpen) return;
    this.isOpen = true;
    this.root.classList.add('open');
    this.panel.hidden = false;
    this.launcher.setAttribute('aria-expanded', 'true');
    this.unread = 0;
    this.renderBadge();
    this.conn.connect();
    this.scrollToEnd();
    this.input.focus();
    this.markRead();
  }

  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.root.classList.remove('open');
    this.panel.hidden = true;
    this.launcher.setAttribute('aria-expanded', 'false');
    this.launcher.focus();
  }

  setLocale(locale: Locale): void {
    this.options.locale = locale;
    this.applyStrings();
    this.renderAll();
  }

  /** Ties the visitor to a shop customer; the shop's backend signs the id (docs/auth.md). */
  async identify(customerId: string, identitySignature: string): Promise<void> {
    const res = await fetch(`${this.options.baseUrl}/api/chat/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        customerId,
        identitySignature,
        ...(this.options.siteKey ? { siteKey: this.options.siteKey } : {}),
        ...(this.load('token') ? { visitorToken: this.load('token') } : {}),
      }),
    });
    if (!res.ok) throw new Error(`Concierge.identify failed (${res.status})`);
    const body = (await res.json()) as { visitorToken: string };
    this.save('token', body.visitorToken);
    if (this.conn.state !== 'idle') this.conn.restart();
  }

  /**
   * Records a storefront event (`page_view`, `product_view`, `search`, `add_to_cart`; payloads in
   * src/signals/event-catalogue.ts) for this visitor; sent once a session exists. The id is fixed
   * here, so sending the same batch again after a network error stores nothing twice.
   */
  track(type: string, payload: Record<string, unknown> = {}): void {
    this.pendingTrack.push({ id: uuid(), type, occurredAt: new Date().toISOString(), payload });
    void this.flushTrack();
  }

  // ---- socket ----

  private wireSocket(): void {
    this.conn.on<{ visitorToken?: string }>('session:ready', async (ready) => {
      if (ready.visitorToken) this.save('token', ready.visitorToken);
      const resumed = await this.conn.request<{
        conversation: Conversation | null;
        messages: Message[];
      }>('session:resume');
      if (resumed.ok) {
        this.conversation = withAgentName(resumed.conversation, resumed.messages);
        this.entries.length = 0;
        this.byKey.clear();
        for (const m of resumed.messages) this.remember(m);
        for (const o of this.outbox) this.addPending(o, 'sending', false);
        this.renderAll();
        this.renderHeader();
      }
      this.flushOutbox();
      this.flushTrack();
    });
    this.conn.on<{ data?: { code?: string } }>('connect_error', (err) => {
      // A token from an old deployment or past its lifetime: start a fresh anonymous session.
      if (err?.data?.code?.startsWith('VISITOR_TOKEN')) {
        this.save('token', null);
        this.conn.restart();
      }
    });
    this.conn.on<Message>('message:new', (m) => this.receive(m));
    this.conn.on<Conversation>('conversation:status', (c) => this.onStatus(c));
    this.conn.on<{ from: string; typing: boolean }>('typing', (e) => {
      if (e.from !== 'agent') return;
      this.agentTyping = e.typing;
      this.renderTyping();
    });
  }

  private receive(m: Message): void {
    const fresh = !this.byKey.has(keyOf(m));
    this.remember(m);
    const entry = this.byKey.get(keyOf(m))!;
    this.renderEntry(entry);
    if (m.sender !== 'shopper') {
      this.botThinking = false;
      this.agentTyping = false;
      this.renderTyping();
      if (fresh && !this.isOpen) {
        this.unread++;
        this.renderBadge();
      }
      if (this.isOpen) this.markRead();
    }
    this.renderChips();
    this.scrollToEnd();
  }

  private onStatus(c: Conversation): void {
    const before = this.conversation?.status;
    this.conversation = c;
    if (c.status !== before) {
      const notice: Partial<Record<string, string>> = {
        queued: t(this.locale, 'queued'),
        agent: t(this.locale, 'agentJoined', { name: c.agentName ?? t(this.locale, 'agent') }),
        resolved: t(this.locale, 'resolved'),
      };
      const text = notice[c.status];
      // The server sends the rating prompt just before the status: the notice goes above it.
      const last = this.entries[this.entries.length - 1];
      if (text) this.localNotice(text, last?.message.payload?.ratingPrompt ? last : undefined);
    }
    this.renderHeader();
  }

  private async send(text: string): Promise<void> {
    const trimmed = text.trim();
    if (!trimmed) return;
    const outgoing: Outgoing = {
      clientMsgId: uuid(),
      text: trimmed,
      createdAt: new Date().toISOString(),
    };
    this.outbox.push(outgoing);
    this.save('outbox', this.outbox);
    this.addPending(outgoing, this.conn.state === 'online' ? 'sending' : 'retry', true);
    this.conn.connect();
    await this.deliver(outgoing);
  }

  /** Sends (or re-sends, with the same clientMsgId) one queued message. */
  private async deliver(o: Outgoing): Promise<void> {
    if (this.conn.state !== 'online') return;
    this.botThinking = true;
    this.renderTyping();
    const ack = await this.conn.request<SendResult>('message:send', {
      clientMsgId: o.clientMsgId,
      text: o.text,
      locale: this.locale,
    });
    if (ack.ok) {
      this.dropFromOutbox(o);
      if (this.conversation?.id !== ack.conversationId) {
        // First message, or the first after a resolved conversation: a new one has begun.
        this.conversation = {
          id: ack.conversationId,
          status: 'bot',
          agentName: null,
          rating: null,
        };
        this.renderHeader();
      }
      this.receive(ack.message);
      // A resend after a reconnect: the replies were produced already; show any we missed.
      for (const reply of ack.replies ?? []) this.receive(reply);
      return;
    }
    this.botThinking = false;
    this.renderTyping();
    const entry = this.byKey.get(`c:${o.clientMsgId}`);
    if (!entry) return;
    if (FINAL_ERRORS.has(ack.error.code)) {
      this.dropFromOutbox(o);
      entry.pending = { error: t(this.locale, 'error', { message: ack.error.message }) };
    } else {
      entry.pending = 'retry';
      const wait = ack.error.details?.retryAfterMs;
      if (ack.error.code === 'RATE_LIMITED' && wait) setTimeout(() => this.deliver(o), wait);
    }
    this.renderEntry(entry);
  }

  private flushOutbox(): void {
    for (const o of [...this.outbox]) void this.deliver(o);
  }

  private dropFromOutbox(o: Outgoing): void {
    this.outbox = this.outbox.filter((x) => x.clientMsgId !== o.clientMsgId);
    this.save('outbox', this.outbox);
  }

  private async flushTrack(): Promise<void> {
    if (this.pendingTrack.length === 0) return;
    const token = this.load<string>('token') ?? (await this.startSessionForTracking());
    if (!token || this.pendingTrack.length === 0) return;
    const events = this.pendingTrack.splice(0);
    const res = await fetch(`${this.options.baseUrl}/api/events/track`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-visitor-token': token },
      body: JSON.stringify({ events }),
      keepalive: true,
    }).catch(() => null);
    // Network trouble or overload: keep them for the next flush (reconnect or next call).
    if (!res || res.status === 429 || res.status >= 500) this.pendingTrack.unshift(...events);
    else if (!res.ok)
      console.warn(`Concierge.track: events refused (${res.status})`, await res.text());
  }

  /**
   * A visitor who browses without opening the chat still gets a visitor id for their events: a
   * session by HTTP (no socket is held open for them). Opening the chat later reuses it, so the
   * conversation and the browsing belong to the same visitor. Null when it could not start
   * (offline, rate-limited): the events wait for the next try.
   */
  private async startSessionForTracking(): Promise<string | null> {
    this.sessionStart ??= fetch(`${this.options.baseUrl}/api/chat/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(this.options.siteKey ? { siteKey: this.options.siteKey } : {}),
    })
      .then(async (res) => (res.ok ? ((await res.json()) as { visitorToken?: string }) : null))
      .then((session) => {
        // The socket may have minted a token meanwhile: keep that one.
        if (session?.visitorToken && !this.load('token')) this.save('token', session.visitorToken);
        return this.load<string>('token');
      })
      .catch(() => null)
      .finally(() => (this.sessionStart = undefined));
    return this.sessionStart;
  }

  private markRead(): void {
    const last = [...this.entries]
      .reverse()
      .find((e) => e.message.sender !== 'shopper' && !e.key.startsWith('l:'));
    if (last && this.conn.state === 'online')
      void this.conn.request('message:read', {
        conversationId: last.message.conversationId,
        messageId: last.message.id,
      });
  }

  private onInput(): void {
    this.input.style.height = 'auto';
    this.input.style.height = `${Math.min(this.input.scrollHeight, 120)}px`;
    // Agents see "typing…" only in a live handoff, at most every 3 s.
    const c = this.conversation;
    if (c?.status === 'agent' && Date.now() - this.typingSent > 3000) {
      this.typingSent = Date.now();
      void this.conn.request('typing', { conversationId: c.id, typing: true });
    }
  }

  // ---- state helpers ----

  private get locale(): Locale {
    return this.options.locale;
  }

  private remember(m: Message): void {
    for (const q of m.payload?.quickReplies ?? []) this.labels.set(q.value, q.label);
    const key = keyOf(m);
    const existing = this.byKey.get(key);
    if (existing) {
      existing.message = m;
      existing.pending = undefined;
      return;
    }
    const entry: Entry = { key, message: m };
    this.entries.push(entry);
    this.byKey.set(key, entry);
  }

  private addPending(o: Outgoing, pending: 'sending' | 'retry', render: boolean): void {
    const message: Message = {
      id: '',
      conversationId: this.conversation?.id ?? '',
      clientMsgId: o.clientMsgId,
      sender: 'shopper',
      text: o.text,
      payload: null,
      createdAt: o.createdAt,
    };
    const entry: Entry = { key: `c:${o.clientMsgId}`, message, pending };
    if (this.byKey.has(entry.key)) return;
    this.entries.push(entry);
    this.byKey.set(entry.key, entry);
    if (render) {
      this.renderEntry(entry);
      this.renderChips();
      this.scrollToEnd();
    }
  }

  private localNotice(text: string, before?: Entry): void {
    const m: Message = {
      id: '',
      conversationId: '',
      clientMsgId: null,
      sender: 'system',
      text,
      payload: null,
      createdAt: new Date().toISOString(),
    };
    const entry: Entry = { key: `l:${this.entries.length}:${Date.now()}`, message: m };
    const at = before ? this.entries.indexOf(before) : -1;
    if (at >= 0) this.entries.splice(at, 0, entry);
    else this.entries.push(entry);
    this.byKey.set(entry.key, entry);
    this.renderEntry(entry, before?.el);
    this.scrollToEnd();
  }

  private load<T>(name: string): T | null {
    try {
      const raw = localStorage.getItem(`${this.storageKey}:${name}`);
      return raw ? (JSON.parse(raw) as T) : null;
    } catch {
      return null;
    }
  }

  private save(name: string, value: unknown): void {
    try {
      if (value === null || (Array.isArray(value) && value.length === 0))
        localStorage.removeItem(`${this.storageKey}:${name}`);
      else localStorage.setItem(`${this.storageKey}:${name}`, JSON.stringify(value));
    } catch {
      // Storage blocked (private mode, sandbox): the chat still works for this page view.
    }
  }

  // ---- rendering ----

  private build(): void {
    this.launcher.append(icon(CHAT_ICON), this.badge);
    this.launcher.addEventListener('click', () => (this.isOpen ? this.close() : this.open()));
    this.closeButton.addEventListener('click', () => this.close());
    this.endButton.addEventListener('click', async () => {
      const c = this.conversation;
      if (c && c.status !== 'resolved')
        await this.conn.request('conversation:end', { conversationId: c.id });
    });
    const form = h('form', { class: 'composer' }, this.input, this.sendButton);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const text = this.input.value;
      this.input.value = '';
      this.onInput();
      void this.send(text);
    });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        form.requestSubmit();
      }
    });
    this.input.addEventListener('input', () => this.onInput());
    this.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.close();
      }
    });
    this.panel.append(
      h(
        'header',
        { class: 'head' },
        h('div', { class: 'head-text' }, this.title, this.subtitle),
        this.endButton,
        this.closeButton,
      ),
      this.status,
      this.log,
      form,
    );
    this.root.append(this.panel, this.launcher);
  }

  private applyStrings(): void {
    const s = (key: StringKey) => t(this.locale, key);
    this.root.setAttribute('lang', this.locale === 'zh' ? 'zh-CN' : 'en');
    this.launcher.setAttribute('aria-label', s('openChat'));
    this.closeButton.setAttribute('aria-label', s('closeChat'));
    this.endButton.textContent = s('endChat');
    this.title.textContent = this.options.title || s('title');
    this.log.setAttribute('aria-label', s('conversation'));
    this.input.placeholder = s('placeholder');
    this.input.setAttribute('aria-label', s('inputLabel'));
    this.sendButton.setAttribute('aria-label', s('send'));
    this.typing.setAttribute('aria-label', s('typing'));
    this.renderHeader();
    this.renderBadge();
    this.onConnectionState(this.conn?.state ?? 'idle');
  }

  private renderHeader(): void {
    const c = this.conversation;
    this.subtitle.textContent =
      c?.status === 'agent'
        ? t(this.locale, 'agentSubtitle', { name: c.agentName || t(this.locale, 'agent') })
        : c?.status === 'queued'
          ? t(this.locale, 'queued')
          : t(this.locale, 'subtitle');
    this.endButton.hidden = !c || c.status === 'resolved';
  }

  private renderBadge(): void {
    this.badge.hidden = this.unread === 0;
    this.badge.textContent = this.unread > 9 ? '9+' : String(this.unread);
    this.badge.setAttribute('aria-label', t(this.locale, 'unread', { n: this.unread }));
  }

  private onConnectionState(state: ConnectionState): void {
    const text: Partial<Record<ConnectionState, StringKey>> = {
      connecting: 'connecting',
      reconnecting: 'reconnecting',
      offline: 'offline',
    };
    const key = text[state];
    this.status.hidden = !key;
    this.status.textContent = key ? t(this.locale, key) : '';
    this.root.dataset.connection = state;
    for (const e of this.entries)
      if (e.pending === 'sending' && state !== 'online') {
        e.pending = 'retry';
        this.renderEntry(e);
      }
  }

  private get viewContext(): ViewContext {
    return {
      locale: this.locale,
      labelFor: (value) => this.labels.get(value) ?? value,
      onQuickReply: (reply: QuickReply) => void this.send(reply.value),
      onRate: async (rating, comment, done) => {
        const c = this.conversation;
        if (!c) return done('no conversation');
        const ack = await this.conn.request<{ conversation: Conversation }>('rating:submit', {
          conversationId: c.id,
          rating,
          ...(comment ? { comment } : {}),
        });
        if (ack.ok) this.conversation = ack.conversation;
        done(ack.ok ? undefined : ack.error.message);
      },
    };
  }

  private renderEntry(entry: Entry, before?: HTMLElement): void {
    const p = entry.pending;
    const status =
      p === 'sending'
        ? t(this.locale, 'sending')
        : p === 'retry'
          ? t(this.locale, 'notSent')
          : p?.error;
    const row = messageRow(entry.message, this.viewContext, status, typeof p === 'object');
    if (entry.message.payload?.ratingPrompt && this.conversation?.rating == null)
      row.append(ratingForm(this.viewContext));
    if (entry.el) entry.el.replaceWith(row);
    else
      this.log.insertBefore(
        row,
        before ?? (this.typing.parentNode === this.log ? this.typing : null),
      );
    entry.el = row;
  }

  private renderAll(): void {
    this.log.replaceChildren(this.typing);
    for (const e of this.entries) {
      e.el = undefined;
      this.renderEntry(e);
    }
    this.renderChips();
    this.scrollToEnd();
  }

  /** Quick replies belong to the latest message only: once the shopper answers they go. */
  private renderChips(): void {
    this.chips?.remove();
    this.chips = null;
    const last = this.entries.filter((e) => !e.key.startsWith('l:')).pop();
    const replies =
      last?.message.sender !== 'shopper' ? last?.message.payload?.quickReplies : undefined;
    if (!replies?.length || !last?.el) return;
    this.chips = quickReplies(replies, this.viewContext);
    last.el.append(this.chips);
  }

  private renderTyping(): void {
    this.typing.hidden = !(this.botThinking || this.agentTyping);
    this.log.append(this.typing);
    this.scrollToEnd();
  }

  private scrollToEnd(): void {
    this.log.scrollTop = this.log.scrollHeight;
  }
}

function keyOf(m: Message): string {
  return m.sender === 'shopper' && m.clientMsgId ? `c:${m.clientMsgId}` : `m:${m.id}`;
}

/**
 * `session:resume` describes a live handoff without the agent's name; the transcript's latest
 * agent message carries it, so a reload keeps "You are chatting with Alice" in the header.
 */
function withAgentName(c: Conversation | null, messages: Message[]): Conversation | null {
  if (!c || c.status !== 'agent' || c.agentName) return c;
  const last = [...messages].reverse().find((m) => m.sender === 'agent' && m.agentName);
  return last ? { ...c, agentName: last.agentName ?? null } : c;
}
