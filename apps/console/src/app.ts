import { io, Socket } from 'socket.io-client';
import { login } from './api';
import { contextPanel, reasonLabel } from './context-panel';
import { clear, el, time, waited } from './dom';
import type { Ack, Context, Conversation, Message, TeamMember } from './types';

const TOKEN_KEY = 'concierge.console.token';

/** The agent console: sign-in, queue, my chats, chat view and customer context. */
export class ConsoleApp {
  private socket?: Socket;
  private me?: { id: string; name: string; role: string };
  private presence: 'online' | 'away' | 'offline' = 'offline';
  private queue: Conversation[] = [];
  private chats: Conversation[] = [];
  private team: TeamMember[] = [];
  private intents: string[] = [];
  private current?: { conversation: Conversation; messages: Message[]; context: Context | null };
  private shopperTyping = false;
  private notice = '';

  constructor(private readonly root: HTMLElement) {}

  start(): void {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) this.connect(token);
    else this.renderLogin();
  }

  // ── sign-in ───────────────────────────────────────────────────────────

  private renderLogin(error = '', lastEmail = ''): void {
    clear(this.root);
    const email = el('input', {
      type: 'email',
      name: 'email',
      placeholder: 'you@shop.example',
      required: '',
      autocomplete: 'username',
    });
    email.value = lastEmail;
    const password = el('input', {
      type: 'password',
      name: 'password',
      required: '',
      autocomplete: 'current-password',
    });
    const form = el(
      'form',
      { class: 'login', 'data-testid': 'login' },
      el('h1', {}, 'Concierge'),
      el('p', { class: 'muted' }, 'Agent console'),
      el('label', {}, 'E-mail', email),
      el('label', {}, 'Password', password),
      error ? el('p', { class: 'error', role: 'alert' }, error) : null,
      el('button', { type: 'submit' }, 'Sign in'),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      login(email.value, password.value).then(
        (token) => {
          sessionStorage.setItem(TOKEN_KEY, token);
          this.connect(token);
        },
        (err: Error) => this.renderLogin(err.message, email.value),
      );
    });
    this.root.append(form);
  }

  private signOut(message = ''): void {
    sessionStorage.removeItem(TOKEN_KEY);
    this.socket?.disconnect();
    this.socket = undefined;
    this.current = undefined;
    this.renderLogin(message);
  }

  // ── live connection ───────────────────────────────────────────────────

  private connect(token: string): void {
    const socket = io('/agent', { auth: { token }, transports: ['websocket'] });
    this.socket = socket;
    socket.on('connect_error', (err: Error & { data?: { code: string; message: string } }) => {
      if (err.data?.code === 'UNAUTHORIZED') this.signOut(err.data.message);
    });
    socket.on(
      'agent:ready',
      (ready: {
        agent: ConsoleApp['me'];
        presence: ConsoleApp['presence'];
        queue: Conversation[];
        chats: Conversation[];
        team: TeamMember[];
      }) => {
        this.me = ready.agent;
        this.presence = ready.presence;
        this.queue = ready.queue;
        this.chats = ready.chats;
        this.team = ready.team;
        void this.call('intents:list').then((r) => (this.intents = (r.intents as string[]) ?? []));
        this.render();
      },
    );
    socket.on('disconnect', () => {
      this.presence = 'offline';
      this.render();
    });
    socket.on('queue:updated', (p: { queue: Conversation[] }) => {
      this.queue = p.queue;
      this.render();
    });
    socket.on('team:updated', (p: { team: TeamMember[] }) => {
      this.team = p.team;
      this.render();
    });
    socket.on(
      'conversation:assigned',
      (p: { conversation: Conversation; transferredBy?: string }) => {
        this.chats = [...this.chats.filter((c) => c.id !== p.conversation.id), p.conversation];
        this.notice = p.transferredBy
          ? `${p.transferredBy} transferred a chat to you`
          : 'New chat assigned to you';
        if (!this.current) void this.open(p.conversation.id);
        else this.render();
      },
    );
    socket.on('conversation:unassigned', (p: { conversationId: string }) => {
      this.chats = this.chats.filter((c) => c.id !== p.conversationId);
      this.render();
    });
    socket.on(
      'conversation:status',
      (p: { conversationId: string; status: Conversation['status'] }) => {
        if (p.status === 'resolved')
          this.chats = this.chats.filter((c) => c.id !== p.conversationId);
        if (this.current?.conversation.id === p.conversationId)
          this.current.conversation.status = p.status;
        this.render();
      },
    );
    socket.on('message:new', (m: Message) => {
      if (this.current?.conversation.id !== m.conversationId) return;
      if (this.current.messages.some((x) => x.id === m.id)) return;
      this.current.messages.push(m);
      if (m.sender === 'shopper') this.shopperTyping = false;
      this.render();
      if (m.sender === 'shopper') void this.refreshContext();
    });
    socket.on('typing', (p: { conversationId: string; typing: boolean }) => {
      if (this.current?.conversation.id !== p.conversationId) return;
      this.shopperTyping = p.typing;
      this.render();
    });
    socket.on('intent:corrected', (p: { messageId: string; intent: string }) => {
      const m = this.current?.messages.find((x) => x.id === p.messageId);
      if (m) m.correctedIntent = p.intent;
      this.render();
    });
  }

  private async call(event: string, payload?: unknown): Promise<Ack> {
    const ack = (await this.socket!.timeout(10_000).emitWithAck(event, payload)) as Ack;
    if (!ack.ok) {
      this.notice = ack.error?.message ?? 'something went wrong';
      this.render();
    }
    return ack;
  }

  private async open(conversationId: string): Promise<void> {
    const view = await this.call('conversation:open', { conversationId });
    if (!view.ok) return;
    this.current = {
      conversation: view.conversation as Conversation,
      messages: view.messages as Message[],
      context: null,
    };
    this.shopperTyping = false;
    this.render();
    await this.refreshContext();
  }

  private async refreshContext(): Promise<void> {
    if (!this.current) return;
    const id = this.current.conversation.id;
    const ctx = await this.call('conversation:context', { conversationId: id });
    if (ctx.ok && this.current?.conversation.id === id) {
      const { ok: _ok, ...context } = ctx;
      this.current.context = context as unknown as Context;
      this.render();
    }
  }

  // ── rendering ─────────────────────────────────────────────────────────

  private render(): void {
    if (!this.me) return;
    // Keep what the agent is typing across re-renders.
    const draft =
      (this.root.querySelector('[data-testid="composer-text"]') as HTMLTextAreaElement | null)
        ?.value ?? '';
    const internalChecked =
      (this.root.querySelector('[data-testid="internal"]') as HTMLInputElement | null)?.checked ??
      false;
    clear(this.root);
    this.root.append(
      el(
        'div',
        { class: 'layout' },
        this.header(),
        this.sidebar(),
        this.chatView(draft, internalChecked),
        contextPanel(this.current?.context ?? null),
      ),
    );
  }

  private header(): HTMLElement {
    const select = el('select', { 'data-testid': 'presence', 'aria-label': 'Presence' });
    for (const p of ['online', 'away'] as const) {
      const option = el('option', { value: p }, p === 'online' ? 'Online' : 'Away');
      if (this.presence === p) option.selected = true;
      select.append(option);
    }
    select.addEventListener('change', () => {
      void this.call('presence:set', { presence: select.value }).then((r) => {
        if (r.ok) this.presence = r.presence as ConsoleApp['presence'];
        this.render();
      });
    });
    const out = el('button', { class: 'link' }, 'Sign out');
    out.addEventListener('click', () => this.signOut());
    return el(
      'header',
      { class: 'top' },
      el('strong', {}, 'Concierge console'),
      el('span', { class: `dot ${this.presence}` }),
      el('span', { 'data-testid': 'me' }, this.me!.name),
      select,
      this.notice ? el('span', { class: 'notice', role: 'status' }, this.notice) : null,
      out,
    );
  }

  private sidebar(): HTMLElement {
    const queue = el('ul', { class: 'list', 'data-testid': 'queue' });
    for (const c of this.queue) {
      const take = el('button', { 'data-testid': `take-${c.id}` }, 'Take');
      take.addEventListener('click', () => {
        void this.call('conversation:claim', { conversationId: c.id }).then((r) => {
          if (!r.ok) return;
          const conversation = r.conversation as Conversation;
          this.chats = [...this.chats.filter((x) => x.id !== conversation.id), conversation];
          void this.open(conversation.id);
        });
      });
      queue.append(
        el(
          'li',
          { class: `queued p${c.priority}` },
          el(
            'div',
            { class: 'who' },
            c.customerName ?? 'Visitor',
            el('span', { class: 'muted' }, ` · waiting ${waited(c.queuedAt)}`),
          ),
          el('div', { class: 'reason' }, reasonLabel(c.escalationReason)),
          c.lastShopperText ? el('div', { class: 'preview' }, c.lastShopperText) : null,
          take,
        ),
      );
    }
    const mine = el('ul', { class: 'list', 'data-testid': 'my-chats' });
    for (const c of this.chats) {
      const item = el(
        'li',
        { class: this.current?.conversation.id === c.id ? 'active' : '' },
        el('div', { class: 'who' }, c.customerName ?? 'Visitor'),
        c.lastShopperText ? el('div', { class: 'preview' }, c.lastShopperText) : null,
      );
      item.addEventListener('click', () => void this.open(c.id));
      mine.append(item);
    }
    const team = el(
      'ul',
      { class: 'team' },
      ...this.team.map((m) =>
        el(
          'li',
          {},
          el('span', { class: `dot ${m.presence}` }),
          `${m.name} ${m.activeChats}/${m.maxChats}`,
        ),
      ),
    );
    return el(
      'nav',
      { class: 'side' },
      el('h2', {}, `Queue (${this.queue.length})`),
      this.queue.length ? queue : el('p', { class: 'muted' }, 'Nobody is waiting.'),
      el('h2', {}, `My chats (${this.chats.length})`),
      this.chats.length ? mine : el('p', { class: 'muted' }, 'No active chats.'),
      el('h2', {}, 'Team'),
      team,
    );
  }

  private chatView(draft: string, internalChecked: boolean): HTMLElement {
    const main = el('main', { class: 'chat', 'data-testid': 'chat' });
    if (!this.current) {
      main.append(
        el(
          'p',
          { class: 'muted empty' },
          'Take a chat from the queue, or wait for one to be assigned to you.',
        ),
      );
      return main;
    }
    const { conversation, messages } = this.current;
    const mineNow = conversation.status === 'agent' && conversation.assignedAgentId === this.me!.id;
    main.append(
      el(
        'div',
        { class: 'chat-head' },
        el('h2', {}, conversation.customerName ?? 'Visitor'),
        el(
          'span',
          { class: `badge ${conversation.status}`, 'data-testid': 'chat-status' },
          conversation.status,
        ),
        conversation.escalationReason
          ? el('span', { class: 'muted' }, reasonLabel(conversation.escalationReason))
          : null,
      ),
    );
    const transcript = el('ol', { class: 'transcript', 'data-testid': 'transcript' });
    for (const m of messages) transcript.append(this.messageItem(m));
    if (this.shopperTyping)
      transcript.append(el('li', { class: 'typing muted' }, 'Shopper is typing…'));
    main.append(transcript);
    queueMicrotask(() => (transcript.scrollTop = transcript.scrollHeight));
    if (conversation.status !== 'resolved')
      main.append(this.composer(conversation, mineNow, draft, internalChecked));
    return main;
  }

  private messageItem(m: Message): HTMLElement {
    const who =
      m.sender === 'agent'
        ? (m.agentName ?? 'Agent')
        : m.sender === 'shopper'
          ? 'Shopper'
          : m.sender === 'bot'
            ? 'Bot'
            : 'System';
    const item = el(
      'li',
      {
        class: `msg ${m.sender}${m.internal ? ' internal' : ''}`,
        'data-testid': `msg-${m.sender}`,
      },
      el(
        'div',
        { class: 'meta' },
        `${who} · ${time(m.createdAt)}`,
        m.internal ? el('span', { class: 'note-tag' }, 'internal note') : null,
      ),
      el('div', { class: 'text' }, m.text),
    );
    if (m.sender === 'shopper') item.append(this.intentLine(m));
    // What the bot took the turn for: "wrong@example.com" (read as edit_account) answered the
    // question about an order's e-mail, so the model was not wrong and needs no correction.
    if (m.sender === 'bot' && m.intent)
      item.append(
        el('div', { class: 'intent muted', 'data-testid': 'handled-as' }, `as ${m.intent}`),
      );
    return item;
  }

  /** The understood intent, and a picker to say it was wrong (stored as a training example). */
  private intentLine(m: Message): HTMLElement {
    const label = m.correctedIntent ?? m.intent ?? 'unknown';
    const line = el(
      'div',
      { class: 'intent' },
      el(
        'span',
        {
          class: m.correctedIntent ? 'intent-tag corrected' : 'intent-tag',
          'data-testid': 'intent',
        },
        label,
      ),
      m.correctedIntent && m.intent !== m.correctedIntent
        ? el('span', { class: 'muted' }, ` (model: ${m.intent})`)
        : null,
      m.confidence !== null && !m.correctedIntent
        ? el('span', { class: 'muted' }, ` ${Math.round(m.confidence * 100)}%`)
        : null,
    );
    const picker = el('select', { 'aria-label': 'Correct intent', class: 'correct' });
    picker.append(el('option', { value: '' }, 'Wrong intent?'));
    for (const intent of this.intents) picker.append(el('option', { value: intent }, intent));
    picker.addEventListener('change', () => {
      if (!picker.value) return;
      void this.call('intent:correct', { messageId: m.id, intent: picker.value }).then((r) => {
        if (r.ok) {
          m.correctedIntent = picker.value;
          this.notice = 'Correction saved as a training example';
          this.render();
        }
      });
    });
    line.append(picker);
    return line;
  }

  private composer(
    conversation: Conversation,
    mine: boolean,
    draft: string,
    internalChecked: boolean,
  ): HTMLElement {
    const text = el('textarea', {
      'data-testid': 'composer-text',
      rows: '3',
      placeholder: mine ? 'Reply to the shopper…' : 'Internal note for the team…',
    });
    text.value = draft;
    const internal = el('input', { type: 'checkbox', 'data-testid': 'internal' });
    internal.checked = internalChecked || !mine;
    if (!mine) internal.disabled = true;
    const send = el('button', { type: 'submit', 'data-testid': 'send' }, 'Send');
    let typingSent = false;
    text.addEventListener('input', () => {
      if (!mine || internal.checked) return;
      const typing = text.value.length > 0;
      if (typing !== typingSent) {
        typingSent = typing;
        void this.socket
          ?.timeout(5000)
          .emitWithAck('typing', { conversationId: conversation.id, typing })
          .catch(() => undefined);
      }
    });
    const form = el(
      'form',
      { class: 'composer' },
      text,
      el(
        'div',
        { class: 'row' },
        el('label', {}, internal, ' Internal note'),
        this.cannedPicker(conversation, text),
        this.transferPicker(conversation, mine),
        send,
        this.resolveButton(conversation, mine),
      ),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const value = text.value.trim();
      if (!value) return;
      void this.call('message:send', {
        conversationId: conversation.id,
        text: value,
        internal: internal.checked,
      }).then((r) => {
        if (!r.ok) return;
        // A re-render may have replaced the textarea while the send was in flight.
        const live = this.root.querySelector<HTMLTextAreaElement>('[data-testid="composer-text"]');
        if (live) live.value = '';
        text.value = '';
        const m = r.message as Message;
        if (this.current && !this.current.messages.some((x) => x.id === m.id))
          this.current.messages.push(m);
        this.render();
      });
    });
    return form;
  }

  private cannedPicker(conversation: Conversation, text: HTMLTextAreaElement): HTMLElement {
    const picker = el('select', { 'aria-label': 'Canned response', 'data-testid': 'canned' });
    picker.append(el('option', { value: '' }, 'Canned response…'));
    picker.addEventListener('focus', () => {
      if (picker.options.length > 1) return;
      void this.call('canned:list', { conversationId: conversation.id }).then((r) => {
        for (const c of (r.responses as { id: string; title: string; text: string }[]) ?? []) {
          const option = el('option', { value: c.text }, c.title);
          picker.append(option);
        }
      });
    });
    picker.addEventListener('change', () => {
      if (picker.value) text.value = picker.value;
      text.focus();
    });
    return picker;
  }

  private transferPicker(conversation: Conversation, mine: boolean): HTMLElement | null {
    if (!mine) return null;
    const others = this.team.filter((m) => m.id !== this.me!.id && m.presence !== 'offline');
    const picker = el('select', { 'aria-label': 'Transfer', 'data-testid': 'transfer' });
    picker.append(
      el('option', { value: '' }, others.length ? 'Transfer to…' : 'No one to transfer to'),
    );
    for (const m of others)
      picker.append(el('option', { value: m.id }, `${m.name} (${m.activeChats}/${m.maxChats})`));
    picker.addEventListener('change', () => {
      if (!picker.value) return;
      void this.call('conversation:transfer', {
        conversationId: conversation.id,
        toAgentId: picker.value,
      }).then((r) => {
        if (!r.ok) return;
        this.chats = this.chats.filter((c) => c.id !== conversation.id);
        this.current = undefined;
        this.notice = 'Chat transferred';
        this.render();
      });
    });
    return picker;
  }

  private resolveButton(conversation: Conversation, mine: boolean): HTMLElement | null {
    if (!mine) return null;
    const button = el(
      'button',
      { type: 'button', class: 'resolve', 'data-testid': 'resolve' },
      'Resolve',
    );
    button.addEventListener('click', () => {
      void this.call('conversation:resolve', { conversationId: conversation.id }).then((r) => {
        if (!r.ok) return;
        this.chats = this.chats.filter((c) => c.id !== conversation.id);
        if (this.current) this.current.conversation.status = 'resolved';
        this.notice = 'Resolved: the shopper was asked for a rating';
        this.render();
      });
    });
    return button;
  }
}
