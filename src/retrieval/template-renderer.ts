import { RetrievalError } from './retrieval.errors';
import { KNOWN_SLOTS, SlotContext, slotValue } from './slot-registry';

/** A slot token: `{{ group.field }}` (spaces inside the braces are allowed). */
const SLOT_TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;
const SLOT_NAME = /^[a-z]+\.[A-Za-z]+$/;
const MAX_VALUE_LENGTH = 300;

/** One body variant, as stored on a template. */
export interface TemplateBody {
  body: string;
}

export interface TemplateProblem {
  variant: number;
  problem: 'unknown-slot' | 'malformed-braces' | 'empty-body';
  /** The offending text: the slot token or a short excerpt around the stray brace. */
  text: string;
}

export interface RenderedAnswer {
  /** Plain text for the widget, which renders with textContent. */
  text: string;
  /** The same answer HTML-escaped, for any surface that inserts it as HTML (console, e-mail). */
  html: string;
  /** Index of the variant that was used. */
  variant: number;
}

/** Slot names used by a body, in order of first use. Assumes a body that passed validation. */
export function templateSlots(body: string): string[] {
  return [...new Set([...body.matchAll(SLOT_TOKEN)].map((m) => m[1]))];
}

function problemsOf(body: string, variant: number): TemplateProblem[] {
  if (body.trim().length === 0) return [{ variant, problem: 'empty-body', text: '' }];
  const problems: TemplateProblem[] = [];
  for (const match of body.matchAll(SLOT_TOKEN)) {
    if (!SLOT_NAME.test(match[1]) || !KNOWN_SLOTS.has(match[1])) {
      problems.push({ variant, problem: 'unknown-slot', text: match[0] });
    }
  }
  // Braces are reserved for slots: any left after removing whole tokens is a typo such as
  // `{order.number}` or `{{order.number}`, which would otherwise reach the shopper verbatim.
  const rest = body.replace(SLOT_TOKEN, (token) => ' '.repeat(token.length));
  for (const match of rest.matchAll(/[{}]+/g)) {
    const at = match.index ?? 0;
    const excerpt = body.slice(Math.max(0, at - 12), at + match[0].length + 12);
    problems.push({ variant, problem: 'malformed-braces', text: excerpt });
  }
  return problems;
}

/** Every problem in a template's variants; empty when it can be saved. */
export function findTemplateProblems(
  variants: readonly TemplateBody[] | string,
): TemplateProblem[] {
  const list = typeof variants === 'string' ? [{ body: variants }] : variants;
  if (list.length === 0) return [{ variant: 0, problem: 'empty-body', text: '' }];
  return list.flatMap((v, i) => problemsOf(v.body, i));
}

/**
 * Throws TEMPLATE_INVALID listing every unknown slot and stray brace, so staff fix them in one
 * go. A single string is validated as a one-variant template.
 */
export function validateTemplate(variants: readonly TemplateBody[] | string): void {
  const problems = findTemplateProblems(variants);
  if (problems.length === 0) return;
  const described = problems.map((p) => {
    const where = `variant ${p.variant + 1}`;
    if (p.problem === 'empty-body') return `${where}: the body is empty`;
    if (p.problem === 'unknown-slot') return `${where}: unknown slot ${p.text}`;
    return `${where}: unmatched brace near "${p.text}" (use {{group.field}})`;
  });
  throw new RetrievalError(
    'TEMPLATE_INVALID',
    `template has ${problems.length} problem(s): ${described.join('; ')}. ` +
      `Known slots: ${[...KNOWN_SLOTS].map((s) => `{{${s}}}`).join(', ')}`,
    { problems },
  );
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A shopper-supplied or imported value is data, never template syntax: braces are dropped so a
 * value can never look like an unfilled slot, control characters and runs of whitespace are
 * flattened, and very long values are cut.
 */
function cleanValue(value: string): string {
  const flat = value
    .replace(/[{}]/g, '')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > MAX_VALUE_LENGTH ? `${flat.slice(0, MAX_VALUE_LENGTH - 1)}…` : flat;
}

/**
 * Renders the first variant whose slots are all available in `context`. A variant that is
 * invalid (e.g. saved before a slot was retired) is skipped. Returns null when no variant can
 * be rendered, so the caller moves on to another answer: a shopper never sees `{{…}}`.
 */
export function render(
  variants: readonly TemplateBody[],
  context: SlotContext,
): RenderedAnswer | null {
  for (let i = 0; i < variants.length; i++) {
    const body = variants[i].body;
    if (problemsOf(body, i).length > 0) continue;
    const values = new Map<string, string>();
    const complete = templateSlots(body).every((slot) => {
      const raw = slotValue(context, slot);
      const value = raw === undefined ? '' : cleanValue(raw);
      values.set(slot, value);
      return value.length > 0;
    });
    if (!complete) continue;
    const text = body.replace(SLOT_TOKEN, (_token, slot: string) => values.get(slot) as string);
    return { text, html: escapeHtml(text), variant: i };
  }
  return null;
}
