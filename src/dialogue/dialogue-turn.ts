import type {
  BotReply,
  Decision,
  DialogueState,
  Locale,
  OrderView,
  ProductCard,
  TurnContext,
  Understanding,
} from './dialogue.types';

/** Accumulates one turn's replies, state and actions. */
export class Turn {
  readonly replies: BotReply[] = [];
  readonly actions: Decision['actions'] = [];
  /** What the turn before this one was handled as. */
  readonly previousIntent: string | undefined;
  /** The shop's FAQ answer to this turn's message, once looked up (asked for in two places). */
  faqByWords?: Promise<BotReply | null>;
  /** The shop's popular products, by limit and category, once looked up. */
  readonly popularProducts = new Map<string, Promise<ProductCard[]>>();
  /** The signed-in shopper's latest orders, once looked up. */
  recentOrders?: Promise<OrderView[]>;
  /** The invoice asked for needs company details: a person issues it once the order is known. */
  companyInvoice = false;
  constructor(
    readonly locale: Locale,
    readonly state: DialogueState,
    /** What this turn's message was understood as. */
    readonly nlu: Understanding,
    readonly ctx: TurnContext,
  ) {
    this.previousIntent = state.lastIntent;
  }

  reply(text: string, payload?: BotReply['payload']): void {
    this.replies.push(payload ? { text, payload } : { text });
  }

  action(type: string, orderId?: string, detail?: Record<string, unknown>): void {
    this.actions.push({ type, orderId, detail });
  }

  done(handledIntent: string, understood: boolean): Decision {
    this.state.failures = understood ? 0 : (this.state.failures ?? 0) + 1;
    return {
      replies: this.replies,
      state: this.state,
      actions: this.actions,
      handledIntent,
      understood,
      locale: this.locale,
    };
  }

  escalate(
    reason: NonNullable<Decision['escalate']>['reason'],
    priority: number,
    text: string,
    intent: string,
  ): Decision {
    this.state.pending = undefined;
    this.state.humanRequested = this.state.humanRequested || reason === 'requested';
    this.reply(text);
    return { ...this.done(intent, true), escalate: { reason, priority } };
  }
}
