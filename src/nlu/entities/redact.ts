import { Entity, EntityType } from './entity';
import { extractEntities } from './entity-extractor';
import { luhnValid } from './identifier-patterns';

const MASKS: Partial<Record<EntityType, string>> = {
  email: '[EMAIL]',
  phone: '[PHONE]',
  card_number: '[CARD]',
  account_number: '[ACCOUNT]',
  address: '[ADDRESS]',
};

/**
 * An id that the extractor read as an order number because of the word "order" but that is
 * shaped like a payment card is masked anyway: over-masking an order number in analytics costs
 * little, leaking a card number does not.
 */
function looksLikeCard(entity: Entity): boolean {
  return /^[2-6]\d{12,18}$/.test(entity.value) && luhnValid(entity.value);
}

function maskFor(entity: Entity): string | undefined {
  const mask = MASKS[entity.type];
  if (mask) return mask;
  return entity.type === 'order_number' && looksLikeCard(entity) ? MASKS.card_number : undefined;
}

/**
 * The privacy copy of a message (DESIGN "privacy by design"): emails, phone numbers, card and
 * account numbers and street addresses replaced by `[EMAIL]`, `[PHONE]`, `[CARD]`, `[ACCOUNT]`,
 * `[ADDRESS]`. Order numbers, amounts and dates stay, since analytics needs them.
 */
export function redact(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  let out = '';
  let cursor = 0;
  for (const entity of extractEntities(text)) {
    const mask = maskFor(entity);
    if (!mask) continue;
    out += text.slice(cursor, entity.start) + mask;
    cursor = entity.end;
  }
  return out + text.slice(cursor);
}
