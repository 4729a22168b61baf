import { formatMoney } from '../common/money-format';
import { clearLanguage } from '../nlu/language';
import { NEGATIVE_ESCALATION_SCORE } from '../nlu/sentiment/sentiment-model';
import { INTENT_LABELS, opensWithApology, say, STATUS_WORDS } from './dialogue-phrases';
import { formatAddress, parseAddress } from './address-input';
import { Turn } from './dialogue-turn';
import {
  ABOUT_DELIVERY_METHOD,
  ABOUT_MONEY,
  ABOUT_PARCEL,
  accountTakenOver,
  agrees,
  ALREADY_RECEIVED,
  ASKS_IF_BOT,
  PRESENCE_CHECK,
  CANNOT_SIGN_IN,
  PRAISE,
  NOT_PRAISE,
  ONLY_UPSET_EMOJI,
  REORDER,
  ASKS_WHY_CANCELLED,
  BARE_YES,
  HURRY,
  CANCELS_PART_OF_ORDER,
  WANTS_TO_CANCEL_ORDER,
  onlyAcknowledges,
  asksWhatIsPopular,
  ASKS_WHEN_ARRIVES,
  ASKS_WHERE_ORDER_IS,
  ASKS_WHERE_REFUND_IS,
  asksForKindOfProduct,
  atPosition,
  PICKS_LATEST,
  DECLINES,
  FAREWELL,
  FOLLOW_UP_ABOUT_PRODUCT,
  isBareOrderNumber,
  picksByItem,
  saysNoOrderConfirmation,
  AND_ANOTHER_ACCOUNT_DETAIL,
  ARRIVED_FAULTY,
  CHANGED_MIND,
  POOR_QUALITY,
  ASKS_ABOUT_AN_ORDER,
  ASKS_FOR_GIFT,
  GIFT_RECIPIENT,
  ASKS_FOR_HELP,
  ASKS_WHEN_DELIVERED,
  ASKS_TIME_LEFT,
  ASKS_WHAT_NOW,
  ASKS_WHICH_OF_THEM,
  COMPANY_INVOICE,
  COMPANY_DETAILS,
  DOES_NOT_FIT,
  WANTS_OTHER_SIZE,
  TOO_SLOW,
  isBarePhrase,
  narrowsPrice,
  NO,
  NO_EMAIL,
  NO_ORDER_NUMBER,
  NO_ACCOUNT,
  PERSONAL_INVOICE,
  NOT_ABOUT_PRODUCT,
  NOT_RECEIVED,
  NOT_RESOLVED,
  ORDER_HISTORY,
  OPEN_ORDERS,
  REFUND_MONEY,
  ORDER_TOKEN,
  orderNumberIn,
  pickedAmongShown,
  pickProduct,
  pointsBack,
  REFERS_BACK,
  SAYS_DELIVERED,
  SHOPPING_CUE,
  SOMETHING_ORDERED,
  BOUGHT_SOMETHING,
  TAKES_IT,
  statusesNamed,
  YES,
} from './message-cues';
import {
  budgetOf,
  findCategory,
  kindNamedIn,
  namesKindOfProduct,
  recommendFrom,
  type Budget,
} from './product-interest';
import type {
  BotReply,
  Decision,
  DialoguePorts,
  DialogueState,
  Locale,
  OrderFlowIntent,
  OrderIntent,
  OrderQuestionIntent,
  OrderView,
  PendingSlot,
  ProductCard,
  ProductDetail,
  ReplyPayload,
  ShippingAddressInput,
  TurnContext,
  Understanding,
} from './dialogue.types';
import { ASKS_SIZE, Colour, colourAsked, comesIn } from './product-variants';
import { splitTwoRequests } from './two-requests';

type QuickReply = NonNullable<ReplyPayload['quickReplies']>[number];

/** Tunable thresholds; defaults chosen on the team-written held-out chats. */
export interface PolicyOptions {
  /** Below this margin between the top two intents (and under `clarifyBelow`), ask which one. */
  clarifyMargin: number;
  clarifyBelow: number;
  /** Sentiment at or below this makes a complaint go straight to a person. */
  negativeSentiment: number;
  /** Turns in a row the bot could not help before it hands over. */
  maxFailures: number;
}

/**
 * An out-of-scope message whose likeliest intent has at least this probability gets it offered
 * ("Did you mean…?"): on the held-out shop test sets, 4 of the 10 in-scope messages declined get
 * their own intent offered and none a wrong one, while 6 of 180 out-of-scope ones get an offer.
 */
const SUGGEST_WHEN_DECLINED = 0.3;
/**
 * A declined short follow-up is read as its likeliest intent from this confidence up when that
 * intent is on the topic just answered (see TOPICS).
 */
const FOLLOW_UP_MIN_CONFIDENCE = 0.15;
const PICKED_PHRASE = {
  cheapest: 'cheapestShown',
  dearest: 'dearestShown',
  popular: 'popularShown',
} as const;
/** Intents on one topic: a follow-up may move between them ("how do I return it?" after a refund). */
const TOPICS: string[][] = [
  ['get_refund', 'check_refund_policy', 'track_refund'],
  ['delivery_options', 'delivery_period'],
  ['check_payment_methods', 'payment_issue'],
  ['check_invoice', 'get_invoice'],
  [
    'create_account',
    'edit_account',
    'delete_account',
    'switch_account',
    'recover_password',
    'registration_problems',
  ],
];

export const DEFAULT_POLICY_OPTIONS: PolicyOptions = {
  clarifyMargin: 0.12,
  clarifyBelow: 0.6,
  negativeSentiment: NEGATIVE_ESCALATION_SCORE,
  maxFailures: 2,
};
/** Below this a product reading may be asked about ("which of these do you mean?"). */
const UNSURE_PRODUCT_READING = DEFAULT_POLICY_OPTIONS.clarifyBelow;

/**
 * Answers not to preface with an apology when the message sounds negative: small talk ("thanks
 * for nothing") and the complaint answer, which apologises itself.
 */
const NO_APOLOGY = new Set(['greeting', 'goodbye', 'thanks', 'complaint']);
/** Replies that answer nothing a shopper could say "still not working" to. */
const SMALL_TALK = new Set(['greeting', 'goodbye', 'thanks']);
/** Turns handled without answering a request: not worth a second answer in one message. */
const NOT_AN_ANSWER: ReadonlySet<string> = new Set([...SMALL_TALK, 'clarify', 'acknowledged']);
/**
 * Longer than this, a message is more likely a request of its own than a remark about the chat
 * ("still not …" a new report rather than "that did not help").
 */
const SHORT_REMARK_MAX_LENGTH = 60;
/** Replies that show products the next message may point at by position. */
const PRODUCT_INTENTS = new Set(['product_recommendation', 'product_question']);
/**
 * Questions about how the shop works or about a product, and plain return requests: an apology
 * needs more than a negative score (the review-trained sentiment model finds "is it waterproof"
 * -0.83 and "can I return it" -0.77, from reviews that say "not waterproof", "returned it";
 * "怎么联系客服" -0.82).
 */
const PLAIN_QUESTIONS = new Set([
  'product_question',
  'product_recommendation',
  'get_refund',
  'check_payment_methods',
  'contact_customer_service',
  'delivery_options',
  'check_refund_policy',
  'check_cancellation_fee',
  'place_order',
  'create_account',
  'newsletter_subscription',
  'set_up_shipping_address',
]);
/** At or below this, such a question is asked in anger ("useless site, how do I pay?!"). */
const ANGRY_QUESTION_SCORE = -0.9;
/** Requests that hand the chat to a person, whatever else the message says. */
const ESCALATING = new Set(['contact_human_agent', 'complaint']);
/**
 * Order questions the shop's FAQ may answer better when no order is named (price drops, not
 * refunds). Not changing an order: "change size on my order" would get the size guide.
 */
const FAQ_BEFORE_ORDER_QUESTION: ReadonlySet<string> = new Set([
  'get_refund',
  'track_refund',
  'check_invoice',
  'get_invoice',
  'delivery_period',
]);
/** Below this, a request for a person is asked about (the shopper can still tap one) rather than acted on. */
const HUMAN_REQUEST_MIN_CONFIDENCE = 0.5;
/** Below this, a negative complaint reading is answered (or clarified) rather than escalated. */
const COMPLAINT_ESCALATION_MIN_CONFIDENCE = 0.5;
/** Readings of a message asking to hurry an order: where it is, or when it comes. */
const HURRY_READINGS: ReadonlySet<string> = new Set(['track_order', 'delivery_period']);
/** Questions about how the shop delivers (not about one order). */
const DELIVERY_INTENTS: ReadonlySet<string> = new Set(['delivery_options', 'delivery_period']);
/** A delivery word in a message about cancelling or returning does not make it a delivery question. */
const NOT_ABOUT_DELIVERY = /cancel|refund|return|退|取消/i;
/** What something costs: "how much does that cost", "要多少钱". */
const ASKS_COST = /\bhow much\b|\bcosts?\b|\bprice\b|多少钱|费用|收费|贵不贵/i;
/** What separates two sentences joined into one reply (Chinese runs them together). */
const SENTENCE_GAP: Record<Locale, string> = { en: ' ', zh: '' };
/** Chips under one reply: more than a row or two on a phone is a menu, not a shortcut. */
const MAX_QUICK_REPLIES = 5;
/** At or below this many units a product answer says how many are left. */
const LOW_STOCK = 5;
/** Popular products a recommendation re-ranks by the message's words, and how many it shows. */
const CANDIDATES_TO_RANK = 40;
const PRODUCTS_PER_REPLY = 4;
const CANDIDATES_WITHOUT_CATEGORY = 400;
/** "What if …", "and if …", "如果…": a question about a case rather than a report of one. */
const ASKS_WHAT_IF = /\b(?:if|suppose|supposing|in case)\b|如果|要是|假如|万一/i;
/** A delivered order placed this recently may be the parcel a shopper says never came. */
const RECENTLY_MS = 21 * 24 * 3600 * 1000;
/** How many of a signed-in shopper's latest orders an order request looks at. */
const RECENT_ORDERS = 5;
/** Intents a product request in unfamiliar words is mistaken for ("想给狗买张床" → review, 0.47). */
const MISREAD_WHEN_SHOPPING = new Set([
  'review',
  'create_account',
  'edit_account',
  'switch_account',
  'delete_account',
  'registration_problems',
  'recover_password',
  'newsletter_subscription',
  'get_invoice',
  'check_invoice',
  'contact_customer_service',
]);
/** Orders a conversation remembers as discussed (for the agent who takes it over). */
const ORDERS_REMEMBERED = 5;
/** E-mail addresses an anonymous shopper may try for one order in a conversation. */
const EMAIL_CHECKS_PER_ORDER = 3;
/** Orders an order history lists. */
const HISTORY_LENGTH = 3;
const ORDER_INTENTS: OrderIntent[] = ['track_order', 'cancel_order', 'change_shipping_address'];
const CANCELLABLE = new Set(['pending', 'paid', 'processing']);
/** Asks how products differ ("difference between", "compare", "vs", "区别", "对比"). */
const COMPARES =
  /\b(?:difference|differences|differ|compare|comparison|vs\.?|versus)\b|区别|对比|比较一下|有什么不同|有啥不同/i;

/** Speaks of something the shopper has ("I bought a …", "my …", "我买的…"). */
const SAYS_OWN_ITEM =
  /\b(?:i|we)(?: just| recently)? (?:ordered|bought|got|purchased|received)\b|\bmy\b|我(?:刚|之前|上次)?(?:买|订|收到)的|我的/i;

/** "Can I use two of them?": about the things just answered about. */
const REFERS_TO_THEM = /\b(?:they|them|those|these)\b|它们|这些|那些/i;
/** Answers about delivery addresses: an address typed next is a new one for an order. */
const ADDRESS_TOPICS: ReadonlySet<string> = new Set([
  'set_up_shipping_address',
  'change_shipping_address',
]);
/** "The two", "这两款": the products just shown. */
const BOTH_OF_THEM = /\b(?:both|the two|these two|those two)\b|这两|那两|两款|两个|两者/i;
/** What a turn answered from the shop's FAQ entries is handled as. */
const FAQ = 'faq';
/** Answers after which "how long do I have?" asks about the return window. */
const RETURN_TOPICS: ReadonlySet<string> = new Set([
  'get_refund',
  'check_refund_policy',
  'track_refund',
]);
const ADDRESS_CHANGEABLE = new Set(['pending', 'paid', 'processing']);
/**
 * Questions a template answers better when it knows the order, with the statuses of the orders
 * each is usually about: a signed-in shopper with exactly one such order is answered about it.
 */
