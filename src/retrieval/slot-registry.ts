/**
 * Every slot a template may use, grouped by the object that supplies it, with the meaning staff
 * see in the editor. A template naming anything else is rejected at save. Values arrive already
 * formatted for the shopper (money with currency, dates in their zone): the renderer does not
 * know the shop's currency or the viewer's time zone.
 */
export const SLOT_REGISTRY = {
  customer: {
    firstName: "the shopper's first name",
  },
  order: {
    number: 'the order number as the shopper knows it',
    status: 'the order status in words (e.g. "shipped")',
    eta: 'the expected delivery date',
    total: 'the order total with currency',
    trackingUrl: "the carrier's tracking link",
    carrier: 'the carrier name',
  },
  refund: {
    status: 'the refund status in words (e.g. "sent to your bank")',
    amount: 'the refund amount with currency',
  },
  shop: {
    name: 'the shop name',
    supportEmail: 'the support e-mail address',
    supportHours: 'when human agents are available',
    returnWindowDays: 'the number of days a return is accepted',
  },
  agent: {
    name: 'the human agent who joined the chat',
  },
} as const;

type Registry = typeof SLOT_REGISTRY;
export type SlotGroup = keyof Registry;
/** A value a slot can be filled with; null/undefined/blank means "not available". */
export type SlotValue = string | number | null | undefined;
/** The data one conversation can offer the renderer, shaped like the registry. */
export type SlotContext = { [G in SlotGroup]?: { [F in keyof Registry[G]]?: SlotValue } };

/** Flat names (`order.number`) of every known slot. */
export const KNOWN_SLOTS: ReadonlySet<string> = new Set(
  Object.entries(SLOT_REGISTRY).flatMap(([group, fields]) =>
    Object.keys(fields).map((f) => `${group}.${f}`),
  ),
);

/** The value of `group.field` in `context`, or undefined when absent or blank. */
export function slotValue(context: SlotContext, slot: string): string | undefined {
  const [group, field] = slot.split('.');
  const value = (context as Record<string, Record<string, SlotValue> | undefined>)[group]?.[field];
  if (value === null || value === undefined) return undefined;
  const text = String(value).trim();
  return text.length > 0 ? text : undefined;
}
