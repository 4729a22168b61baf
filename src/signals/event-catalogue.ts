/**
 * Every behaviour event type the platform accepts from outside, with the schema of its payload.
 * Chat events are written by the chat engine itself; they are listed so that the batch endpoint
 * (imports, other channels) is held to the same shapes the profile processor reads.
 */
export type EventSource = 'chat' | 'storefront' | 'shop';

type FieldSpec =
  | { kind: 'string'; required?: boolean; maxLength?: number; values?: readonly string[] }
  | { kind: 'number'; required?: boolean; min?: number; max?: number; integer?: boolean }
  | { kind: 'boolean'; required?: boolean };

export interface EventTypeSpec {
  source: EventSource;
  /** Shop events describe a known customer; storefront events may be anonymous (visitor only). */
  needsCustomer: boolean;
  payload: Record<string, FieldSpec>;
}

const id = { kind: 'string', maxLength: 200 } as const;
const requiredId = { ...id, required: true } as const;
const money = { kind: 'number', min: 0, max: 1e9 } as const;

export const EVENT_CATALOGUE: Record<string, EventTypeSpec> = {
  chat_message: {
    source: 'chat',
    needsCustomer: false,
    payload: {
      messageId: id,
      intent: { kind: 'string', maxLength: 100 },
      confidence: { kind: 'number', min: 0, max: 1 },
      lang: { kind: 'string', maxLength: 10 },
      sentiment: { kind: 'number', min: -1, max: 1 },
      sentimentLabel: { kind: 'string', values: ['negative', 'neutral', 'positive'] },
    },
  },
  chat_escalated: {
    source: 'chat',
    needsCustomer: false,
    payload: {
      reason: { kind: 'string', maxLength: 100 },
      intent: { kind: 'string', maxLength: 100 },
    },
  },
  chat_resolved: {
    source: 'chat',
    needsCustomer: false,
    payload: { by: { kind: 'string', maxLength: 50 }, deflected: { kind: 'boolean' } },
  },
  chat_rated: {
    source: 'chat',
    needsCustomer: false,
    payload: {
      rating: { kind: 'number', required: true, min: 1, max: 5, integer: true },
      hasComment: { kind: 'boolean' },
    },
  },
  chat_action: {
    source: 'chat',
    needsCustomer: false,
    payload: { action: { kind: 'string', required: true, maxLength: 100 }, orderId: id, by: id },
  },
  page_view: {
    source: 'storefront',
    needsCustomer: false,
    payload: {
      url: { kind: 'string', required: true, maxLength: 2000 },
      title: { kind: 'string', maxLength: 500 },
      referrer: { kind: 'string', maxLength: 2000 },
    },
  },
  product_view: {
    source: 'storefront',
    needsCustomer: false,
    payload: { productId: requiredId, category: { kind: 'string', maxLength: 200 }, price: money },
  },
  search: {
    source: 'storefront',
    needsCustomer: false,
    payload: {
      query: { kind: 'string', required: true, maxLength: 500 },
      results: { kind: 'number', min: 0, integer: true },
    },
  },
  add_to_cart: {
    source: 'storefront',
    needsCustomer: false,
    payload: {
      productId: requiredId,
      quantity: { kind: 'number', min: 1, max: 10_000, integer: true },
      price: money,
    },
  },
  order_placed: {
    source: 'shop',
    needsCustomer: true,
    payload: {
      orderId: requiredId,
      total: { ...money, required: true },
      currency: { kind: 'string', maxLength: 3 },
      items: { kind: 'number', min: 0, integer: true },
    },
  },
  order_cancelled: {
    source: 'shop',
    needsCustomer: true,
    payload: { orderId: requiredId, reason: { kind: 'string', maxLength: 500 }, by: id },
  },
  order_refunded: {
    source: 'shop',
    needsCustomer: true,
    payload: {
      orderId: requiredId,
      amount: { ...money, required: true },
      reason: { kind: 'string', maxLength: 500 },
    },
  },
  order_returned: {
    source: 'shop',
    needsCustomer: true,
    payload: {
      orderId: requiredId,
      items: { kind: 'number', min: 0, integer: true },
      reason: { kind: 'string', maxLength: 500 },
    },
  },
};

export const STOREFRONT_TYPES = Object.keys(EVENT_CATALOGUE).filter(
  (type) => EVENT_CATALOGUE[type].source === 'storefront',
);

/** The first problem with `payload` for `type`, or null when it matches the schema. */
export function payloadProblem(
  type: string,
  payload: unknown,
): { code: string; message: string } | null {
  const spec = EVENT_CATALOGUE[type];
  if (!spec)
    return {
      code: 'UNKNOWN_EVENT_TYPE',
      message: `unknown event type "${String(type).slice(0, 64)}"; known types: ${Object.keys(EVENT_CATALOGUE).join(', ')}`,
    };
  if (payload === undefined) payload = {};
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
    return { code: 'INVALID_EVENT', message: 'payload must be an object' };
  const record = payload as Record<string, unknown>;
  for (const key of Object.keys(record))
    if (!(key in spec.payload))
      return { code: 'INVALID_EVENT', message: `payload.${key} is not a field of ${type}` };
  for (const [name, field] of Object.entries(spec.payload)) {
    const problem = fieldProblem(field, record[name]);
    if (problem) return { code: 'INVALID_EVENT', message: `payload.${name} ${problem}` };
  }
  return null;
}

function fieldProblem(field: FieldSpec, value: unknown): string | null {
  if (value === undefined || value === null) return field.required ? 'is required' : null;
  switch (field.kind) {
    case 'string':
      if (typeof value !== 'string') return 'must be a string';
      if (field.maxLength !== undefined && value.length > field.maxLength)
        return `must be at most ${field.maxLength} characters`;
      if (field.values && !field.values.includes(value))
        return `must be one of ${field.values.join(', ')}`;
      return null;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      if (field.integer && !Number.isInteger(value)) return 'must be an integer';
      if (field.min !== undefined && value < field.min) return `must be ≥ ${field.min}`;
      if (field.max !== undefined && value > field.max) return `must be ≤ ${field.max}`;
      return null;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
  }
}
