/** What the policy reads: the NLU result of one shopper message. */
import type { Understanding } from '../nlu/nlu.service';
export type { Understanding };

export type Locale = 'en' | 'zh';

/** An order as the dialogue may show it to its owner. */
export interface OrderView {
  id: string;
  number: string;
  status: string;
  customerId: string;
  customerEmail: string | null;
  total: number;
  currency: string;
  eta: string | null;
  carrier: string | null;
  trackingUrl: string | null;
  placedAt: string;
  /** `titleZh`: the product's Chinese title, where the shop has one (Chinese replies use it). */
  items: { title: string; titleZh?: string | null; quantity: number }[];
  /** Country of the current delivery address (ISO code): the default for a new one. */
  shippingCountry: string | null;
}

export interface ProductCard {
  id: string;
  title: string;
  price: number;
  currency: string;
  imageUrl: string | null;
  url: string | null;
  category: string | null;
}

/** A product with what the bot can tell about it. */
export interface ProductDetail extends ProductCard {
  /** In the shopper's language where the shop has it, else null for a Chinese reply. */
  description: string | null;
  /** Units in stock; null when the shop does not say. */
  stock: number | null;
}

export interface ShippingAddressInput {
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode?: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/** Multi-turn memory kept on the conversation (jsonb). */
export interface DialogueState {
  pending?: PendingSlot;
  /** Consecutive turns the bot could not help with. */
  failures?: number;
  /** The shopper asked for a human at least once (idle close must not count as deflection). */
  humanRequested?: boolean;
  /** Orders the shopper proved they own by e-mail in this conversation (anonymous shoppers). */
  verifiedOrderIds?: string[];
  /** Orders the shopper asked about that the shop has (ids, latest last): shown to an agent. */
  ordersDiscussed?: string[];
  /** The message that started an address change, when it already held the new address. */
  addressHint?: string;
  /**
   * The shopper said the parcel never arrived: "the tracking says delivered but I never got it"
   * (`marked_delivered`) or "it still hasn't arrived" (`not_arrived`). Kept until the next order
   * request, so a number typed after the answer ("no, A10234") is read the same way.
   */
  notReceived?: 'marked_delivered' | 'not_arrived';
  /** The shopper asked to hurry the order up ("催一下"). */
  hurry?: boolean;
  /** E-mail addresses typed for an order that did not match it, per order id (anonymous shoppers). */
  failedEmailChecks?: Record<string, number>;
  /** Numbers of the orders last offered as chips, in order ("the first one" picks from them). */
  ordersOffered?: string[];
  /** Ids of the products the last reply showed, in order ("the second one" picks from them). */
  productsShown?: string[];
  /**
   * The products a colour was last picked from ("in black?" among four jackets): "any navy
   * ones?" next asks among the same four, not only the black one shown since.
   */
  colourPickedFrom?: string[];
  /** The product last answered about ("is it in stock?" refers to it). */
  lastProductId?: string;
  lastIntent?: string;
  /** The recommendation request last answered, so "under $50" can narrow it. */
  lastRecommendation?: string;
}

/** Requests the bot carries out on an order. */
export type OrderIntent = 'track_order' | 'cancel_order' | 'change_shipping_address';
/** Questions the shop's template answers, better when it knows which order they are about. */
export type OrderQuestionIntent =
  | 'change_order'
  | 'check_invoice'
  | 'get_invoice'
  | 'get_refund'
  | 'track_refund'
  | 'delivery_period';
/** Everything that looks an order up (number, ownership check) before it answers. */
export type OrderFlowIntent = OrderIntent | OrderQuestionIntent;

export type PendingSlot =
  | {
      kind: 'order_number';
      intent: OrderFlowIntent;
      attempts: number;
      /** The reply also offered a colleague (no number at hand): "yes" asks for one. */
      personOffered?: boolean;
    }
  | { kind: 'order_email'; intent: OrderFlowIntent; orderId: string; attempts: number }
  /** Answered in general ("tell me the order number and I will check"): a number next is about it. */
  | {
      kind: 'order_offer';
      intent: OrderQuestionIntent;
      /** An invoice with company details: passed to a person once the order is named. */
      companyDetails?: boolean;
    }
  | { kind: 'confirm_cancel'; orderId: string }
  | { kind: 'new_address'; orderId: string; attempts: number }
  | { kind: 'confirm_address'; orderId: string; address: ShippingAddressInput }
  | { kind: 'clarify'; options: string[] }
  /** Asked which of these products the shopper means. */
  | { kind: 'pick_product'; productIds: string[] }
  /** The product-question answer asked which product; the next message should name it. */
  | { kind: 'name_product' }
  /** A reply suggested cancelling this order (the refund of an order not yet shipped): "yes" asks for it. */
  | { kind: 'offered_cancel'; orderNumber: string }
  /** A reply offered a colleague ("that didn't solve it"): "yes" asks for one. */
  | { kind: 'offered_person'; intent: string };

/** Structured content the widget renders beside the text. */
export interface ReplyPayload {
  quickReplies?: { label: string; value: string }[];
  products?: ProductCard[];
  order?: OrderView;
  templateId?: string;
  /** Set on the bot's reply that asks for a rating (widget shows stars). */
  ratingPrompt?: boolean;
}

export interface BotReply {
  text: string;
  payload?: ReplyPayload;
  /**
   * The request this reply answers, where it is not the turn's `handledIntent`: the second of
   * two requests in one message.
   */
  intent?: string;
}

export type EscalationReason =
  | 'requested'
  | 'repeated_failure'
  | 'negative_complaint'
  | 'order_problem'
  /** Company details on an invoice: the bot's invoice answer promises to pass them on. */
  | 'invoice_request';

/** What one turn decided: the replies, the new state, and side effects already performed. */
export interface Decision {
  replies: BotReply[];
  state: DialogueState;
  /** Set when the conversation must go to the human queue. */
  escalate?: { reason: EscalationReason; priority: number };
  /** Commerce actions performed (recorded on the message and as behaviour events). */
  actions: { type: string; orderId?: string; detail?: Record<string, unknown> }[];
  /** The intent this turn was finally handled as (after clarification/slot filling). */
  handledIntent: string;
  /** True when the bot answered the need (for deflection and failure counting). */
  understood: boolean;
  /** The language the bot answered in: the conversation's from now on. */
  locale: Locale;
}

/** Everything the policy may do outside itself; implemented with commerce and retrieval. */
export interface DialoguePorts {
  findOrderByNumber(number: string): Promise<OrderView | null>;
  findOrderById(orderId: string): Promise<OrderView | null>;
  recentOrders(customerId: string, limit: number): Promise<OrderView[]>;
  cancelOrder(orderId: string): Promise<OrderView>;
  changeShippingAddress(orderId: string, address: ShippingAddressInput): Promise<OrderView>;
  /** Most popular first; titles in `locale` where the shop has them. */
  popularProducts(
    category: string | undefined,
    limit: number,
    locale: Locale,
  ): Promise<ProductCard[]>;
  categories(): Promise<string[]>;
  /** The one product the message names (title, Chinese title or SKU), or null. */
  findNamedProduct(text: string, locale: Locale): Promise<ProductDetail | null>;
  findProductById(productId: string, locale: Locale): Promise<ProductDetail | null>;
  /** Products the message names in part ("the Ember backpack"), most likely first. */
  productsNamedInPart(text: string, locale: Locale, limit: number): Promise<ProductDetail[]>;
  /** The template answer for an intent (retrieval ranks the intent's templates by the vector). */
  templateAnswer(input: {
    intent: string;
    locale: Locale;
    vector: number[];
    order?: OrderView;
    /** The order's refund in words, for `{{refund.*}}` slots. */
    refund?: { status: string; amount: string };
    firstName?: string | null;
  }): Promise<BotReply | null>;
  /**
   * The FAQ entry closest to an out-of-scope message by meaning, if it also shares enough of
   * the message's important words; null when none does.
   */
  faqAnswer(input: { locale: Locale; vector: number[]; text: string }): Promise<BotReply | null>;
  /** The shop's FAQ entry whose question the message asks in other words, or null. */
  faqByWords(input: { locale: Locale; text: string }): Promise<BotReply | null>;
  /**
   * Understands part of a message on its own (a message asking two things is answered part by
   * part). Without it every message is answered as one request.
   */
  understand?(text: string): Promise<Understanding>;
}

export interface TurnContext {
  /** Identified customer (verified identity), or null for an anonymous visitor. */
  customerId: string | null;
  firstName: string | null;
  /** Conversation locale, used when the message has no clear language of its own. */
  locale: Locale;
}
