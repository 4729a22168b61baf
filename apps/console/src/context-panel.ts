import { el, date } from './dom';
import type { Context, OrderSummary } from './types';

const REASONS: Record<string, string> = {
  requested: 'asked for a person',
  negative_complaint: 'angry complaint',
  repeated_failure: 'bot did not understand',
  order_problem: 'order problem',
  invoice_request: 'company invoice',
};
export const reasonLabel = (r: string | null) => (r ? (REASONS[r] ?? r) : '');

/** Right-hand panel: who the customer is, their orders, earlier chats, and the mood of this one. */
export function contextPanel(context: Context | null): HTMLElement {
  const panel = el('aside', { class: 'context', 'data-testid': 'context' });
  if (!context) return panel;
  const c = context.customer;
  panel.append(
    el('h3', {}, 'Customer'),
    c
      ? el(
          'dl',
          { 'data-testid': 'profile' },
          el('dt', {}, 'Name'),
          el('dd', {}, c.name ?? '—'),
          el('dt', {}, 'E-mail'),
          el('dd', {}, c.email ?? '—'),
          el('dt', {}, 'Shop id'),
          el('dd', {}, c.externalId),
          el('dt', {}, 'Location'),
          el('dd', {}, [c.city, c.country].filter(Boolean).join(', ') || '—'),
          el('dt', {}, 'Customer since'),
          el('dd', {}, date(c.signedUpAt) || '—'),
        )
      : el('p', { class: 'muted' }, 'Anonymous visitor (not signed in to the shop).'),
    context.profile ? profileList(context.profile) : '',
    context.churn ? churnRisk(context.churn) : '',
    context.ticketEmail
      ? el('p', { class: 'ticket' }, `Follow-up e-mail left: ${context.ticketEmail}`)
      : '',
    el('h3', {}, `Orders (${context.orders.length})`),
    context.orders.length
      ? ordersTable(context.orders, 'orders', (o) =>
          o.discussed ? el('span', { class: 'badge discussed' }, 'asked about') : '',
        )
      : el('p', { class: 'muted' }, 'No orders.'),
    context.otherOrdersDiscussed.length ? discussedOrders(context.otherOrdersDiscussed) : '',
    el('h3', {}, 'Previous conversations'),
    context.previousConversations.length
      ? el(
          'ul',
          { class: 'previous' },
          ...context.previousConversations.map((p) =>
            el(
              'li',
              {},
              `${date(p.createdAt)} · ${p.firstIntent ?? 'no intent'} · ${p.status}`,
              p.rating ? ` · rated ${p.rating}/5` : '',
              p.escalationReason ? ` · ${reasonLabel(p.escalationReason)}` : '',
            ),
          ),
        )
      : el('p', { class: 'muted' }, 'None.'),
    el('h3', {}, 'Sentiment in this chat'),
    sentimentBars(context.sentiment),
  );
  return panel;
}

const OWNERSHIP: Record<
  Context['otherOrdersDiscussed'][number]['ownership'],
  { label: string; hint: string }
> = {
  customer: { label: "customer's own", hint: 'Placed by the signed-in customer.' },
  other_customer: {
    label: "another customer's",
    hint: 'Placed by someone else: do not share its details with this shopper.',
  },
  verified_by_email: {
    label: 'verified by e-mail',
    hint: 'The shopper typed the e-mail address this order was placed with.',
  },
  unverified: {
    label: 'not verified',
    hint: 'The shopper has not proved this order is theirs: check the e-mail address first.',
  },
};

/** Orders the shopper asked the bot about beyond their own list, with whose they are. */
function discussedOrders(orders: Context['otherOrdersDiscussed']): HTMLElement {
  return el(
    'div',
    { 'data-testid': 'orders-discussed' },
    el('h3', {}, 'Orders asked about in this chat'),
    el(
      'ul',
      { class: 'discussed-orders' },
      ...orders.map((o) =>
        el(
          'li',
          {},
          el(
            'div',
            {},
            el('strong', {}, o.number),
            ' ',
            el('span', { class: `status status-${o.status}` }, o.status),
            ` ${o.total} ${o.currency} · ${date(o.placedAt)}`,
          ),
          el(
            'div',
            { class: 'muted' },
            el(
              'span',
              {
                class: `badge ownership-${o.ownership}`,
                title: OWNERSHIP[o.ownership].hint,
              },
              OWNERSHIP[o.ownership].label,
            ),
            o.placedBy
              ? ` placed by ${[o.placedBy.name, o.placedBy.email].filter(Boolean).join(', ')}`
              : '',
          ),
        ),
      ),
    ),
  );
}