const ORDER_QUESTIONS: Record<OrderQuestionIntent, ReadonlySet<string>> = {
  change_order: new Set(['pending', 'paid', 'processing']),
  delivery_period: new Set(['pending', 'paid', 'processing', 'shipped']),
  check_invoice: new Set(['shipped', 'delivered']),
  get_invoice: new Set(['shipped', 'delivered']),
  get_refund: new Set(['delivered']),
  track_refund: new Set(['returned', 'refunded', 'cancelled']),
};
/** A quick reply that asks to cancel ("Cancel the order", "取消订单"). */
const CANCEL_CHIP = /^\s*cancel\b|^\s*取消/i;
/** "Where is…", "where are…", "…在哪", "…到哪了". */
const ASKS_WHERE = /\bwhere(?:'s|s| is| are)\b|在哪|到哪/i;
/** "How do I pay?", "怎么付款": how to do something, not the name of a product. */
const HOW_TO = /\bhow (?:do|can|should|to)\b|怎么|如何/i;
/** "My last / latest / most recent …", "最近一个", "上一个": the newest of the orders meant. */
const LATEST = /\b(?:last|latest|most recent|newest)\b|最近|最新|上一?[个单次]/i;
/** Orders that are over: nothing in them can change any more. */
const CLOSED: ReadonlySet<string> = new Set(['cancelled', 'returned', 'refunded']);
/** An exchange of an item already received is about an order that was delivered. */
const DELIVERED: ReadonlySet<string> = new Set(['delivered']);
/** Questions about an order's invoice. */
const INVOICE_INTENTS: ReadonlySet<string> = new Set(['get_invoice', 'check_invoice']);
/** Orders still to reach the shopper. */
const OPEN: ReadonlySet<string> = new Set(['pending', 'paid', 'processing', 'shipped']);
/**
 * A missing confirmation that is part of another problem: a payment taken without one, or an
 * invoice wanted instead of one, whose own answers say what to do.
 */
const CONFIRMATION_WITH_OTHER_PROBLEM =
  /\b(?:charged|money|paid|payment|bank|invoice)\b|扣款|扣钱|扣了|付了钱|已付款|发票/i;
const DAY_MS = 24 * 3600 * 1000;
/** An order this recent is the one a missing confirmation is about. */
const CONFIRMATION_LOOKBACK_MS = 14 * DAY_MS;
/** The phrase that says how a refund stands. */
type RefundState = 'refundSent' | 'refundProcessing' | 'refundOnCancel' | 'refundOnCancelSent';
/** How a refund stands, by order status; other statuses have none. */
const REFUND_STATE: Record<string, RefundState> = {
  refunded: 'refundSent',
  returned: 'refundProcessing',
  // Cancelling refunds what was paid (the cancellation reply says so).
  cancelled: 'refundOnCancel',
};
/**
 * Orders are cancelled before they ship, within days of being placed, and the refund reaches the
 * bank within about two weeks: a month after the order it is long back.
 */
const CANCEL_REFUND_SETTLED_MS = 30 * DAY_MS;

/** What to say about an order's refund, or undefined when it has none. */
function refundStateOf(order: OrderView): RefundState | undefined {
  const state = REFUND_STATE[order.status];
  if (
    state === 'refundOnCancel' &&
    Date.now() - Date.parse(order.placedAt) > CANCEL_REFUND_SETTLED_MS
  )
    return 'refundOnCancelSent';
  return state;
}
/** Order statuses each order request can act on (tracking works on any). */
const ACTIONABLE: Partial<Record<OrderIntent, Set<string>>> = {
  cancel_order: CANCELLABLE,
  change_shipping_address: ADDRESS_CHANGEABLE,
};

/**
 * Decides what the bot does with one shopper message: understanding + conversation state →
 * replies, state, escalation, commerce actions. Pure apart from the ports it is given, so it is
 * tested with in-memory ports and driven for real by ConversationService.
 */
export class DialoguePolicy {
  constructor(
    private readonly ports: DialoguePorts,
    private readonly options: PolicyOptions = DEFAULT_POLICY_OPTIONS,
  ) {}

  async decide(
    text: string,
    nlu: Understanding,
    state: DialogueState,
    ctx: TurnContext,
  ): Promise<Decision> {
    return this.withSecondRequest(text, await this.decideOne(text, nlu, state, ctx), state, ctx);
  }

  /**
   * "Where is my order, and how do I return the shoes?" was answered as one request (the model
   * gives a message one intent); the part asking something else is answered too, as if sent on
   * its own. A later part is answered after the first answer, in its context ("…and how do I
   * return them?" is about the order just shown), an earlier part before it. When the first
   * answer asks the shopper something or hands the chat over, the other part goes before it, so
   * the question (or the hand-over) stays last, and only if it asks nothing itself. Small talk and
   * parts the bot does not understand get no second answer.
   */
  private async withSecondRequest(
    text: string,
    first: Decision,
    state: DialogueState,
    ctx: TurnContext,
  ): Promise<Decision> {
    // A message answering the bot's question (a confirmation, an address) is read whole: its
    // parts alone could act on the order a second time.
    if (!this.ports.understand || !first.understood || asksShopper(state.pending)) return first;
    const parts = splitTwoRequests(text);
    if (!parts) return first;
    // Each part is read once, however many ways it is tried.
    const readings = new Map<string, Promise<Understanding>>();
    const understand = (part: string) => {
      if (!readings.has(part)) readings.set(part, this.ports.understand!(part));
      return readings.get(part)!;
    };
    // "Where is my order B20001? also, do you ship to Canada?" reads as either request (asked
    // which): it is both, so the parts are answered one after the other instead.
    if (first.handledIntent === 'clarify') {
      const nlu = await understand(parts.first);
      const alone = nlu.outOfScope ? null : await this.decideOne(parts.first, nlu, state, ctx);
      if (!alone?.understood || alone.handledIntent === 'clarify') return first;
      first = alone;
    }
    const firstAsks = !!first.escalate || asksShopper(first.state.pending);
    for (const part of [parts.second, parts.first]) {
      const nlu = await understand(part);
      // A part on the first answer's topic mostly explains it ("I'd like to become a member.
      // Where is the sign up page?" is not a sign-up problem), and that answer's chips lead on.
      if (
        nlu.outOfScope ||
        sameTopic(nlu.intent, first.handledIntent) ||
        SMALL_TALK.has(nlu.intent)
      )
        continue;
      const decideAlone = (from: DialogueState) =>
        this.decideOne(part, nlu, from, { ...ctx, locale: first.locale });
      const answers = (other: Decision) =>
        other.understood &&
        !sameTopic(other.handledIntent, first.handledIntent) &&
        !NOT_AN_ANSWER.has(other.handledIntent);
      const tagged = (other: Decision) =>
        other.replies.map((reply) => ({ ...reply, intent: other.handledIntent }));
      // The earlier part first: "where is my order and can I still cancel it" reads best with
      // the order's status before the answer about cancelling it.
      if (part === parts.first || firstAsks) {
        const other = await decideAlone(state);
        if (answers(other) && !other.escalate && !asksShopper(other.state.pending)) {
          // The orders either answer showed stay known (an agent taking over sees them).
          const ordersDiscussed = [
            ...new Set([
              ...(other.state.ordersDiscussed ?? []),
              ...(first.state.ordersDiscussed ?? []),
            ]),
          ].slice(-ORDERS_REMEMBERED);
          return {
            ...first,
            replies: [...tagged(other), ...first.replies],
            actions: [...other.actions, ...first.actions],
            state: { ...first.state, ...(ordersDiscussed.length ? { ordersDiscussed } : {}) },
          };
        }
      }
      if (firstAsks) continue;
      const other = await decideAlone(first.state);
      if (!answers(other)) continue;
      return {
        ...other,
        replies: [...first.replies, ...tagged(other)],
        actions: [...first.actions, ...other.actions],
        handledIntent: first.handledIntent,
        locale: first.locale,
      };
    }
    return first;
  }

  private async decideOne(
    text: string,
    nlu: Understanding,
    state: DialogueState,
    ctx: TurnContext,
  ): Promise<Decision> {
    // The conversation's language unless this message clearly has another: "A105072" or "ok" in a
    // Chinese conversation is answered in Chinese.
    const locale: Locale = clearLanguage(text) ?? ctx.locale;
    const turn = new Turn(locale, { ...state, pending: undefined }, nlu, ctx);

    const numberGiven = orderNumberIn(text, nlu);
    // Asked whatever the bot was waiting for: the list is what the shopper needs to answer it.
    if (ORDER_HISTORY.test(text) && !numberGiven) return this.orderHistory(ctx, turn);
    if (OPEN_ORDERS.test(text) && !numberGiven)
      return this.orderHistory(ctx, turn, { openOnly: true });
    // "No thanks" / "不用了" to whatever was asked or offered ends it (out of context the model
    // reads "不用了" as closing the account). A yes/no question keeps its own answer.
    const confirming =
      state.pending?.kind === 'confirm_cancel' || state.pending?.kind === 'confirm_address';
    if (DECLINES.test(text.trim()) && !confirming) {
      const addressAsked = state.pending?.kind === 'new_address';
      turn.reply(say(addressAsked ? 'keptAddress' : 'anythingElse', locale));
      return turn.done((state.pending && pendingIntent(state.pending)) ?? 'goodbye', true);
    }
    // "👍", "lol", "哈哈": acknowledged, not answered with the fallback (two of those in a row
    // would hand the chat to a person), nor taken as a wrong order number when one was asked for.
    // A yes/no question keeps its own answer.
    if (onlyAcknowledges(text) && !confirming) {
      turn.reply(say('acknowledged', turn.locale));
      return turn.done('acknowledged', true);
    }
    // "😡😡😡" (read as a payment problem, 0.75): asked what happened, with a colleague offered.
    if (ONLY_UPSET_EMOJI.test(text) && !confirming) {
      offerPerson(turn, 'complaint', say('upsetEmoji', locale));
      return turn.done('complaint', true);
    }
    // "Anyone there?" / "在吗" once the chat has begun: yes, and a question asked stays asked (a
    // second welcome would read as if the bot had not heard what came before).
    if (PRESENCE_CHECK.test(text) && state.lastIntent) {
      turn.state.pending = state.pending;
      turn.reply(say(state.pending ? 'stillHereWaiting' : 'stillHere', locale));
      return turn.done('greeting', true);
    }
    if (REORDER.test(text)) {
      const again = await this.reorder(state, ctx, turn);
      if (again) return again;
    }
    if (state.pending) {
      const handled = await this.continuePending(state.pending, text, nlu, state, ctx, turn);
      if (handled) return handled;
    }
    // A bare "yes" that answers no question: what is wanted (not a product question, a
    // complaint or a failure to understand, as the model might read it).
    if (BARE_YES.test(text.trim())) return this.yesToNothing(turn);

    // A bare order number right after an answer about an order: the same question about that one
    // ("A104925" after an answer about A105081's change).
    const previous = state.lastIntent;
    if (previous && isOrderRelated(previous) && isBareOrderNumber(text) && numberGiven) {
      return this.handleIntent(previous, text, nlu, ctx, turn);
    }
    // "最新的那个" / "the latest one" right after an answer about another order: the same
    // question about the signed-in shopper's newest order.
    if (
      previous &&
      isOrderRelated(previous) &&
      ctx.customerId &&
      !numberGiven &&
      PICKS_LATEST.test(text) &&
      text.length <= SHORT_REMARK_MAX_LENGTH / 2
    ) {
      const newest = newestOf(await this.recentOrders(ctx.customerId, turn));
      if (newest && newest.id !== state.ordersDiscussed?.at(-1))
        return this.withOrderNumber(previous as OrderFlowIntent, newest.number, ctx, turn);
    }
    // "I need the company name and VAT number on it" after an invoice answer about an order, which
    // promised "tell me and I will pass it to our team": passed to a person, with the order.
    // (Still asked which order, that comes first: see the order offer.)
    const lastDiscussed = state.ordersDiscussed?.at(-1);
    if (
      INVOICE_INTENTS.has(previous ?? '') &&
      lastDiscussed &&
      state.pending?.kind !== 'order_offer' &&
      COMPANY_INVOICE.test(text) &&
      !numberGiven
    ) {
      const order = await this.orderById(lastDiscussed);
      if (order) return passInvoiceRequest(order, 'get_invoice', turn);
    }
    // "The water bottle one" / "跑鞋那单" right after an answer about an order: the same question
    // about the signed-in shopper's order holding it (a lone product name reads as anything, even
    // an upset complaint at 0.99, which would hand the chat to a person).
    if (
      previous &&
      isOrderRelated(previous) &&
      picksByItem(text) &&
      (await this.ordersWithItemNamed(text, ctx, turn)).length === 1
    ) {
      return this.handleIntent(previous, text, nlu, ctx, turn);
    }
    // "The processing one" / "the delivered order": the one order of theirs with that status.
    if (previous && isOrderRelated(previous) && ctx.customerId && picksByItem(text)) {
      const statuses = statusesNamed(text);
      const withStatus = (await this.recentOrders(ctx.customerId, turn)).filter((o) =>
        statuses.includes(o.status),
      );
      if (withStatus.length === 1)
        return this.withOrderNumber(previous as OrderFlowIntent, withStatus[0].number, ctx, turn);
    }
    // "They are too small" right after the return steps for a delivered order (read again as a
    // refund request): the reason for the return, answered with the exchange it hints at rather
    // than the same steps word for word.
    if (previous === 'get_refund' && lastDiscussed && DOES_NOT_FIT.test(text)) {
      const order = numberGiven ? null : await this.orderById(lastDiscussed);
      if (order && DELIVERED.has(order.status)) {
        turn.reply(say('doesNotFitExchange', locale, { number: order.number }), { order });
        return turn.done('get_refund', true);
      }
    }
    // "It's broken" / "质量有问题" / "I just don't like it" right after an answer on returns: why
    // the shopper returns it (alone, the model reads them as a sign-up problem, a product question,
    // a cancellation). A fault is a complaint, which asks what happened and passes it on; a change
    // of mind is the return itself.
    if (
      (previous === 'get_refund' || previous === 'check_refund_policy') &&
      !numberGiven &&
      text.length <= SHORT_REMARK_MAX_LENGTH
    ) {
      if (ARRIVED_FAULTY.test(text) || POOR_QUALITY.test(text))
        return this.handleIntent('complaint', text, nlu, ctx, turn);
      if (CHANGED_MIND.test(text)) return this.handleIntent('get_refund', text, nlu, ctx, turn);
    }
    // "就要这个" / "I'll take it" right after an answer about one product (read as another question
    // about it): buying it.
    if (productJustShown(state) && TAKES_IT.test(text) && !NOT_ABOUT_PRODUCT.test(text)) {
      return this.handleIntent('place_order', text, nlu, ctx, turn);
    }
    // "The second one" / "第一个多少钱" right after several products were shown: that product,
    // whatever the model reads into the words alone ("the first one" scores as an upset complaint,
    // which would hand the chat to a person).
    const shown = PRODUCT_INTENTS.has(state.lastIntent ?? '') ? state.productsShown : undefined;
    if (shown && !numberGiven && !NOT_ABOUT_PRODUCT.test(text)) {
      // "What's the difference between them?" / "有什么区别": the products just shown, side by side.
      if (
        shown.length > 1 &&
        COMPARES.test(text) &&
        (REFERS_TO_THEM.test(text) || BOTH_OF_THEM.test(text) || pointsBack(text))
      ) {
        const cards = await this.productsByIds(shown, locale);
        if (cards.length > 1) return this.compareProducts(cards, turn);
      }
      // "In black?" / "有蓝色的吗": those of them listed in that colour. "Size M?": sizes are
      // picked on the product page (the words alone read as changing an order, or nothing).
      const colour = colourAsked(text);
      if (colour) {
        const pool = state.colourPickedFrom;
        const narrowed = pool && shown.every((id) => pool.includes(id));
        const cards = await this.productsByIds(narrowed ? pool : shown, locale);
        if (cards.length > 0) return this.shownInColour(cards, colour, turn);
      }
      if (ASKS_SIZE.test(text)) {
        turn.reply(say('sizesOnProductPage', locale));
        return turn.done('product_question', true);
      }
      const product = await this.shownProductMeant(shown, text, turn);
      if (product) return this.answerProduct(product, turn, text);
      // "Which one keeps drinks cold longest?" of several just shown, by something the shop has no
      // figure for (price and popularity were handled above): them side by side, not a new search.
      if (shown.length > 1 && ASKS_WHICH_OF_THEM.test(text.trim())) {
        const cards = await this.productsByIds(shown, locale);
        if (cards.length > 1) return this.compareProducts(cards, turn);
      }
      // "Is it waterproof?" / "多少钱" about several products just shown: which one, among them
      // (the general answer would ask for a product name the shopper has just been shown).
      if (
        shown.length > 1 &&
        // After an answer about one of them, "how much?" is about that one (showing several
        // products, or asking which, forgets the last one).
        !state.lastProductId &&
        pointsBack(text) &&
        (FOLLOW_UP_ABOUT_PRODUCT.test(text) || nlu.intent === 'product_question') &&
        !(await this.ports.findNamedProduct(text, locale)) &&
        (await this.ports.productsNamedInPart(text, locale, 1)).length === 0
      ) {
        const cards = await this.productsByIds(shown, locale);
        if (cards.length > 1) return this.askWhichProduct(cards, turn);
      }
    }
    // "I need a bigger one" (an upset complaint, 0.66, which would hand the chat to a person):
    // another size of something ordered, which the answer on changing an order covers (edit it
    // before it is packed, return and reorder once delivered). Not right after a product was
    // shown, where it asks about that product.
    if (
      WANTS_OTHER_SIZE.test(text) &&
      (nlu.outOfScope || nlu.intent === 'complaint') &&
      !productJustShown(state)
    ) {
      return this.handleIntent('change_order', text, nlu, ctx, turn);
    }
    if (
      nlu.intent === 'contact_human_agent' &&
      !nlu.outOfScope &&
      // "个人的就行" (a personal invoice will do, 0.27) and "昨晚湖人赢了没" (0.19) share a
      // character with 人工: an unsure reading is asked about rather than acted on.
      nlu.confidence >= HUMAN_REQUEST_MIN_CONFIDENCE
    ) {
      return turn.escalate('requested', 1, say('escalated', locale), 'contact_human_agent');
    }
    // "Absolutely love my new shoes" (a complaint to the model, 0.98) with a glowing sentiment
    // score: praise, answered as feedback, not "I'm sorry about this".
    if (
      nlu.intent === 'complaint' &&
      nlu.sentiment.label === 'positive' &&
      PRAISE.test(text) &&
      !NOT_PRAISE.test(text) &&
      !numberGiven
    ) {
      return this.handleIntent('review', text, nlu, ctx, turn);
    }
    if (
      nlu.intent === 'complaint' &&
      !nlu.outOfScope &&
      // An unsure reading ("我买的水壶什么时候到", complaint 0.31) is not a complaint to act on.
      nlu.confidence >= COMPLAINT_ESCALATION_MIN_CONFIDENCE &&
      nlu.sentiment.score <= this.options.negativeSentiment
    ) {
      return turn.escalate('negative_complaint', 2, say('escalated', locale), 'complaint');
    }
    // "I received a damaged item, order A105068" (however the model reads it with the number in:
    // "my sneakers arrived damaged, order A105068" is tracking 0.42), or the number alone right
    // after the complaint answer: what that answer asks for ("tell me what happened, with the
    // order number, and I will pass it to our team"), so it is passed to a person with the order.
    if (
      numberGiven &&
      ((nlu.intent === 'complaint' &&
        !nlu.outOfScope &&
        nlu.confidence >= COMPLAINT_ESCALATION_MIN_CONFIDENCE) ||
        ARRIVED_FAULTY.test(text) ||
        (state.lastIntent === 'complaint' && isBareOrderNumber(text)))
    ) {
      // Shown to the agent, like every number a shopper gives (whether or not it is theirs).
      const order = await this.ports.findOrderByNumber(numberGiven);
      if (order) noteDiscussed(order, turn);
      return turn.escalate(
        'order_problem',
        1,
        say('complaintPassedOn', locale, { number: numberGiven }),
        'complaint',
      );
    }
    // "My account got hacked": what to do now, and a colleague offered ("yes" hands over); the
    // model has no intent for it ("my account got hacked" is out of scope, "我的账号被盗了" reads
    // as closing the account, 0.93).
    if (accountTakenOver(text)) {
      // What follows ("what should I do?", "still can't get in") is about this answer.
      turn.state.lastIntent = 'account_security';
      offerPerson(turn, 'account_security', say('accountCompromised', locale));
      return turn.done('account_security', true);
    }
    // "Can you help me?" (declined at 0.51; "help" reads as a sign-up problem, 0.30): asked what
    // with, as a greeting is, with the usual starting points as chips.
    if (ASKS_FOR_HELP.test(text.trim())) return this.handleIntent('greeting', text, nlu, ctx, turn);
    // "I have a question about my order" (a password reset 0.22, "question about an order" placing
    // one 0.43): which order, as a tracking request asks (its status once known).
    if (ASKS_ABOUT_AN_ORDER.test(text.trim()))
      return this.handleIntent('track_order', text, nlu, ctx, turn);
    // "How long do I have?" right after a return or refund answer (delivery time, 0.43): the
    // return window.
    if (RETURN_TOPICS.has(state.lastIntent ?? '') && ASKS_TIME_LEFT.test(text.trim()))
      return this.handleIntent('check_refund_policy', text, nlu, ctx, turn);
    // "Are you a bot?": honestly yes, with a person one tap away.
    if (ASKS_IF_BOT.test(text) && text.length <= SHORT_REMARK_MAX_LENGTH) {
      turn.reply(say('iAmBot', locale), { quickReplies: [talkToPerson(locale)] });
      return turn.done('bot_identity', true);
    }
    // "And my phone number?" right after the answer on changing profile details (read as asking
    // for the shop's phone number, 0.66): the same answer, which covers it.
    if (previous === 'edit_account' && AND_ANOTHER_ACCOUNT_DETAIL.test(text.trim()))
      return this.handleIntent('edit_account', text, nlu, ctx, turn);
    // "What do I do now?" / "怎么办" right after an answer (the complaint answer asks what
    // happened; "I was charged twice" was told an agent checks it): a colleague is offered rather
    // than the fallback.
    if (state.lastIntent && !SMALL_TALK.has(state.lastIntent) && ASKS_WHAT_NOW.test(text.trim())) {
      const complaint = state.lastIntent === 'complaint';
      offerPerson(
        turn,
        state.lastIntent,
        say(complaint ? 'complaintNextStep' : 'whatNowPerson', locale),
      );
      return turn.done(state.lastIntent, true);
    }
    // "北京市朝阳区建国路88号" right after the answer on saved addresses (whose chip offers changing
    // an order's): the new address for an order, not the fallback.
    if (
      ADDRESS_TOPICS.has(previous ?? '') &&
      nlu.entities.some((e) => e.type === 'address') &&
      (nlu.outOfScope || nlu.confidence < this.options.clarifyBelow)
    ) {
      return this.handleIntent('change_shipping_address', text, nlu, ctx, turn);
    }
    // "送妈妈的" / "it's for my dad" right after recommendations: the same request, for them.
    if (
      state.lastIntent === 'product_recommendation' &&
      GIFT_RECIPIENT.test(text) &&
      (nlu.outOfScope || nlu.confidence < this.options.clarifyBelow)
    ) {
      return this.recommend(text, turn, state.lastRecommendation);
    }
    // "Still not working" / "还是不行" right after an answer: it did not help. A person is offered,
    // and a second time the chat goes to one (as after two misunderstood messages).
    if (
      state.lastIntent &&
      !SMALL_TALK.has(state.lastIntent) &&
      NOT_RESOLVED.test(text) &&
      // "And if it's been 35 days?", "如果已经过了30天呢": a question about a case, not a report.
      !ASKS_WHAT_IF.test(text) &&
      text.length <= SHORT_REMARK_MAX_LENGTH &&
      // "My order is still not here" asks about the order (tracking answers it).
      !NOT_ABOUT_PRODUCT.test(text)
    ) {
      if ((state.failures ?? 0) + 1 >= this.options.maxFailures) {
        return turn.escalate('repeated_failure', 0, say('escalated', locale), state.lastIntent);
      }
      offerPerson(turn, state.lastIntent, say('notResolved', locale));
      return turn.done(state.lastIntent, false);
    }
    // Where an order is, whatever the model reads into the words: "it says delivered but it
    // never came" (a sign-up e-mail that never came), "where's my delivery?" (delivery options
    // 0.35), "where are the boots I ordered" (a complaint, 0.78), "i'm still waiting for my
    // parcel" (a refund question, 0.55). "My jacket never arrived" too, unless the model is
    // sure of another reading ("the code never came to my phone" is a sign-up problem).
    const notOrderReading =
      !isOrderRelated(nlu.intent) || (nlu.intent === 'track_refund' && !ABOUT_MONEY.test(text));
    const unsureReading =
      nlu.outOfScope || nlu.intent === 'complaint' || nlu.intent === 'track_refund';
    // "I never got an email confirming my order" is a missing confirmation (answered below).
    const notArrived = NOT_RECEIVED.test(text) && !saysNoOrderConfirmation(text);
    if (
      notOrderReading &&
      ((notArrived && ABOUT_PARCEL.test(text)) ||
        ASKS_WHERE_ORDER_IS.test(text) ||
        // "where's A105068" (declined at 0.52): where that order is.
        (ASKS_WHERE.test(text) && !!numberGiven && !NOT_ABOUT_DELIVERY.test(text)) ||
        (notArrived && unsureReading && SOMETHING_ORDERED.test(text)) ||
        // "My package is late" (out of scope 0.62): its status (and a colleague to chase it).
        (complainsOfSlowness(text) && unsureReading && ABOUT_PARCEL.test(text)) ||
        // "我上次买的东西什么时候到" (out of scope, 0.69): when something ordered arrives.
        (ASKS_WHEN_ARRIVES.test(text) && unsureReading && BOUGHT_SOMETHING.test(text)) ||
        // "Where is the webcam?" / "水壶什么时候到" from a signed-in shopper whose order holds one.
        ((ASKS_WHERE.test(text) || ASKS_WHEN_ARRIVES.test(text)) &&
          !!(await this.orderWithItemNamed(text, ctx, turn))))
    ) {
      return this.handleIntent('track_order', text, nlu, ctx, turn);
    }
    // "This is the third time I'm asking, where is my refund" (a refund request, 0.68): the
    // state of the refund, not how to ask for one.
    if (
      (nlu.intent === 'get_refund' || nlu.intent === 'check_refund_policy') &&
      ASKS_WHERE_REFUND_IS.test(text)
    ) {
      return this.handleIntent('track_refund', text, nlu, ctx, turn);
    }
    // "要多久退款", "退货后多久能收到钱" (delivery time, 0.6-0.99): a refund takes time, a parcel
    // is not what is coming.
    if (nlu.intent === 'delivery_period' && REFUND_MONEY.test(text)) {
      return this.handleIntent('track_refund', text, nlu, ctx, turn);
    }
    // "How much is it?" right after a product answer is about that product, whatever the model
    // reads it as (out of context, "how much does it cost" is most like a cancellation-fee question).
    if (
      state.lastIntent === 'product_question' &&
      FOLLOW_UP_ABOUT_PRODUCT.test(text) &&
      pointsBack(text) &&
      !NOT_ABOUT_PRODUCT.test(text)
    ) {
      const answered = await this.aboutProduct(text, turn);
      if (answered) return answered;
    }
    // "How much does express cost?" right after a delivery answer is about delivery, whatever the
    // model reads into "how much … cost" alone (a cancellation fee, 0.90); so is "how much does
    // that cost?" / "要多少钱" pointing back at it.
    if (
      DELIVERY_INTENTS.has(state.lastIntent ?? '') &&
      !DELIVERY_INTENTS.has(nlu.intent) &&
      (ABOUT_DELIVERY_METHOD.test(text) || (ASKS_COST.test(text) && pointsBack(text))) &&
      !NOT_ABOUT_DELIVERY.test(text) &&
      !ESCALATING.has(nlu.intent) &&
      // "Where is my order? shipping was 5 days ago" is about that order.
      !isOrderRelated(nlu.intent) &&
      !numberGiven
    ) {
      return this.handleIntent('delivery_options', text, nlu, ctx, turn);
    }
    // "500元以内的" / "cheaper ones?" right after recommendations narrows them, whatever the model
    // makes of the message alone (out of context "cheaper ones?" reads like an order question).
    // So does "有没有便宜点的" after being asked which of several products of a kind was meant.
    const choosing =
      state.lastIntent === 'product_recommendation' || state.pending?.kind === 'pick_product';
    if (
      choosing &&
      state.lastRecommendation &&
      narrowsPrice(text) &&
      !NOT_ABOUT_PRODUCT.test(text) &&
      !ESCALATING.has(nlu.intent)
    ) {
      return this.recommend(text, turn, state.lastRecommendation);
    }
    // "催一下" (tracking 0.35), "能快点吗" / "can you hurry it up" (out of scope): the order's
    // status, and a person who can ask the warehouse (the bot cannot hurry anything).
    if (
      asksToHurry(text) &&
      (nlu.outOfScope ||
        nlu.confidence < this.options.clarifyBelow ||
        HURRY_READINGS.has(nlu.intent))
    ) {
      return this.handleIntent('track_order', text, nlu, ctx, turn);
    }
    // "太慢了吧" (a complaint, 0.44) / "that's way too slow" (out of scope) right after an order's
    // status: said of that order, and answered like a request to hurry it.
    if (complainsOfSlowness(text) && HURRY_READINGS.has(previous ?? '') && lastDiscussed) {
      return this.handleIntent('track_order', text, nlu, ctx, turn);
    }
    // "什么时候到" (declined at 0.68) right after an order's status: when that order arrives.
    if (
      ASKS_WHEN_ARRIVES.test(text) &&
      HURRY_READINGS.has(previous ?? '') &&
      lastDiscussed &&
      (nlu.outOfScope || nlu.confidence < this.options.clarifyBelow)
    ) {
      return this.handleIntent('delivery_period', text, nlu, ctx, turn);
    }
    // "Why was my order cancelled?" (cancel_order 0.85, out of scope 0.61 in Chinese): the order's
    // status, whose reply for a cancelled order says what happens to the money and offers a person.
    if (ASKS_WHY_CANCELLED.test(text))
      return this.handleIntent('track_order', text, nlu, ctx, turn);
    // "I placed an order but never got a confirmation e-mail" (tracking 0.59, a payment problem
    // 0.87, "下单后没收到确认邮件" a sign-up problem 0.69): asking for the order number the missing
    // e-mail would have carried leads nowhere. A payment taken without one keeps its answer.
    if (saysNoOrderConfirmation(text) && !CONFIRMATION_WITH_OTHER_PROBLEM.test(text))
      return this.missingConfirmation(ctx, turn);
    // A question from the shop's own FAQ, asked in other words: the shop's answer, before any
    // intent's general one ("do you sell gift cards?" reads as a product recommendation). An order
    // request still goes to the order flow.
    // A question about an order without its number can still be the FAQ's: "如果我买的东西降价了，
    // 可以退差价吗" reads as a refund request (0.85) but is the price-drop entry.
    if (
      nlu.outOfScope ||
      !isOrderRelated(nlu.intent) ||
      (FAQ_BEFORE_ORDER_QUESTION.has(nlu.intent) && !numberGiven)
    ) {
      const faq = await this.faqByWords(text, turn);
      if (faq) return this.faqReply(faq, turn);
    }
    // "The website won't let me log in" (out of scope, 0.96): what to do when signing in fails.
    if ((nlu.outOfScope || nlu.confidence < this.options.clarifyBelow) && CANNOT_SIGN_IN.test(text))
      return this.handleIntent('recover_password', text, nlu, ctx, turn);
    // "My webcam is broken" (out of scope, 0.94): something of a kind the shop sells, theirs and
    // faulty: the complaint answer (what happened, with the order number, passed to a person).
    if (
      (nlu.outOfScope || nlu.confidence < this.options.clarifyBelow) &&
      (ARRIVED_FAULTY.test(text) || POOR_QUALITY.test(text)) &&
      SAYS_OWN_ITEM.test(text) &&
      text.length <= SHORT_REMARK_MAX_LENGTH &&
      namesKindOfProduct(
        text,
        await this.popularProducts(undefined, CANDIDATES_WITHOUT_CATEGORY, turn),
        { anyMention: true },
      )
    ) {
      return this.handleIntent('complaint', text, nlu, ctx, turn);
    }
    // "Can you tell me if the Juniper Slim Webcam works with Zoom on a Chromebook?" (out of scope,
    // 0.85): a question about a product the shop sells, named in full.
    if (
      (nlu.outOfScope || nlu.confidence < this.options.clarifyBelow) &&
      !NOT_ABOUT_PRODUCT.test(text) &&
      (await this.ports.findNamedProduct(text, locale))
    ) {
      return this.handleIntent('product_question', text, nlu, ctx, turn);
    }
    // "do you stock headlamps" (out of scope), "你好，有睡袋吗" (a greeting, 0.74), "where can I find
    // yoga mats" (customer service, 0.51): a shopper asking for things the shop sells, in words
    // the model did not learn, is shown those products rather than told "I'm not sure I can help".
    if (
      mayBeShopping(text, nlu) &&
      namesKindOfProduct(
        text,
        await this.popularProducts(undefined, CANDIDATES_WITHOUT_CATEGORY, turn),
      )
    ) {
      return this.recommend(text, turn);
    }
    // "what's trending right now" (out of scope 0.95), "最火的是什么" (1.00): the shop's popular
    // products rather than the fallback.
    if (
      asksWhatIsPopular(text) &&
      (nlu.outOfScope || nlu.confidence < this.options.clarifyBelow) &&
      !NOT_ABOUT_PRODUCT.test(text)
    ) {
      return this.recommend(text, turn);
    }
    // "ok add it to my cart" (out of scope): how to buy it, not "I'm not sure I can help".
    if (
      TAKES_IT.test(text) &&
      (nlu.outOfScope || nlu.confidence < this.options.clarifyBelow) &&
      !NOT_ABOUT_PRODUCT.test(text)
    ) {
      return this.handleIntent('place_order', text, nlu, ctx, turn);
    }
    // "怎么退" (out of scope 0.80, a refund 0.20) right after a refund answer: a short follow-up
    // whose likeliest in-scope reading is on the topic just answered continues that topic.
    const likely = nlu.alternatives[0];
    if (
      nlu.outOfScope &&
      likely &&
      likely.confidence >= FOLLOW_UP_MIN_CONFIDENCE &&
      state.lastIntent &&
      sameTopic(likely.intent, state.lastIntent) &&
      // "lol" after a greeting is not a second hello; a person is only handed over when asked.
      !SMALL_TALK.has(likely.intent) &&
      !ESCALATING.has(likely.intent) &&
      pointsBack(text)
    ) {
      return this.handleIntent(likely.intent, text, nlu, ctx, turn);
    }
    // "你们的耳机音质怎么样" (declined at 0.44, a product question 0.40): a question about products
    // the shop sells, named or by kind, is answered (or asked which) rather than declined.
    if (
      nlu.outOfScope &&
      likely?.intent === 'product_question' &&
      likely.confidence >= SUGGEST_WHEN_DECLINED &&
      !NOT_ABOUT_PRODUCT.test(text)
    ) {
      const answered = await this.aboutProduct(text, turn);
      if (answered) {
        turn.state.lastIntent = 'product_question';
        return answered;
      }
    }
    // "12345" alone (declined at 0.79): an order number, looked up like "A105068" alone is (a
    // number the shop does not have is said so, with what one looks like).
    if (nlu.outOfScope && numberGiven && isBareOrderNumber(text))
      return this.handleIntent('track_order', text, nlu, ctx, turn);
    if (nlu.outOfScope) return this.fallback(text, nlu, state, turn);

    const [top, second] = [nlu.alternatives[0], nlu.alternatives[1]];
    if (
      second &&
      top &&
      top.confidence < this.options.clarifyBelow &&
      top.confidence - second.confidence < this.options.clarifyMargin &&
      // "ok thanks bye" (thanks 0.52, goodbye 0.48): either reply fits, asking which would not.
      !(SMALL_TALK.has(top.intent) && SMALL_TALK.has(second.intent))
    ) {
      const options = nlu.alternatives.slice(0, 3).map((a) => a.intent);
      turn.state.pending = { kind: 'clarify', options };
      turn.reply(say('clarify', locale), {
        quickReplies: options.map((intent) => ({
          label: INTENT_LABELS[intent]?.[locale] ?? intent,
          value: intent,
        })),
      });
      return turn.done('clarify', true);
    }
    return this.handleIntent(nlu.intent, text, nlu, ctx, turn);
  }

  private async handleIntent(
    understood: string,
    text: string,
    nlu: Understanding,
    ctx: TurnContext,
    turn: Turn,
  ): Promise<Decision> {
    const intent = intentMeant(understood, text);
    turn.state.lastIntent = intent;
    if ((ORDER_INTENTS as string[]).includes(intent)) {
      return this.startOrderFlow(intent as OrderIntent, text, nlu, ctx, turn);
    }
    // "When was it delivered?" (delivery time) asks what happened, not when it will come: the
    // status, without the "if it hasn't reached you" a delivery-time question about a delivered
    // order gets.
    if (intent === 'delivery_period' && ASKS_WHEN_DELIVERED.test(text))
      return this.handleIntent('track_order', text, nlu, ctx, turn);
    if (isOrderQuestion(intent)) return this.orderQuestion(intent, text, nlu, ctx, turn);
    if (intent === 'product_recommendation') return this.recommend(text, turn);
    // "我要买这个" / "I'll take it" right after an answer about one product (or a recommendation
    // of one): that product's card to add to the cart from, then how to check out.
    const justShown = productJustShown(turn.state, turn.previousIntent);
    if (intent === 'place_order' && justShown && pointsBack(text)) {
      const product = await this.ports.findProductById(justShown, turn.locale);
      if (product) {
        const { description: _d, stock, ...card } = product;
        const soldOut = stock !== null && stock <= 0;
        turn.reply(
          say(soldOut ? 'buyThisSoldOut' : 'buyThis', turn.locale, { title: card.title }),
          {
            products: [card],
          },
        );
        if (soldOut) return turn.done(intent, true);
        return this.templateReply(intent, turn);
      }
    }
    // "I want to buy a gift for my sister" (placing an order): gift ideas, not the checkout steps.
    if (intent === 'place_order' && ASKS_FOR_GIFT.test(text)) return this.recommend(text, turn);
    // "I want to buy headphones": the shop's headphones, then how to check out ("the second one"
    // or "under $100" next still refer to the products shown).
    if (intent === 'place_order' && (await this.namesProductsWeSell(text, turn))) {
      await this.recommend(text, turn);
      return this.templateReply(intent, turn);
    }
    if (intent === 'product_question') {
      const answered = await this.aboutProduct(text, turn);
      if (answered) return answered;
      // "有婴儿用品吗" / "do you have dog leads?" names no product of ours but asks for a kind of
      // product: what the shop has (or that it has nothing like it), not "which product?".
      if (asksForKindOfProduct(text) && !NOT_ABOUT_PRODUCT.test(text)) {
        return this.recommend(text, turn);
      }
      // The shop's answer asks which product is meant.
      turn.state.pending = { kind: 'name_product' };
    }
    if (intent === 'contact_human_agent')
      return turn.escalate('requested', 1, say('escalated', turn.locale), intent);
    // The answer to a payment problem says an agent checks double or unconfirmed charges: "yes
    // please" next asks for one.
    if (intent === 'payment_issue') turn.state.pending = { kind: 'offered_person', intent };
    return this.templateReply(intent, turn);
  }

  /**
   * Of the products just shown, the one the message points at: by position ("the second one"),
   * by price ("which one is the cheapest?") or by popularity ("which is the best rated"); null
   * when it points at none.
   */
  private async shownProductMeant(
    shown: string[],
    text: string,
    turn: Turn,
  ): Promise<ProductDetail | null> {
    const { locale } = turn;
    const id = atPosition(shown, text);
    if (id) return this.ports.findProductById(id, locale);
    const pick = pickedAmongShown(text);
    if (!pick) return null;
    // "Which one is the best?" of one: that one (answerProduct says it is the only one).
    if (shown.length === 1) return this.ports.findProductById(shown[0], locale);
    if (pick === 'popular') {
      // Shown products may have been sorted by price: the shop's popularity order decides.
      const popular = await this.popularProducts(undefined, CANDIDATES_WITHOUT_CATEGORY, turn);
      const rank = (id: string) => {
        const at = popular.findIndex((p) => p.id === id);
        return at < 0 ? Infinity : at;
      };
      const best = [...shown].sort((a, b) => rank(a) - rank(b))[0];
      return this.ports.findProductById(best, locale);
    }
    const byPrice = (await Promise.all(shown.map((p) => this.ports.findProductById(p, locale))))
      .filter((p): p is ProductDetail => p !== null)
      .sort((a, b) => a.price - b.price);
    return (pick === 'cheapest' ? byPrice[0] : byPrice.at(-1)) ?? null;
  }

  /** "Yes" to nothing asked: what can I help with (no intent's answer, no failure counted). */
  private yesToNothing(turn: Turn): Decision {
    turn.reply(say('whatCanIDo', turn.locale), { quickReplies: [talkToPerson(turn.locale)] });
    return turn.done('acknowledged', true);
  }

  /**
   * A signed-in shopper's latest orders with what was in them; a tap tracks one. `openOnly`:
   * those still to come (all of them, up to the recent ones read), or, when none is, the latest.
   */
  private async orderHistory(
    ctx: TurnContext,
    turn: Turn,
    { openOnly = false } = {},
  ): Promise<Decision> {
    const { locale } = turn;
    turn.state.lastIntent = 'track_order';
    if (!ctx.customerId) {
      turn.reply(say('orderHistoryNeedsSignIn', locale));
      return turn.done('track_order', true);
    }
    const recent = await this.ports.recentOrders(
      ctx.customerId,
      openOnly ? RECENT_ORDERS : HISTORY_LENGTH,
    );
    if (recent.length === 0) {
      turn.reply(say('noOrdersYet', locale));
      return turn.done('track_order', true);
    }
    const open = recent.filter((o) => OPEN.has(o.status));
    const listed = openOnly && open.length > 0 ? open : recent;
    const orders = listed.slice(0, openOnly ? RECENT_ORDERS : HISTORY_LENGTH);
    const phrase = !openOnly ? 'orderHistory' : open.length > 0 ? 'openOrders' : 'noOpenOrders';
    const lines = orders.map((o) => {
      const items = itemsInOrder(o, locale);
      const date = placedOn(o, locale);
      const colon = locale === 'zh' ? '：' : ': ';
      return `• ${o.number} · ${date} · ${statusWord(o.status, locale)}${colon}${items}`;
    });
    turn.state.pending = { kind: 'order_number', intent: 'track_order', attempts: 0 };
    turn.reply(say(phrase, locale, { lines: lines.join('\n') }), {
      quickReplies: this.orderChips(orders, turn),
    });
    return turn.done('track_order', true);
  }

  /** The shop's template answer for `intent`, filled with the order it is about when known. */
  private async templateReply(
    intent: string,
    turn: Turn,
    about: {
      order?: OrderView;
      refund?: { status: string; amount: string };
      quickReplies?: QuickReply[];
      /** Said before the template's answer (what this order's state changes about it). */
      lead?: string;
    } = {},
  ): Promise<Decision> {
    const answer = await this.ports.templateAnswer({
      intent,
      locale: turn.locale,
      vector: turn.nlu.vector,
      firstName: turn.ctx.firstName,
      order: about.order,
      refund: about.refund,
    });
    const answered = answer?.text ?? say('genericAnswer', turn.locale);
    const text = about.lead ? about.lead + SENTENCE_GAP[turn.locale] + answered : answered;
    let quickReplies = [...(about.quickReplies ?? []), ...(answer?.payload?.quickReplies ?? [])];
    // The template's "Cancel the order" is no option for an order that can no longer be cancelled.
    if (about.order && !CANCELLABLE.has(about.order.status))
      quickReplies = quickReplies.filter((q) => !CANCEL_CHIP.test(q.label));
    // An upset shopper ("third time it arrived broken, useless") still gets the answer, but with an
    // apology and a person one tap away; only a complaint escalates by itself.
    const { score, label } = turn.nlu.sentiment;
    // A question about how things work ("能货到付款吗") or a product is no problem report: only
    // plainly angry words make it upset (the review-trained model finds "货到" negative).
    const upset = PLAIN_QUESTIONS.has(intent)
      ? score <= ANGRY_QUESTION_SCORE
      : label === 'negative' && !NO_APOLOGY.has(intent);
    const apologise = upset && !opensWithApology(text);
    const person = talkToPerson(turn.locale);
    // The template may already offer one (as its own "Talk to a person" chip).
    const isPerson = (q: QuickReply) => q.value === person.value || q.label === person.label;
    if (upset && !quickReplies.some(isPerson)) quickReplies.push(person);
    if (quickReplies.length > MAX_QUICK_REPLIES) {
      // Orders to pick from come first and a person stays; the template's extras give way.
      const keep = quickReplies.filter(isPerson).slice(0, 1);
      quickReplies = [
        ...quickReplies.filter((q) => !isPerson(q)).slice(0, MAX_QUICK_REPLIES - keep.length),
        ...keep,
      ];
    }
    const payload = {
      ...answer?.payload,
      ...(about.order ? { order: about.order } : {}),
      ...(quickReplies.length > 0 ? { quickReplies } : {}),
    };
    turn.reply(
      apologise ? say('sorryToHear', turn.locale) + SENTENCE_GAP[turn.locale] + text : text,
      Object.keys(payload).length > 0 ? payload : undefined,
    );
    return turn.done(intent, !!answer);
  }

  /**
   * "Where is my refund?", "when will it arrive?", "I need the invoice": the template answers in
   * general, and about the order when the shopper names it (number, "it" after one was discussed,
   * or a signed-in shopper's only order it can be about). Answered in general, a number typed next
   * is taken as the order meant, as the answer invites.
   */
  private async orderQuestion(
    intent: OrderQuestionIntent,
    text: string,
    nlu: Understanding,
    ctx: TurnContext,
    turn: Turn,
  ): Promise<Decision> {
    // A parcel said to be missing is about tracking; another question starts afresh.
    turn.state.notReceived = undefined;
    const number = orderNumberIn(text, nlu);
    if (number) return this.withOrderNumber(intent, number, ctx, turn);
    // "I want to return the running shoes": the order they came in (of several, which one).
    const holding = await this.ordersWithItemNamed(text, ctx, turn);
    if (holding.length === 1) return this.actOnOrder(intent, holding[0], turn);
    const lastDiscussed = turn.state.ordersDiscussed?.at(-1);
    const last = lastDiscussed ? await this.orderById(lastDiscussed) : null;
    // "When will it arrive?" means the order discussed. So does "什么时候能到" (Chinese drops the
    // "it") straight after an answer about an order the shopper may see.
    const mayOpen =
      !!last &&
      (ctx.customerId
        ? last.customerId === ctx.customerId
        : !!turn.state.verifiedOrderIds?.includes(last.id));
    // "…from my last delivered order" right after another order was discussed means another one.
    const statuses = statusesNamed(text);
    const namesAnother = !!last && statuses.length > 0 && !statuses.includes(last.status);
    if (
      last &&
      !namesAnother &&
      (REFERS_BACK.test(text) || (mayOpen && isOrderRelated(turn.previousIntent ?? '')))
    ) {
      return this.withOrderNumber(intent, last.number, ctx, turn);
    }
    let choices: OrderView[] = [];
    if (ctx.customerId) {
      const recent = await this.recentOrders(ctx.customerId, turn);
      // Changing an item already received is an exchange: it is about a delivered order.
      const fits =
        statuses.length > 0
          ? new Set(statuses)
          : intent === 'change_order' && ALREADY_RECEIVED.test(text)
            ? DELIVERED
            : ORDER_QUESTIONS[intent];
      // Several orders hold the item named: those (with the status named, if one is), whatever
      // the question usually fits; otherwise the orders it fits.
      choices =
        holding.length > 1
          ? holding.filter((o) => statuses.length === 0 || fits.has(o.status))
          : recent.filter((o) => fits.has(o.status));
      // "My last delivered order": the latest of them (recent orders come newest first).
      if (choices.length === 1 || (choices.length > 1 && statuses.length > 0 && LATEST.test(text)))
        return this.actOnOrder(intent, choices[0], turn);
      // "Do I have any refunds pending?": none of their orders has one, which the template's
      // "tell me the order number" would leave them to find out one order at a time.
      if (intent === 'track_refund' && choices.length === 0 && recent.length > 0) {
        turn.state.pending = { kind: 'order_offer', intent };
        turn.reply(say('noRefundUnderWay', turn.locale), {
          quickReplies: [talkToPerson(turn.locale)],
        });
        return turn.done(intent, true);
      }
    }
    turn.state.pending = { kind: 'order_offer', intent };
    // "I need to return a jacket, it doesn't fit": the way to another size comes with the steps.
    const otherSize =
      intent === 'get_refund' && (DOES_NOT_FIT.test(text) || WANTS_OTHER_SIZE.test(text));
    const changedMind = intent === 'get_refund' && CHANGED_MIND.test(text);
    return this.templateReply(intent, turn, {
      quickReplies: this.orderChips(choices.slice(0, 3), turn),
      lead: otherSize
        ? say('doesNotFitLead', turn.locale)
        : changedMind
          ? say('changedMindLead', turn.locale)
          : undefined,
    });
  }

  /**
   * No order confirmation came: a signed-in shopper's order of the last two weeks shows it went
   * through (and where the e-mail went); otherwise what to check, and a person who can find the
   * order by name or e-mail address.
   */
  private async missingConfirmation(ctx: TurnContext, turn: Turn): Promise<Decision> {
    const { locale } = turn;
    turn.state.lastIntent = 'track_order';
    const [latest] = ctx.customerId ? await this.recentOrders(ctx.customerId, turn) : [];
    if (latest && Date.now() - Date.parse(latest.placedAt) < CONFIRMATION_LOOKBACK_MS) {
      noteDiscussed(latest, turn);
      turn.action('order_viewed', latest.id);
      turn.reply(
        say('orderWentThrough', locale, {
          number: latest.number,
          date: placedOn(latest, locale),
          status: statusWord(latest.status, locale),
          email: latest.customerEmail ?? '',
        }),
        { order: latest },
      );
      return turn.done('track_order', true);
    }
    offerPerson(turn, 'track_order', say('noOrderConfirmation', locale));
    return turn.done('track_order', true);
  }

  /** A signed-in shopper's latest orders (newest first); read once per turn. */
  private recentOrders(customerId: string, turn: Turn): Promise<OrderView[]> {
    turn.recentOrders ??= this.ports.recentOrders(customerId, RECENT_ORDERS);
    return turn.recentOrders;
  }

  /**
   * The one recent order of a signed-in shopper holding the kind of product the message names
   * ("the running shoes", "the water bottle order"); none when no order or several do.
   */
  private async orderWithItemNamed(
    text: string,
    ctx: TurnContext,
    turn: Turn,
  ): Promise<OrderView | undefined> {
    const holding = await this.ordersWithItemNamed(text, ctx, turn);
    return holding.length === 1 ? holding[0] : undefined;
  }

  /** A signed-in shopper's recent orders holding the kind of product the message names. */
  private async ordersWithItemNamed(
    text: string,
    ctx: TurnContext,
    turn: Turn,
  ): Promise<OrderView[]> {
    if (!ctx.customerId) return [];
    return ordersHoldingItemNamed(text, await this.recentOrders(ctx.customerId, turn));
  }

  /** Answers an order question about an order the shopper owns (checked by the caller). */
  private async answerAboutOrder(
    intent: OrderQuestionIntent,
    order: OrderView,
    turn: Turn,
  ): Promise<Decision> {
    const { locale } = turn;
    const values = { number: order.number, status: statusWord(order.status, locale) };
    turn.action('order_viewed', order.id);
    const refund = refundStateOf(order);
    if (intent === 'delivery_period') return this.orderStatusReply(intent, order, turn);
    if (refund && (intent === 'track_refund' || intent === 'get_refund')) {
      return this.templateReply('track_refund', turn, {
        order,
        refund: {
          status: say(refund, locale),
          amount: formatMoney(order.total, order.currency, locale),
        },
      });
    }
    if (intent === 'track_refund') {
      turn.reply(say('noRefundOnOrder', locale, values), {
        order,
        quickReplies: [talkToPerson(locale)],
      });
      return turn.done(intent, true);
    }
    if (intent === 'get_refund' && CANCELLABLE.has(order.status)) {
      // Not shipped yet: cancelling is the refund.
      const cancel = say('cancelThisOrder', locale, values);
      turn.state.pending = { kind: 'offered_cancel', orderNumber: order.number };
      turn.reply(
        say(order.status === 'pending' ? 'notPaidYet' : 'refundByCancelling', locale, values),
        {
          order,
          quickReplies: [{ label: cancel, value: cancel }, talkToPerson(locale)],
        },
      );
      return turn.done(intent, true);
    }
    // "I want to return the sneakers" while they are still on the way: nothing can be sent back
    // yet, which the template's return steps alone would leave the shopper to find out.
    if (intent === 'get_refund' && order.status === 'shipped') {
      const eta = order.eta ? say('orderEta', locale, { eta: order.eta }) : '';
      return this.templateReply(intent, turn, {
        order,
        lead: say('returnOnceArrived', locale, { ...values, eta }),
      });
    }
    // A change to an order that is over (cancelled, refunded) is a new order; the template's
    // "edit it under My account" would send the shopper looking for a button that is not there.
    if (intent === 'change_order' && CLOSED.has(order.status)) {
      turn.reply(say('closedOrderUnchangeable', locale, values), { order });
      return turn.done(intent, true);
    }
    if (intent === 'check_invoice' || intent === 'get_invoice') {
      if (turn.companyInvoice && order.status !== 'cancelled')
        return passInvoiceRequest(order, intent, turn);
      // Invoices are issued when an order ships.
      if (order.status === 'cancelled' || CANCELLABLE.has(order.status)) {
        turn.reply(
          say(
            order.status === 'cancelled' ? 'noInvoiceCancelled' : 'invoiceAfterShipping',
            locale,
            values,
          ),
          { order },
        );
        return turn.done(intent, true);
      }
    }
    return this.templateReply(intent, turn, { order });
  }

  /** "Order A10001 is on its way. Expected delivery: …", with the tracking link once shipped. */
  private orderStatusReply(intent: string, order: OrderView, turn: Turn): Decision {
    const { locale } = turn;
    const eta =
      order.eta && ['paid', 'processing', 'shipped'].includes(order.status)
        ? say('orderEta', locale, { eta: order.eta })
        : '';
    const tracking =
      order.trackingUrl && order.status === 'shipped'
        ? say('orderTracking', locale, { url: order.trackingUrl })
        : '';
    // "Delivered" to a shopper who says it never came, or who asks when it will arrive, is where a
    // person (and a trace) is needed.
    const missing =
      order.status === 'delivered' && (!!turn.state.notReceived || intent === 'delivery_period');
    // The tracking says delivered while the shop's record says on its way: a carrier's early scan.
    const scannedEarly =
      order.status === 'shipped' && turn.state.notReceived === 'marked_delivered';
    // "催一下" about an order still to come: the bot cannot hurry it, a person can ask.
    const hurried = !!turn.state.hurry && OPEN.has(order.status);
    turn.state.hurry = undefined;
    const text = say('orderStatus', locale, {
      number: order.number,
      status: statusWord(order.status, locale),
      eta,
      tracking,
    });
    // "Cancelled" alone leaves a shopper asking where their parcel is with the next question:
    // will it come, is the money back, and what if they never cancelled it.
    const note = missing
      ? say('deliveredNotReceived', locale)
      : scannedEarly
        ? say('markedDeliveredOnItsWay', locale)
        : order.status === 'cancelled'
          ? say('cancelledNotComing', locale)
          : hurried
            ? say('cannotHurry', locale)
            : '';
    // A Chinese note straight after the tracking link would read as part of the link.
    const reply = tracking && note && !/^\s/.test(note) ? `${text} ${note}` : text + note;
    turn.reply(reply, note ? { order, quickReplies: [talkToPerson(locale)] } : { order });
    return turn.done(intent, true);
  }

  /**
   * A question about a product the shopper names ("is the Ember All-Weather Hiking Backpack
   * waterproof?") or the one just answered about ("is it in stock?"): what the shop says about
   * it (price, stock, description) with its card, and a person for what that does not answer.
   * Null when no one product is meant (the template asks which).
   */
  private async aboutProduct(text: string, turn: Turn): Promise<Decision | null> {
    const { locale } = turn;
    const lastProductId = turn.state.lastProductId;
    const product =
      (await this.ports.findNamedProduct(text, locale)) ??
      (lastProductId && pointsBack(text)
        ? await this.ports.findProductById(lastProductId, locale)
        : null);
    if (product) return this.answerProduct(product, turn, text);
    const bought = await this.productBought(text, turn);
    if (bought) return this.answerProduct(bought, turn, text);
    // "The Ember backpack" when the shop has several: show them and ask which.
    const partly = await this.ports.productsNamedInPart(text, locale, PRODUCTS_PER_REPLY);
    if (partly.length === 1) return this.answerProduct(partly[0], turn);
    if (partly.length > 1) {
      if (COMPARES.test(text)) return this.compareProducts(partly, turn);
      // "Any cheaper ones?" next narrows these down.
      turn.state.lastRecommendation = text;
      return this.askWhichProduct(partly, turn);
    }
    // "What's the warranty on the webcam?": the shop's products of that kind, most popular first
    // (one is answered about; of several, which one).
    const popular = await this.popularProducts(undefined, CANDIDATES_WITHOUT_CATEGORY, turn);
    const names = kindNamedIn(text, { anyMention: true });
    const ofKind = popular.filter((p) => names(p.title)).slice(0, PRODUCTS_PER_REPLY);
    if (ofKind.length === 0) return null;
    const details = await this.productsByIds(
      ofKind.map((p) => p.id),
      locale,
    );
    if (details.length === 1) return this.answerProduct(details[0], turn, text);
    if (details.length < 2) return null;
    if (COMPARES.test(text)) return this.compareProducts(details, turn);
    turn.state.lastRecommendation = text;
    return this.askWhichProduct(details, turn);
  }

  /**
   * "What's the difference between the Juniper and the Lumen water bottle?" / "这两款水壶有什么区别":
   * the products side by side (price, stock, description), rather than asking which one is meant.
   */
  private compareProducts(products: ProductDetail[], turn: Turn): Decision {
    const { locale } = turn;
    const lines = products.map((product) => {
      const facts = {
        title: product.title,
        price: formatMoney(product.price, product.currency, locale),
        stock: stockWords(product, locale),
      };
      const description = product.description ? SENTENCE_GAP[locale] + product.description : '';
      return `• ${say('productBrief', locale, facts)}${description}`;
    });
    const cards = products.map(cardOf);
    // "The first one" / "the cheaper one" next picks among them.
    turn.state.productsShown = cards.map((c) => c.id);
    turn.state.lastProductId = undefined;
    turn.reply([say('compareIntro', locale), ...lines, say('compareOutro', locale)].join('\n'), {
      products: cards,
      quickReplies: [talkToPerson(locale)],
    });
    return turn.done('product_question', true);
  }

  /**
   * "I bought a webcam from you, is it compatible with mac?" / "我买的水壶能装热水吗" from a signed-in
   * shopper: the product of that kind in their recent orders, when there is exactly one (asking
   * which of the shop's webcams they mean would ignore what they just said).
   */
  private async productBought(text: string, turn: Turn): Promise<ProductDetail | null> {
    const { customerId } = turn.ctx;
    if (!customerId || !SAYS_OWN_ITEM.test(text)) return null;
    const names = kindNamedIn(text, { anyMention: true });
    const titles = new Set(
      (await this.recentOrders(customerId, turn))
        .flatMap((order) => order.items)
        .filter((item) => names(item.title) || (!!item.titleZh && names(item.titleZh)))
        .map((item) => item.title),
    );
    if (titles.size !== 1) return null;
    return this.ports.findNamedProduct([...titles][0], turn.locale);
  }

  /**
   * "Can I order it again?" right after a signed-in shopper's order was shown: that order's
   * products, as cards to add to the cart (the model reads it as how to place an order). Null
   * when no single order is in view or the shop no longer sells what was in it.
   */
  private async reorder(
    state: DialogueState,
    ctx: TurnContext,
    turn: Turn,
  ): Promise<Decision | null> {
    if (!ctx.customerId) return null;
    const discussed = state.ordersDiscussed?.at(-1);
    const offered = state.ordersOffered ?? [];
    const order = discussed
      ? await this.orderById(discussed)
      : offered.length === 1
        ? await this.ports.findOrderByNumber(offered[0])
        : null;
    if (!order || order.customerId !== ctx.customerId) return null;
    const found = await Promise.all(
      order.items.map((item) => this.ports.findNamedProduct(item.title, turn.locale)),
    );
    const cards = [
      ...new Map(
        found.filter((p): p is ProductDetail => p !== null).map((p) => [p.id, cardOf(p)]),
      ).values(),
    ];
    if (cards.length === 0) return null;
    noteDiscussed(order, turn);
    turn.state.productsShown = cards.map((c) => c.id);
    turn.state.lastProductId = cards.length === 1 ? cards[0].id : undefined;
    // "How much is it now?" next is about these products.
    turn.state.lastIntent = 'product_recommendation';
    turn.reply(say('reorder', turn.locale, { number: order.number }), { products: cards });
    return turn.done('place_order', true);
  }

  /** Which of the products just shown are listed in the colour asked for (title or description). */
  private shownInColour(products: ProductDetail[], colour: Colour, turn: Turn): Decision {
    const { locale } = turn;
    const listed = products.filter((p) => comesIn(colour, p)).map(cardOf);
    turn.state.colourPickedFrom = products.map((p) => p.id);
    if (listed.length === 0) {
      turn.reply(
        products.length === 1
          ? say('oneNotInColour', locale, { title: products[0].title, colour: colour.label })
          : say('noneInColour', locale, { colour: colour.label }),
      );
      return turn.done('product_question', true);
    }
    turn.state.productsShown = listed.map((c) => c.id);
    turn.state.lastProductId = listed.length === 1 ? listed[0].id : undefined;
    turn.reply(say('shownInColour', locale, { colour: colour.label }), { products: listed });
    return turn.done('product_question', true);
  }

  /** The shop's products with these ids, in that order (those it no longer has left out). */
  private async productsByIds(ids: readonly string[], locale: Locale): Promise<ProductDetail[]> {
    const products = await Promise.all(ids.map((id) => this.ports.findProductById(id, locale)));
    return products.filter((p): p is ProductDetail => p !== null);
  }

  /** Asks which of these products is meant, with their cards; a tap or a name answers. */
  private askWhichProduct(products: ProductDetail[], turn: Turn): Decision {
    const cards = products.map(cardOf);
    turn.state.pending = { kind: 'pick_product', productIds: cards.map((c) => c.id) };
    turn.state.productsShown = cards.map((c) => c.id);
    turn.state.lastProductId = undefined;
    turn.reply(say('whichProduct', turn.locale), {
      products: cards,
      quickReplies: cards.map((c) => ({ label: c.title, value: c.title })),
    });
    return turn.done('product_question', true);
  }

  /** Price, stock and the shop's description of one product, with its card and a person. */
  private answerProduct(product: ProductDetail, turn: Turn, text = ''): Decision {
    const { locale } = turn;
    // "多少钱" / "in stock?" about the product just described: the price and stock, not it all again.
    const brief = turn.state.lastProductId === product.id && FOLLOW_UP_ABOUT_PRODUCT.test(text);
    // "Which one is the cheapest?": says that this is the one, with its price.
    const picked = pickedAmongShown(text);
    const onlyOneShown =
      !!picked &&
      turn.state.productsShown?.length === 1 &&
      turn.state.productsShown[0] === product.id;
    // However it was reached (named, pointed at, picked from a list), the next "how much?" is
    // about this product.
    turn.state.lastIntent = 'product_question';
    turn.state.lastProductId = product.id;
    const stock = stockWords(product, locale);
    // The card is what the widget shows; description and stock are said in the text.
    const { description, stock: _units, ...card } = product;
    const facts = {
      title: card.title,
      price: formatMoney(card.price, card.currency, locale),
      stock,
      description: description ? description + SENTENCE_GAP[locale] : '',
    };
    const answer = onlyOneShown
      ? say('onlyOneShown', locale, facts)
      : picked
        ? say(PICKED_PHRASE[picked], locale, facts)
        : say(brief ? 'productBrief' : 'productFacts', locale, facts);
    turn.reply(answer, {
      products: [card],
      quickReplies: [talkToPerson(locale)],
    });
    return turn.done('product_question', true);
  }

  /** The shop's FAQ answer; a follow-up about it knows it came from there. */
  private faqReply(faq: BotReply, turn: Turn): Decision {
    turn.state.lastIntent = FAQ;
    turn.reply(faq.text, faq.payload);
    return turn.done(FAQ, true);
  }

  /** Out of scope: an FAQ entry may still answer it; otherwise say so and offer a person. */
  private async fallback(
    text: string,
    nlu: Understanding,
    state: DialogueState,
    turn: Turn,
  ): Promise<Decision> {
    const faq = await this.ports.faqAnswer({ locale: turn.locale, vector: nlu.vector, text });
    if (faq) return this.faqReply(faq, turn);
    // "How much are they?" right after an FAQ answer (gift cards): what the shop wrote is all the
    // bot knows, and a colleague knows more; not "I'm not sure I can help", nor a failure.
    if (
      state.lastIntent === FAQ &&
      (pointsBack(text) || REFERS_TO_THEM.test(text)) &&
      text.length <= SHORT_REMARK_MAX_LENGTH
    ) {
      offerPerson(turn, FAQ, say('faqFollowUp', turn.locale));
      return turn.done(FAQ, true);
    }
    const failures = (state.failures ?? 0) + 1;
    if (failures >= this.options.maxFailures) {
      return turn.escalate('repeated_failure', 0, say('escalated', turn.locale), 'oos');
    }
    // Declined, but only just (out of scope 0.47, tracking 0.46): the likely
    // intent is offered as a quick reply, as "which of these?" would be.
    const likely = nlu.alternatives[0]; // in-scope intents only
    if (likely && likely.confidence >= SUGGEST_WHEN_DECLINED && INTENT_LABELS[likely.intent]) {
      turn.state.pending = { kind: 'clarify', options: [likely.intent] };
      turn.reply(say('fallbackDidYouMean', turn.locale), {
        quickReplies: [
          { label: INTENT_LABELS[likely.intent][turn.locale], value: likely.intent },
          talkToPerson(turn.locale),
        ],
      });
      return turn.done('oos', false);
    }
    turn.reply(say('fallback', turn.locale), {
      quickReplies: [talkToPerson(turn.locale)],
    });
    return turn.done('oos', false);
  }

  private async startOrderFlow(
    intent: OrderIntent,
    text: string,
    nlu: Understanding,
    ctx: TurnContext,
    turn: Turn,
  ): Promise<Decision> {
    const number = orderNumberIn(text, nlu);
    turn.state.notReceived =
      intent === 'track_order' ? notReceivedIn(text, number, turn) : undefined;
    turn.state.hurry = intent === 'track_order' && (asksToHurry(text) || complainsOfSlowness(text));
    // "Change the address of A10002 to 5 Baker St, …": the address is kept for when the order is known.
    turn.state.addressHint =
      intent === 'change_shipping_address' && nlu.entities.some((e) => e.type === 'address')
        ? text
        : undefined;
    if (number) return this.withOrderNumber(intent, number, ctx, turn);
    // "Cancel the water bottle order": a signed-in shopper's order holding what they name.
    const byItem = await this.orderWithItemNamed(text, ctx, turn);
    if (byItem) return this.actOnOrder(intent, byItem, turn);
    // "Can I cancel it?" / "can I change the address?" right after an order was discussed: that
    // order (the reply names it, so the shopper can still give another number).
    // "Where is it now?" and "催一下" too; a plain "where is my order" may mean another one, so it
    // is asked.
    const lastDiscussed = turn.state.ordersDiscussed?.at(-1);
    if (lastDiscussed && (intent !== 'track_order' || REFERS_BACK.test(text) || turn.state.hurry)) {
      const order = await this.orderById(lastDiscussed);
      if (order) return this.withOrderNumber(intent, order.number, ctx, turn);
    }
    // An identified shopper with exactly one open order need not type its number.
    if (ctx.customerId) {
      const recent = await this.recentOrders(ctx.customerId, turn);
      // A parcel the tracking marks delivered but that never came is one the shop sent: shipped
      // or delivered. "It hasn't arrived" alone is more likely an order still on its way.
      let open = recent.filter((o) =>
        turn.state.notReceived === 'marked_delivered'
          ? ['shipped', 'delivered'].includes(o.status)
          : o.status !== 'delivered' && !CLOSED.has(o.status),
      );
      // "我上周买的东西还没到" when nothing is on its way: the shop's record says delivered, so it
      // is a parcel marked delivered that never came, among those delivered lately.
      if (turn.state.notReceived === 'not_arrived' && open.length === 0) {
        const lately = recent.filter(
          (o) => o.status === 'delivered' && Date.now() - Date.parse(o.placedAt) < RECENTLY_MS,
        );
        if (lately.length > 0) {
          turn.state.notReceived = 'marked_delivered';
          open = lately;
        }
      }
      if (open.length === 1) return this.actOnOrder(intent, open[0], turn);
      const actionable = ACTIONABLE[intent];
      const canActOn = actionable ? recent.filter((o) => actionable.has(o.status)) : [];
      if (actionable && recent.length > 0 && canActOn.length === 0) {
        // Listing orders none of which can be cancelled would only lead to "cannot" one by one.
        const [latest] = recent;
        turn.state.pending = { kind: 'order_number', intent, attempts: 0 };
        turn.reply(
          say(
            intent === 'cancel_order' ? 'noCancellableOrder' : 'noAddressChangeableOrder',
            turn.locale,
            {
              number: latest.number,
              status: STATUS_WORDS[latest.status]?.[turn.locale] ?? latest.status,
            },
          ),
          {
            quickReplies: [talkToPerson(turn.locale)],
          },
        );
        return turn.done(intent, true);
      }
      // Their only order, even one that is over, or the only one the request can act on (a
      // cancellation or address change still names it and asks before acting): the one meant.
      if (recent.length === 1) return this.actOnOrder(intent, recent[0], turn);
      if (canActOn.length === 1) return this.actOnOrder(intent, canActOn[0], turn);
      if (recent.length > 0) {
        // Orders the request can act on (or, for a parcel that never came, those sent) first.
        const first = actionable ? canActOn : turn.state.notReceived ? open : [];
        const choices = [...first, ...recent.filter((o) => !first.includes(o))];
        turn.state.pending = { kind: 'order_number', intent, attempts: 0 };
        turn.reply(say('pickOrder', turn.locale), {
          quickReplies: this.orderChips(choices.slice(0, 3), turn),
        });
        return turn.done(intent, true);
      }
    }
    turn.state.pending = { kind: 'order_number', intent, attempts: 0 };
    turn.reply(say('askOrderNumber', turn.locale));
    return turn.done(intent, true);
  }

  /**
   * The shopper cannot give the number asked for: a signed-in one picks from their orders, anyone
   * else is told where to find it (orders are never listed for an e-mail typed in the chat).
   */
  private async withoutOrderNumber(
    pending: Extract<PendingSlot, { kind: 'order_number' }>,
    ctx: TurnContext,
    turn: Turn,
  ): Promise<Decision> {
    const { locale } = turn;
    turn.state.pending = pending;
    const recent = ctx.customerId ? await this.ports.recentOrders(ctx.customerId, 3) : [];
    if (recent.length > 0) {
      turn.reply(say('pickOrder', locale), {
        quickReplies: this.orderChips(recent, turn),
      });
    } else {
      turn.state.pending = { ...pending, personOffered: true };
      turn.reply(say(ctx.customerId ? 'noOrdersYet' : 'noOrderNumber', locale), {
        quickReplies: [talkToPerson(locale)],
      });
    }
    return turn.done(pending.intent, true);
  }

  private async withOrderNumber(
    intent: OrderFlowIntent,
    number: string,
    ctx: TurnContext,
    turn: Turn,
  ): Promise<Decision> {
    const order = await this.ports.findOrderByNumber(number);
    if (!order) {
      turn.state.pending = { kind: 'order_number', intent, attempts: 1 };
      turn.reply(say('orderNotFound', turn.locale, { number }));
      return turn.done(intent, false);
    }
    // Remembered even when it is not theirs: agents see which numbers a shopper tried.
    noteDiscussed(order, turn);
    if (ctx.customerId) {
      // Same answer shape for "not found" and "someone else's", so numbers cannot be probed.
      if (order.customerId !== ctx.customerId) {
        turn.reply(say('notYourOrder', turn.locale, { number }));
        return turn.done(intent, false);
      }
      return this.actOnOrder(intent, order, turn);
    }
    if (turn.state.verifiedOrderIds?.includes(order.id))
      return this.actOnOrder(intent, order, turn);
    if ((turn.state.failedEmailChecks?.[order.id] ?? 0) >= EMAIL_CHECKS_PER_ORDER) {
      turn.reply(say('orderEmailMismatch', turn.locale, { number: order.number }), {
        quickReplies: [talkToPerson(turn.locale)],
      });
      return turn.done(intent, false);
    }
    turn.state.pending = { kind: 'order_email', intent, orderId: order.id, attempts: 0 };
    turn.reply(say('askOrderEmail', turn.locale, { number: order.number }));
    return turn.done(intent, true);
  }

  private async actOnOrder(
    intent: OrderFlowIntent,
    order: OrderView,
    turn: Turn,
  ): Promise<Decision> {
    // Also when it was picked without its number (the shopper's only open order): "when will
    // the refund arrive?" next is about it.
    noteDiscussed(order, turn);
    if (isOrderQuestion(intent)) return this.answerAboutOrder(intent, order, turn);
    const locale = turn.locale;
    const status = statusWord(order.status, locale);
    if (intent === 'track_order') {
      turn.action('order_viewed', order.id);
      return this.orderStatusReply(intent, order, turn);
    }
    if (intent === 'cancel_order') {
      if (!CANCELLABLE.has(order.status)) {
        // The answer offers a colleague: "yes please" next asks for one.
        offerPerson(turn, intent, say('cannotCancel', locale, { number: order.number, status }), {
          order,
        });
        return turn.done(intent, true);
      }
      turn.state.pending = { kind: 'confirm_cancel', orderId: order.id };
      const items = itemsInOrder(order, locale);
      turn.reply(say('confirmCancel', locale, { number: order.number, items, status }), {
        order,
        quickReplies: yesNo(locale),
      });
      return turn.done(intent, true);
    }
    if (!ADDRESS_CHANGEABLE.has(order.status)) {
      offerPerson(
        turn,
        intent,
        say('cannotChangeAddress', locale, { number: order.number, status }),
        {
          order,
        },
      );
      return turn.done(intent, true);
    }
    const hinted = turn.state.addressHint
      ? parseAddress(turn.state.addressHint, order.shippingCountry)
      : null;
    turn.state.addressHint = undefined;
    if (hinted) return this.confirmAddress(order, hinted, turn);
    turn.state.pending = { kind: 'new_address', orderId: order.id, attempts: 0 };
    turn.reply(say('askNewAddress', locale, { number: order.number }));
    return turn.done(intent, true);
  }

  /** The shop's FAQ entry the message asks for, looked up once per turn. */
  private faqByWords(text: string, turn: Turn): Promise<BotReply | null> {
    turn.faqByWords ??= this.ports.faqByWords({ locale: turn.locale, text });
    return turn.faqByWords;
  }

  /**
   * The order a reply to "which order?" names: its number, its position among those offered
   * ("the first one") or its status ("the one being prepared").
   */
  private async orderNumberGiven(
    text: string,
    nlu: Understanding,
    state: DialogueState,
  ): Promise<string | undefined> {
    const offered = state.ordersOffered ?? [];
    return (
      orderNumberIn(text, nlu) ??
      atPosition(offered, text) ??
      (await this.offeredNamed(offered, text)) ??
      (PICKS_LATEST.test(text) ? newestOf(await this.ordersByNumber(offered))?.number : undefined)
    );
  }

  /**
   * The one offered order the message describes: by its status ("the one being prepared") or by
   * what it holds ("the webcam one", "跑步鞋那单").
   */
  private async offeredNamed(offered: string[], text: string): Promise<string | undefined> {
    if (offered.length === 0) return undefined;
    const orders = await this.ordersByNumber(offered);
    const named = statusesNamed(text);
    const withStatus = orders.filter((o) => named.includes(o.status));
    if (withStatus.length === 1) return withStatus[0].number;
    if (named.length > 0) return undefined;
    const holding = ordersHoldingItemNamed(text, orders);
    return holding.length === 1 ? holding[0].number : undefined;
  }

  /**
   * The shopper asked something else instead of answering ("what do you have for hiking?" while
   * the bot waits for an order number): understood in scope and without an order number, either
   * very confidently or confidently enough to be answered as another intent than the pending one,
   * or a question from the shop's FAQ ("能便宜点吗", out of scope for the model).
   */
  private async changedTopic(
    pending: PendingSlot,
    text: string,
    nlu: Understanding,
    turn: Turn,
  ): Promise<boolean> {
    // "是的" reads as a product question (0.66): a yes is no new topic.
    if (ORDER_TOKEN.test(text) || BARE_YES.test(text.trim())) return false;
    if (nlu.outOfScope) return (await this.faqByWords(text, turn)) !== null;
    if (nlu.confidence >= 0.8) return true;
    return nlu.confidence >= this.options.clarifyBelow && nlu.intent !== pendingIntent(pending);
  }

  /** Returns null when the message is not an answer to the pending question (normal flow resumes). */
  private async continuePending(
    pending: PendingSlot,
    text: string,
    nlu: Understanding,
    state: DialogueState,
    ctx: TurnContext,
    turn: Turn,
  ): Promise<Decision | null> {
    const locale = turn.locale;
    const changedTopic = await this.changedTopic(pending, text, nlu, turn);
    switch (pending.kind) {
      case 'pick_product': {
        const picked = pickProduct(text, await this.productsByIds(pending.productIds, locale));
        return picked ? this.answerProduct(picked, turn) : null;
      }
      case 'name_product': {
        const answered = await this.aboutProduct(text, turn);
        if (answered) return answered;
        // Another product question ("我买的是羊毛大衣" reads as one, confidently) is the answer.
        if (changedTopic && nlu.intent !== 'product_question') return null;
        // "ok I'll take it, how do I pay?" asks how to do something: it names no product.
        if (HOW_TO.test(text) && nlu.intent !== 'product_question') return null;
        // Not in the shop under that name: asking "which product?" again would go round in circles.
        turn.reply(say('productNotFound', locale), { quickReplies: [talkToPerson(locale)] });
        return turn.done('product_question', false);
      }
      case 'offered_cancel': {
        // Cancelling still asks for its own confirmation.
        if (agrees(text))
          return this.withOrderNumber('cancel_order', pending.orderNumber, ctx, turn);
        // "The one that was delivered": another of their orders is the one to return.
        const statuses = statusesNamed(text);
        const offered = await this.ports.findOrderByNumber(pending.orderNumber);
        if (
          offered &&
          statuses.length > 0 &&
          !statuses.includes(offered.status) &&
          !orderNumberIn(text, nlu)
        ) {
          return this.handleIntent('get_refund', text, nlu, ctx, turn);
        }
        return null;
      }
      case 'offered_person': {
        if (agrees(text))
          return turn.escalate('requested', 1, say('escalated', locale), pending.intent);
        // The new address typed after "this order's address can no longer be changed here":
        // noted for the colleague offered, who is offered again with it in view.
        const address = pending.intent === 'change_shipping_address' ? parseAddress(text) : null;
        return address ? offerColleagueWithAddress(address, turn) : null;
      }
      case 'clarify': {
        const picked =
          pending.options.find((o) => o === text.trim()) ??
          // "第三个" / "the second one": the option at that place (alone, "第三个" reads as an
          // upset complaint, 0.63, which would hand the chat over).
          atPosition(pending.options, text) ??
          pending.options.find((o) => o === nlu.intent) ??
          // "Did you mean this?" (one option) answered "yes" / "确认".
          (pending.options.length === 1 && agrees(text) ? pending.options[0] : undefined);
        if (!picked) return null;
        return this.handleIntent(picked, text, nlu, ctx, turn);
      }
      case 'order_offer': {
        let number = await this.orderNumberGiven(text, nlu, state);
        // The company's name typed next ("上海某某科技有限公司", "Acme Ltd, VAT GB123456789", re-read
        // as the invoice question) is noted, and which order is asked again. A tax number in it is
        // no order number unless the shop has that order.
        const detailsGiven = !!pending.companyDetails && COMPANY_DETAILS.test(text);
        if (detailsGiven && number && !(await this.ports.findOrderByNumber(number)))
          number = undefined;
        // "I need the company name and VAT number on it" before saying which order: asked which,
        // and passed on once it is known (as the invoice answer promises).
        if (
          !number &&
          INVOICE_INTENTS.has(pending.intent) &&
          (COMPANY_INVOICE.test(text) || detailsGiven)
        ) {
          turn.state.pending = { ...pending, companyDetails: true };
          const chips = this.orderChips(await this.ordersOffered(state, ctx), turn);
          turn.reply(
            say(detailsGiven ? 'companyDetailsNoted' : 'askCompanyInvoiceOrder', locale),
            chips.length > 0 ? { quickReplies: chips } : undefined,
          );
          return turn.done(pending.intent, true);
        }
        // "个人的就行" (a personal one will do; read as asking for a person, 0.27): the invoice
        // can be downloaded as the answer says, and a number next is still about it.
        if (!number && INVOICE_INTENTS.has(pending.intent) && PERSONAL_INVOICE.test(text)) {
          turn.state.pending = pending;
          turn.reply(say('personalInvoice', locale));
          return turn.done(pending.intent, true);
        }
        if (!number) return null;
        // "A10002" or "it's order A10002" answers the offer, whatever the model makes of it;
        // a sentence that asks something else about an order ("cancel A10002", "I never got my
        // refund for A10002") is a new request, however sure the model is which one.
        if (asksAnotherOrderQuestion(pending.intent, nlu, text)) return null;
        turn.companyInvoice = !!pending.companyDetails;
        return this.withOrderNumber(pending.intent, number, ctx, turn);
      }
      case 'order_number': {
        const number = await this.orderNumberGiven(text, nlu, state);
        // "Can I get an invoice for the sneakers?" while the bot waits for which order to track:
        // the order holding them, but for the invoice (the model is sure of a different request).
        const otherRequest =
          asksAnotherOrderQuestion(pending.intent, nlu, text) &&
          !nlu.outOfScope &&
          nlu.confidence >= this.options.clarifyBelow;
        if (number && otherRequest) return null;
        if (number) return this.withOrderNumber(pending.intent, number, ctx, turn);
        // "Yes please" to the colleague offered with where the number is.
        if (pending.personOffered && agrees(text))
          return turn.escalate('requested', 1, say('escalated', locale), pending.intent);
        // "I don't have it", or "the newest one" with no orders listed to pick from (nobody is
        // signed in): where the number is, and that signing in shows the orders.
        if (NO_ORDER_NUMBER.test(text) || (PICKS_LATEST.test(text) && !state.ordersOffered?.length))
          return this.withoutOrderNumber(pending, ctx, turn);
        // "I don't have an account": none is needed to look an order up.
        if (NO_ACCOUNT.test(text) && !ctx.customerId) {
          turn.state.pending = pending;
          turn.reply(say('guestOrderNumber', locale));
          return turn.done(pending.intent, true);
        }
        // "北京市朝阳区建国路88号" typed before the order number: kept for when the order is known
        // (it was taken for a failed order number).
        const address = pending.intent === 'change_shipping_address' ? parseAddress(text) : null;
        if (address) {
          // Signed in with none of their recent orders changeable any more (as just said): only a
          // colleague can still redirect one, and is offered with the address.
          const recent = ctx.customerId ? await this.recentOrders(ctx.customerId, turn) : [];
          if (recent.length > 0 && !recent.some((o) => ADDRESS_CHANGEABLE.has(o.status)))
            return offerColleagueWithAddress(address, turn);
          turn.state.addressHint = text;
          turn.state.pending = pending;
          turn.reply(say('addressNotedAskNumber', locale));
          return turn.done(pending.intent, true);
        }
        if (changedTopic) return null;
        if (pending.attempts + 1 >= 3)
          return turn.escalate('order_problem', 0, say('escalated', locale), pending.intent);
        const again = { ...pending, attempts: pending.attempts + 1 };
        turn.state.pending = again;
        // "能帮我催一下吗" before picking the order: asked to hurry it once it is known.
        if (asksToHurry(text) || complainsOfSlowness(text)) turn.state.hurry = true;
        // The orders offered are asked about again, as chips, rather than a format to type.
        const offered = await this.ordersOffered(state, ctx);
        if (offered.length > 0) {
          turn.reply(say('pickOrder', locale), { quickReplies: this.orderChips(offered, turn) });
          return turn.done(pending.intent, true);
        }
        // A second message without a number ("it was yesterday", "what now?"): the shopper
        // probably does not have it at hand; asking for the format a third time would not help.
        if (pending.attempts >= 1) return this.withoutOrderNumber(again, ctx, turn);
        turn.reply(say('askOrderNumberAgain', locale));
        return turn.done(pending.intent, false);
      }
      case 'order_email': {
        const email = nlu.entities.find((e) => e.type === 'email')?.value;
        // "Oops, wrong number, it's A105070": the e-mail is asked for that order instead.
        const corrected = email ? null : orderNumberIn(text, nlu);
        if (corrected) {
          const asked = await this.orderById(pending.orderId);
          if (corrected !== asked?.number)
            return this.withOrderNumber(pending.intent, corrected, ctx, turn);
        }
        if (!email) {
          const order = await this.orderById(pending.orderId);
          // The new address typed before the e-mail: kept for when ownership is proven.
          if (
            pending.intent === 'change_shipping_address' &&
            order &&
            parseAddress(text, order.shippingCountry)
          ) {
            turn.state.addressHint = text;
            turn.state.pending = pending;
            turn.reply(say('addressNotedAskEmail', locale, { number: order.number }));
            return turn.done(pending.intent, true);
          }
          // "I don't remember the email" (read as a password reset, confidently): another way
          // to prove the order, and a person.
          if (NO_EMAIL.test(text)) {
            offerPerson(
              turn,
              pending.intent,
              say('noOrderEmail', locale, { number: order?.number ?? '' }),
            );
            return turn.done(pending.intent, true);
          }
          if (changedTopic) return null;
          turn.state.pending = pending;
          turn.reply(say('askOrderEmail', locale, { number: order?.number ?? '' }));
          return turn.done(pending.intent, false);
        }
        const order = await this.orderById(pending.orderId);
        if (
          !order ||
          !order.customerEmail ||
          order.customerEmail.toLowerCase() !== email.toLowerCase()
        ) {
          const failures = (state.failedEmailChecks?.[pending.orderId] ?? 0) + 1;
          turn.state.failedEmailChecks = {
            ...state.failedEmailChecks,
            [pending.orderId]: failures,
          };
          // A typo deserves another try; a few wrong guesses end it, so owners cannot be probed.
          const retry = failures < EMAIL_CHECKS_PER_ORDER;
          if (retry) turn.state.pending = { ...pending, attempts: failures };
          turn.reply(
            say(retry ? 'orderEmailRetry' : 'orderEmailMismatch', locale, {
              number: order?.number ?? '',
            }),
            {
              quickReplies: [talkToPerson(locale)],
            },
          );
          return turn.done(pending.intent, false);
        }
        turn.state.verifiedOrderIds = [...(state.verifiedOrderIds ?? []), order.id];
        return this.actOnOrder(pending.intent, order, turn);
      }
      case 'confirm_cancel': {
        const order = await this.orderById(pending.orderId);
        if (!order) return null;
        // "No, A10002" / "I meant A10002": that order is the one to cancel (it is confirmed anew).
        const other = orderNumberIn(text, nlu);
        if (other && other !== order.number)
          return this.withOrderNumber('cancel_order', other, ctx, turn);
        if (NO.test(text.trim())) {
          // "Wait, no, I meant change the address": that request instead (nothing was cancelled).
          if (changedTopic && !isBareNo(text)) return null;
          turn.reply(say('cancelKept', locale, { number: order.number }));
          return turn.done('cancel_order', true);
        }
        if (!YES.test(text.trim())) {
          if (changedTopic) return null;
          turn.state.pending = pending;
          turn.reply(
            say('confirmCancel', locale, {
              number: order.number,
              items: itemsInOrder(order, locale),
              status: STATUS_WORDS[order.status]?.[locale] ?? order.status,
            }),
            {
              quickReplies: yesNo(locale),
            },
          );
          return turn.done('cancel_order', false);
        }
        try {
          const cancelled = await this.ports.cancelOrder(order.id);
          turn.action('order_cancelled', order.id);
          turn.reply(say('cancelled', locale, { number: cancelled.number }), { order: cancelled });
        } catch {
          // The status moved on since we asked (e.g. it shipped): re-read and explain.
          const fresh = (await this.ports.findOrderByNumber(order.number)) ?? order;
          turn.reply(
            say('cannotCancel', locale, {
              number: fresh.number,
              status: STATUS_WORDS[fresh.status]?.[locale] ?? fresh.status,
            }),
            {
              order: fresh,
            },
          );
        }
        return turn.done('cancel_order', true);
      }
      case 'new_address': {
        const order = await this.orderById(pending.orderId);
        if (!order) return null;
        // "A105081" (another order's number) typed instead of the address: that order's address.
        const other = orderNumberIn(text, nlu);
        if (other && other !== order.number && isBareOrderNumber(text))
          return this.withOrderNumber('change_shipping_address', other, ctx, turn);
        const address = parseAddress(text, order.shippingCountry);
        if (!address) {
          if (changedTopic) return null;
          if (pending.attempts + 1 >= 3)
            return turn.escalate(
              'order_problem',
              0,
              say('escalated', locale),
              'change_shipping_address',
            );
          turn.state.pending = { ...pending, attempts: pending.attempts + 1 };
          turn.reply(say('addressUnclear', locale));
          return turn.done('change_shipping_address', false);
        }
        return this.confirmAddress(order, address, turn);
      }
      case 'confirm_address': {
        const order = await this.orderById(pending.orderId);
        if (!order) return null;
        if (NO.test(text.trim())) {
          if (changedTopic && !isBareNo(text)) return null;
          turn.reply(say('keptAddress', locale));
          return turn.done('change_shipping_address', true);
        }
        if (!YES.test(text.trim())) {
          if (changedTopic) return null;
          turn.state.pending = pending;
          turn.reply(
            say('confirmAddress', locale, {
              number: order.number,
              address: formatAddress(pending.address, locale),
            }),
            {
              quickReplies: yesNo(locale),
            },
          );
          return turn.done('change_shipping_address', false);
        }
        try {
          const updated = await this.ports.changeShippingAddress(order.id, pending.address);
          turn.action('address_changed', order.id, { address: pending.address });
          turn.reply(
            say('addressChanged', locale, {
              number: updated.number,
              address: formatAddress(pending.address, locale),
            }),
            {
              order: updated,
            },
          );
        } catch (error) {
          // The shop refused the address itself (e.g. an unknown country): ask for it again.
          if ((error as { code?: string }).code === 'INVALID_ADDRESS') {
            turn.state.pending = { kind: 'new_address', orderId: order.id, attempts: 1 };
            turn.reply(say('addressUnclear', locale));
            return turn.done('change_shipping_address', false);
          }
          const fresh = (await this.ports.findOrderByNumber(order.number)) ?? order;
          turn.reply(
            say('cannotChangeAddress', locale, {
              number: fresh.number,
              status: STATUS_WORDS[fresh.status]?.[locale] ?? fresh.status,
            }),
          );
        }
        return turn.done('change_shipping_address', true);
      }
    }
  }

  private confirmAddress(order: OrderView, address: ShippingAddressInput, turn: Turn): Decision {
    turn.state.pending = { kind: 'confirm_address', orderId: order.id, address };
    turn.reply(
      say('confirmAddress', turn.locale, {
        number: order.number,
        address: formatAddress(address, turn.locale),
      }),
      { quickReplies: yesNo(turn.locale) },
    );
    return turn.done('change_shipping_address', true);
  }

  /** Orders offered as chips ("A10002 · being prepared"); "the first one" / "第二个" then picks one. */
  private orderChips(orders: OrderView[], turn: Turn): QuickReply[] {
    turn.state.ordersOffered = orders.map((o) => o.number);
    return orders.map((o) => ({
      label: `${o.number} · ${statusWord(o.status, turn.locale)}`,
      value: o.number,
    }));
  }

  /** The signed-in shopper's orders last offered as chips. */
  private async ordersOffered(state: DialogueState, ctx: TurnContext): Promise<OrderView[]> {
    if (!ctx.customerId) return [];
    const orders = await this.ordersByNumber(state.ordersOffered ?? []);
    return orders.filter((o) => o.customerId === ctx.customerId);
  }

  /** The shop's orders with these numbers (those it has), in the same order. */
  private async ordersByNumber(numbers: string[]): Promise<OrderView[]> {
    const orders = await Promise.all(numbers.map((n) => this.ports.findOrderByNumber(n)));
    return orders.filter((o): o is OrderView => o !== null);
  }

  private orderById(orderId: string): Promise<OrderView | null> {
    return this.ports.findOrderById(orderId);
  }

  /**
   * Popular products of the category the message names, those fitting its words first. `previous`
   * is the request just answered: "under $50" / "500元以内的" narrows it, unless the message
   * names a category of its own (then it is a new request).
   */
  private async recommend(text: string, turn: Turn, previous?: string): Promise<Decision> {
    const categories = await this.ports.categories();
    // The new message first: its budget and category win over the earlier one's.
    const request =
      previous && !findCategory(text, categories, turn.locale) ? `${text} ${previous}` : text;
    // Narrowing what was shown, "under 100" is a price; without an amount ("cheaper ones?") the
    // earlier request's budget still holds.
    const narrowed = previous ? budgetOf(text, { bareAmounts: true }) : null;
    const budget = narrowed?.max != null ? narrowed : budgetOf(request);
    turn.state.lastIntent = 'product_recommendation';
    turn.state.lastRecommendation = request;
    return this.showRecommendations(request, categories, turn, budget);
  }

  /**
   * The message names what some of the shop's products are called ("headphones", "耳机"). A
   * category word alone is not enough: "can I order by phone?" is about ordering.
   */
  private async namesProductsWeSell(text: string, turn: Turn): Promise<boolean> {
    const candidates = await this.popularProducts(undefined, CANDIDATES_WITHOUT_CATEGORY, turn);
    return recommendFrom(text, candidates).matched;
  }

  /** The shop's most popular products (of a category); asked once per turn. */
  private popularProducts(
    category: string | undefined,
    limit: number,
    turn: Turn,
  ): Promise<ProductCard[]> {
    const key = `${limit} ${category ?? ''}`;
    let products = turn.popularProducts.get(key);
    if (!products) {
      products = this.ports.popularProducts(category, limit, turn.locale);
      turn.popularProducts.set(key, products);
    }
    return products;
  }

  private async showRecommendations(
    text: string,
    categories: string[],
    turn: Turn,
    budget: Budget = budgetOf(text),
  ): Promise<Decision> {
    const match = findCategory(text, categories, turn.locale);
    // Without a category, "有没有咖啡机" is looked for among many more than the most popular.
    const candidates = await this.popularProducts(
      match?.category,
      match ? CANDIDATES_TO_RANK : CANDIDATES_WITHOUT_CATEGORY,
      turn,
    );
    const fitting = recommendFrom(text, candidates, budget);
    const products = fitting.products.slice(0, PRODUCTS_PER_REPLY);
    if (products.length === 0) {
      turn.reply(say('noProducts', turn.locale));
      return turn.done('product_recommendation', false);
    }
    const category = match ? say('recommendCategory', turn.locale, { category: match.label }) : '';
    const { max, cheap, around } = fitting.applied;
    const shownPrice = around ?? max;
    const price =
      shownPrice === null
        ? ''
        : formatMoney(shownPrice, products[0].currency, turn.locale, { wholeWithoutCents: true });
    // "Do you sell yoga mats?", "what should I buy for a newborn" with no title to fit: say so
    // rather than pass popular picks off as them. (A category named is what was asked for: "do
    // you sell toys?" shows toys.)
    const unmatchedAsk = fitting.unmatched && !match;
    const intro = unmatchedAsk
      ? say('notFoundShowPopular', turn.locale, { category })
      : fitting.otherCurrency
        ? say('pricesInOtherCurrency', turn.locale, { category, currency: products[0].currency })
        : !fitting.withinBudget
          ? say(around ? 'nothingAround' : 'nothingUnder', turn.locale, { category, price })
          : max !== null
            ? say(around ? 'recommendAround' : 'recommendUnder', turn.locale, { category, price })
            : cheap
              ? say('recommendCheap', turn.locale, { category })
              : say('recommend', turn.locale, { category });
    turn.state.productsShown = products.map((p) => p.id);
    // "It" now means the one shown, or, of several, has to be asked about.
    turn.state.lastProductId = products.length === 1 ? products[0].id : undefined;
    turn.reply(intro, { products });
    return turn.done('product_recommendation', true);
  }
}

/** The card the widget shows for a product (what the bot says of it goes in the text). */
function cardOf({ description: _d, stock: _s, ...card }: ProductDetail): ProductCard {
  return card;
}

/** What a reply says of a product's stock ("", ", in stock", ", only 3 left", ", out of stock right now"). */
function stockWords(product: ProductDetail, locale: Locale): string {
  if (product.stock === null) return '';
  if (product.stock <= 0) return say('outOfStock', locale);
  if (product.stock <= LOW_STOCK) return say('lowStock', locale, { count: String(product.stock) });
  return say('inStock', locale);
}

/**
 * The reply waits for an answer to its question (which order, yes or no, which product, a new
 * address). An offer ("tell me the order number and I will check", "shall I get a colleague?")
 * is not a question that another answer after it would bury.
 */
function asksShopper(pending: PendingSlot | undefined): boolean {
  return !!pending && pending.kind !== 'order_offer' && pending.kind !== 'offered_person';
}

export function sameTopic(intent: string, other: string): boolean {
  return intent === other || TOPICS.some((t) => t.includes(intent) && t.includes(other));
}

/** The intent a pending question belongs to. */
function pendingIntent(pending: PendingSlot): string | null {
  switch (pending.kind) {
    case 'order_number':
    case 'order_email':
    case 'order_offer':
      return pending.intent;
    case 'confirm_cancel':
    case 'offered_cancel':
      return 'cancel_order';
    case 'offered_person':
      return pending.intent;
    case 'new_address':
    case 'confirm_address':
      return 'change_shipping_address';
    case 'clarify':
      return null;
    case 'pick_product':
    case 'name_product':
      return 'product_question';
  }
}

/** Order requests and questions about an order: the order flow answers them, not an FAQ entry. */
export function isOrderRelated(intent: string): boolean {
  return (ORDER_INTENTS as string[]).includes(intent) || isOrderQuestion(intent);
}

function isOrderQuestion(intent: string): intent is OrderQuestionIntent {
  return Object.hasOwn(ORDER_QUESTIONS, intent);
}

/** The intent the words mean where the model's reading of them would answer the wrong thing. */
function intentMeant(understood: string, text: string): string {
  // "Thanks, bye!" takes leave: the goodbye answer thanks them too, "anything else?" would not fit.
  if (understood === 'thanks' && FAREWELL.test(text)) return 'goodbye';
  // "Can I cancel just one item?" changes the order: offering to cancel it all would be wrong.
  if (understood === 'cancel_order' && CANCELS_PART_OF_ORDER.test(text)) return 'change_order';
  // "I want to cancle my order and get a refund" (a refund, 0.95): cancelling is the refund.
  if (
    understood === 'get_refund' &&
    WANTS_TO_CANCEL_ORDER.test(text) &&
    !CANCELS_PART_OF_ORDER.test(text)
  )
    return 'cancel_order';
  return understood;
}

/**
 * While the bot waits for an order, a sentence that asks something else about one ("cancel
 * A10002", "can I get an invoice for the sneakers") rather than only naming it.
 */
function asksAnotherOrderQuestion(
  pendingIntent: string,
  nlu: Understanding,
  text: string,
): boolean {
  return nlu.intent !== pendingIntent && isOrderRelated(nlu.intent) && !isBareOrderNumber(text);
}

/** "20 Nov 2026", "2026年11月20日". */
function placedOn(order: OrderView, locale: Locale): string {
  return new Date(order.placedAt).toLocaleDateString(locale === 'zh' ? 'zh-CN' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function statusWord(status: string, locale: Locale): string {
  return STATUS_WORDS[status]?.[locale] ?? status;
}

/** The quick reply that hands the chat to a person. */
function talkToPerson(locale: Locale) {
  return { label: say('talkToPerson', locale), value: 'contact_human_agent' };
}

function yesNo(locale: Locale) {
  return [
    { label: say('yes', locale), value: say('yes', locale) },
    { label: say('no', locale), value: say('no', locale) },
  ];
}

/**
 * A reading a request for products can get when the model does not know its words (out of
 * scope, a greeting: "你好，有睡袋吗", or, without much confidence, one of the intents about the
 * account, invoices, reviews or how to reach the shop) or is unsure which product intent it is
 * (a recommendation, or a product question that asks whether the shop has a kind of product),
 * and words that ask for something.
 */
export function mayBeShopping(
  text: string,
  nlu: Pick<Understanding, 'intent' | 'confidence' | 'outOfScope'>,
): boolean {
  const misread =
    nlu.outOfScope ||
    // Near enough but unsure, so the shopper would be asked which was meant: "where can I find
    // yoga mats" (a recommendation, 0.28), "有没有瑜伽垫" (a product question, 0.39). Read with
    // confidence, both are answered with products anyway.
    (nlu.confidence < UNSURE_PRODUCT_READING &&
      (nlu.intent === 'product_recommendation' ||
        (nlu.intent === 'product_question' && asksForKindOfProduct(text)))) ||
    nlu.intent === 'greeting' ||
    (MISREAD_WHEN_SHOPPING.has(nlu.intent) && nlu.confidence < 0.8);
  return (
    misread &&
    // Just a thing's name ("a bluetooth speaker") when the model knows no reading for it; a short
    // greeting ("hi there") is not one.
    (SHOPPING_CUE.test(text) || (nlu.outOfScope && isBarePhrase(text))) &&
    !NOT_ABOUT_PRODUCT.test(text)
  );
}

/** The one product the last reply was about (answered about, or the only one recommended). */
function productJustShown(state: DialogueState, lastIntent = state.lastIntent): string | undefined {
  if (lastIntent === 'product_question') return state.lastProductId;
  if (lastIntent === 'product_recommendation' && state.productsShown?.length === 1)
    return state.productsShown[0];
  return undefined;
}

/** Company details for an order's invoice go to a person, as the invoice answer promises. */
function passInvoiceRequest(order: OrderView, intent: string, turn: Turn): Decision {
  return turn.escalate(
    'invoice_request',
    0,
    say('invoiceRequestPassed', turn.locale, { number: order.number }),
    intent,
  );
}

/**
 * Whether the message says a parcel never came, and whether its tracking says delivered. A bare
 * order number right after a tracking answer ("no, it's A10234") corrects which order was meant,
 * so what was said of the parcel still holds.
 */
function notReceivedIn(
  text: string,
  number: string | null,
  turn: Turn,
): DialogueState['notReceived'] {
  if (NOT_RECEIVED.test(text))
    return SAYS_DELIVERED.test(text) ? 'marked_delivered' : 'not_arrived';
  const bare = !!number && isBareOrderNumber(text);
  return bare && turn.previousIntent === 'track_order' ? turn.state.notReceived : undefined;
}

/**
 * Says `text` with a colleague one tap away; "yes" next hands the chat to one, about `intent`.
 */
function offerPerson(
  turn: Turn,
  intent: string,
  text: string,
  payload: Omit<ReplyPayload, 'quickReplies'> = {},
): void {
  turn.state.pending = { kind: 'offered_person', intent };
  turn.reply(text, { ...payload, quickReplies: [talkToPerson(turn.locale)] });
}

/**
 * A new address for an order whose address the bot can no longer change: noted, and a colleague
 * (who can ask the carrier to redirect it) offered with it; "yes" hands the chat over.
 */
function offerColleagueWithAddress(address: ShippingAddressInput, turn: Turn): Decision {
  offerPerson(
    turn,
    'change_shipping_address',
    say('addressForColleague', turn.locale, { address: formatAddress(address, turn.locale) }),
  );
  return turn.done('change_shipping_address', true);
}

/** The most recently placed of these orders. */
function newestOf(orders: OrderView[]): OrderView | undefined {
  return orders.reduce<OrderView | undefined>(
    (newest, o) => (!newest || Date.parse(o.placedAt) > Date.parse(newest.placedAt) ? o : newest),
    undefined,
  );
}

/** "No", "actually no", "不用了": a no and nothing more ("no, I meant the address" says more). */
function isBareNo(text: string): boolean {
  const trimmed = text.trim();
  if (DECLINES.test(trimmed)) return true;
  return /\p{Script=Han}/u.test(trimmed)
    ? trimmed.replace(/[\s\p{P}]/gu, '').length <= 6
    : trimmed.split(/\s+/).length <= 3;
}

/** Asks to hurry a delivery up ("催一下"; "催一下退款" is about the refund). */
function asksToHurry(text: string): boolean {
  return HURRY.test(text) && !NOT_ABOUT_DELIVERY.test(text);
}

/**
 * Says, briefly, that a delivery is too slow. A refund or a return taking long is another matter,
 * and so is a formal complaint ("售后处理太慢了，我要投诉") or one's own slow typing.
 */
function complainsOfSlowness(text: string): boolean {
  return (
    text.length <= 60 &&
    TOO_SLOW.test(text) &&
    !NOT_ABOUT_DELIVERY.test(text) &&
    !/投诉|complain|打字|\btyp(?:e|ing)\b/i.test(text)
  );
}

/** "1× Linen shirt, 2× Mug": what an order holds, for a confirmation question. */
function itemsInOrder(order: OrderView, locale: Locale): string {
  return order.items
    .map((i) => `${i.quantity}× ${(locale === 'zh' && i.titleZh) || i.title}`)
    .join(', ');
}

/** The orders holding the kind of product the message names ("my webcam", "跑鞋"). */
function ordersHoldingItemNamed(text: string, orders: OrderView[]): OrderView[] {
  const names = kindNamedIn(text, { anyMention: true });
  return orders.filter((o) => itemTitles(o).some((i) => names(i.title)));
}

/** Every name the order's items go by: "the water bottle" and "水壶" both find it. */
function itemTitles(order: OrderView): { title: string }[] {
  return order.items.flatMap((i) => (i.titleZh ? [i, { title: i.titleZh }] : [i]));
}

/** The order is the latest one talked about (follow-ups such as "cancel it" refer to it). */
function noteDiscussed(order: OrderView, turn: Turn): void {
  turn.state.ordersDiscussed = [
    ...(turn.state.ordersDiscussed ?? []).filter((id) => id !== order.id),
    order.id,
  ].slice(-ORDERS_REMEMBERED);
}
