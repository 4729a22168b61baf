import { TemplateLocale } from '../faq-csv';

/** The 27 Bitext customer-service intents the intent model is trained on. */
export const SERVICE_INTENTS = [
  'cancel_order',
  'change_order',
  'change_shipping_address',
  'check_cancellation_fee',
  'check_invoice',
  'check_payment_methods',
  'check_refund_policy',
  'complaint',
  'contact_customer_service',
  'contact_human_agent',
  'create_account',
  'delete_account',
  'delivery_options',
  'delivery_period',
  'edit_account',
  'get_invoice',
  'get_refund',
  'newsletter_subscription',
  'payment_issue',
  'place_order',
  'recover_password',
  'registration_problems',
  'review',
  'set_up_shipping_address',
  'switch_account',
  'track_order',
  'track_refund',
] as const;

/** Conversation intents the shop bot handles beyond Bitext's service set. */
export const CONVERSATION_INTENTS = [
  'greeting',
  'goodbye',
  'thanks',
  'product_recommendation',
  'product_question',
] as const;

/** The fallback: what the bot says when nothing answers. Never retrievable, so no examples. */
export const FALLBACK_INTENT = 'oos';

export const SHIPPED_INTENTS = [
  ...SERVICE_INTENTS,
  ...CONVERSATION_INTENTS,
  FALLBACK_INTENT,
] as const;
export type ShippedIntent = (typeof SHIPPED_INTENTS)[number];

/**
 * An answer template shipped with Concierge, written by the team (not taken from any dataset).
 * Variants run from most to least specific: the renderer uses the first whose slots are known.
 */
export interface ShippedTemplate {
  intent: ShippedIntent;
  locale: TemplateLocale;
  title: string;
  variants: { body: string }[];
  /** Embedded into the retrieval index; 3–6 per template, none for the fallback. */
  exampleQuestions: string[];
  quickReplies?: string[];
}
