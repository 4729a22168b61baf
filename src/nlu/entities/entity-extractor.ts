import { findAddresses } from './address-patterns';
import { findEmails, findPhones } from './contact-patterns';
import { findDates } from './date-patterns';
import { Entity, EntityCandidate, ExtractContext } from './entity';
import { foldWidth } from './fold-width';
import { findFinancialNumbers, findIdentifiers } from './identifier-patterns';
import { findMoney } from './money-patterns';

export interface ExtractOptions {
  /** Reference time for relative dates ("tomorrow", 明天); dates are computed in UTC. */
  now?: Date;
}

/**
 * Keeps the best of overlapping candidates: higher priority first, then the longer span, then
 * the earlier one. Returned in text order.
 */
function resolveOverlaps(candidates: EntityCandidate[], length: number): Entity[] {
  const ranked = [...candidates].sort(
    (a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  // Character occupancy instead of pairwise span checks: linear in the text, even with
  // thousands of entities in a pasted 100 KB message.
  const taken = new Uint8Array(length);
  const kept: EntityCandidate[] = [];
  for (const c of ranked) {
    if (c.end <= c.start) continue;
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept
    .sort((a, b) => a.start - b.start)
    .map(({ type, value, text, start, end }) => ({ type, value, text, start, end }));
}

/**
 * Finds order/tracking/invoice numbers, emails, phone numbers, money amounts, dates, SKUs,
 * card and account numbers and street addresses in English or Chinese text. Offsets refer to
 * the string passed in; never throws, and every pattern runs in linear time.
 */
export function extractEntities(text: string, options: ExtractOptions = {}): Entity[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const folded = foldWidth(text);
  const ctx: ExtractContext = { now: options.now ?? new Date() };
  const candidates = [
    ...findEmails(folded),
    ...findIdentifiers(folded),
    ...findFinancialNumbers(folded),
    ...findPhones(folded),
    ...findDates(folded, ctx),
    ...findMoney(folded),
    ...findAddresses(folded),
  ];
  // Spans were found in the width-folded copy (same length); report the caller's characters.
  return resolveOverlaps(candidates, folded.length).map((e) => ({
    ...e,
    text: text.slice(e.start, e.end),
  }));
}