/** Orders as a table; `note` adds a last cell (a badge) per order. */
function ordersTable<T extends OrderSummary>(
  orders: T[],
  testId: string,
  note: (order: T) => HTMLElement | string,
): HTMLElement {
  return el(
    'table',
    { class: 'orders', 'data-testid': testId },
    el(
      'tr',
      {},
      el('th', {}, 'Order'),
      el('th', {}, 'Status'),
      el('th', {}, 'Total'),
      el('th', {}, 'Placed'),
    ),
    // The note goes under the order number: a column of its own does not fit the 320px panel.
    ...orders.map((o) =>
      el(
        'tr',
        {},
        el('td', {}, o.number, note(o)),
        el('td', {}, el('span', { class: `status status-${o.status}` }, o.status)),
        el('td', {}, `${o.total} ${o.currency}`),
        el('td', {}, date(o.placedAt)),
      ),
    ),
  );
}

/**
 * One bar per shopper message, up for positive scores and down for negative ones, coloured by the
 * sentiment model's label: a mildly negative "where is my order?" is neutral, grey, not red.
 */
function sentimentBars(points: Context['sentiment']): HTMLElement {
  if (!points.length) return el('p', { class: 'muted' }, 'No shopper messages yet.');
  const bars = el('div', { class: 'sentiment', 'data-testid': 'sentiment' });
  const counts = { negative: 0, neutral: 0, positive: 0 };
  for (const p of points) {
    // Rows stored before labels existed: the sign is all there is.
    const label = p.label ?? (p.score < 0 ? 'negative' : 'positive');
    counts[label]++;
    const height = Math.max(4, Math.round(Math.abs(p.score) * 40));
    const bar = el('span', {
      class: `${p.score >= 0 ? 'up' : 'down'} ${label}`,
      title: `${label} (${p.score.toFixed(2)})`,
    });
    // Set through the CSSOM: the console's CSP forbids inline style attributes.
    bar.style.height = `${height}px`;
    bars.append(bar);
  }
  return el(
    'div',
    {},
    bars,
    el(
      'p',
      { class: 'muted', 'data-testid': 'sentiment-summary' },
      `${counts.negative} negative, ${counts.neutral} neutral, ${counts.positive} positive; ` +
        `latest ${points[points.length - 1].score.toFixed(2)}`,
    ),
  );
}

function profileList(p: NonNullable<Context['profile']>): HTMLElement {
  const negative =
    p.negativeSentimentShare === null ? '—' : `${Math.round(p.negativeSentimentShare * 100)}%`;
  return el(
    'dl',
    { 'data-testid': 'behaviour' },
    el('dt', {}, 'Stage'),
    el('dd', {}, el('span', { class: 'stage' }, p.lifecycleStage)),
    el('dt', {}, 'Orders'),
    el('dd', {}, `${p.orders} · value ${p.monetaryValue.toFixed(2)}`),
    el('dt', {}, 'Last order'),
    el('dd', {}, p.daysSinceLastOrder === null ? '—' : `${p.daysSinceLastOrder} days ago`),
    el('dt', {}, 'Support'),
    el('dd', {}, `${p.supportContacts} chats · ${p.complaints} complaints`),
    el('dt', {}, 'Rating'),
    el('dd', {}, p.averageRating === null ? '—' : `${p.averageRating.toFixed(1)} / 5`),
    el('dt', {}, 'Negative msgs'),
    el('dd', {}, negative),
  );
}

/** Churn risk: tier badge, probability and up to three plain-words reasons (why it is high). */
function churnRisk(churn: NonNullable<Context['churn']>): HTMLElement {
  return el(
    'div',
    { class: 'churn', 'data-testid': 'churn' },
    el(
      'p',
      {},
      'Churn risk ',
      el('span', { class: `risk risk-${churn.tier}` }, churn.tier),
      ` ${Math.round(churn.probability * 100)}%`,
      el('span', { class: 'muted' }, ` · scored ${date(churn.scoredAt)}`),
    ),
    churn.reasons.length
      ? el(
          'ul',
          { class: 'churn-reasons' },
          ...churn.reasons.slice(0, 3).map((r) => el('li', {}, r)),
        )
      : '',
  );
}
