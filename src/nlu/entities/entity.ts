/** Kinds of values the extractor finds in a shopper message. */
export type EntityType =
  | 'order_number'
  | 'tracking_number'
  | 'invoice_number'
  | 'email'
  | 'phone'
  | 'money'
  | 'date'
  | 'sku'
  | 'card_number'
  | 'account_number'
  | 'address';

/**
 * One value found in a message. `text` is the exact slice `message.slice(start, end)` (UTF-16
 * offsets into the caller's string); `value` is the normalised form: an ISO date
 * (`2026-03-05`), `"<amount> <ISO currency>"` (`"12.5 USD"`), an E.164-style phone number, a
 * lower-cased email, an upper-cased identifier without spaces or a leading `#`.
 */
export interface Entity {
  type: EntityType;
  value: string;
  text: string;
  start: number;
  end: number;
}

/**
 * A candidate from one pattern family; `priority` decides which of two overlapping candidates
 * wins (a number after "order" is an order number even if it also looks like a phone number).
 */
export interface EntityCandidate extends Entity {
  priority: number;
}

/** What the pattern families need besides the text: the reference time for relative dates. */
export interface ExtractContext {
  now: Date;
}
