import { h, safeUrl } from './dom';
import { Locale, statusLabel, t } from './i18n';
import { Message, OrderCard, ProductCard, QuickReply } from './types';

export interface ViewContext {
  locale: Locale;
  /** Quick-reply value → label, so a shopper's tapped reply shows as the label it had. */
  labelFor(value: string): string;
  onQuickReply(reply: QuickReply): void;
  onRate(rating: number, comment: string, done: (error?: string) => void): void;
}

function time(iso: string, locale: Locale): HTMLTimeElement {
  const date = new Date(iso);
  const text = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en', {
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
  return h('time', { datetime: date.toISOString() }, text);
}

export function money(amount: number, currency: string, locale: Locale): string {
  try {
    return new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en', {
      style: 'currency',
      currency,
    }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** One message: who, bubble (text only), time, then its structured payload. */
export function messageRow(m: Message, ctx: ViewContext, status?: string, error?: boolean) {
  const who =
    m.sender === 'agent'
      ? m.agentName || t(ctx.locale, 'agent')
      : m.sender === 'bot'
        ? t(ctx.locale, 'bot')
        : undefined;
  const text = m.sender === 'shopper' ? ctx.labelFor(m.text) : m.text;
  const row = h(
    'div',
    { class: `row ${m.sender}`, 'data-sender': m.sender, 'data-id': m.id || undefined },
    who ? h('div', { class: 'who' }, who) : null,
    text ? h('div', { class: 'bubble' }, text) : null,
  );
  const p = m.payload;
  if (p?.products?.length) row.append(productCards(p.products, ctx.locale));
  if (p?.order) row.append(orderCard(p.order, ctx.locale));
  if (m.sender !== 'system')
    row.append(
      h('div', { class: error ? 'meta error' : 'meta' }, status ?? time(m.createdAt, ctx.locale)),
    );
  return row;
}

export function quickReplies(replies: QuickReply[], ctx: ViewContext): HTMLElement {
  const box = h('div', { class: 'chips', role: 'group' });
  for (const reply of replies) {
    const chip = h('button', { type: 'button', class: 'chip' }, reply.label);
    chip.addEventListener('click', () => ctx.onQuickReply(reply));
    box.append(chip);
  }
  return box;
}

function productCards(products: ProductCard[], locale: Locale): HTMLElement {
  const list = h('div', { class: 'cards', role: 'list' });
  for (const p of products) {
    const href = safeUrl(p.url);
    const src = safeUrl(p.imageUrl, true);
    const body = h(
      'div',
      { class: 'card-body' },
      h('span', { class: 'card-title' }, p.title),
      h('span', { class: 'price' }, money(p.price, p.currency, locale)),
    );
    const card = href
      ? h('a', { class: 'card', href, target: '_blank', rel: 'noopener noreferrer' })
      : h('div', { class: 'card' });
    card.setAttribute('role', 'listitem');
    if (src) card.append(h('img', { src, alt: '', loading: 'lazy' }));
    card.append(body);
    list.append(card);
  }
  return list;
}

function orderCard(order: OrderCard, locale: Locale): HTMLElement {
  const card = h(
    'div',
    { class: 'order', role: 'group', 'aria-label': t(locale, 'order', { number: order.number }) },
    h(
      'div',
      { class: 'order-head' },
      h('span', {}, t(locale, 'order', { number: order.number })),
      h('span', { class: 'pill' }, statusLabel(locale, order.status)),
    ),
  );
  if (order.items?.length)
    card.append(
      h(
        'ul',
        {},
        ...order.items.map((i) =>
          h('li', {}, `${i.quantity} × ${(locale === 'zh' && i.titleZh) || i.title}`),
        ),
      ),
    );
  if (order.eta) card.append(h('div', {}, t(locale, 'eta', { eta: order.eta.slice(0, 10) })));
  const tracking = safeUrl(order.trackingUrl);
  if (tracking)
    card.append(
      h('a', { href: tracking, target: '_blank', rel: 'noopener noreferrer' }, t(locale, 'track')),
    );
  return card;
}

let ratingSeq = 0;

/** 1–5 stars as a native radio group (arrow keys work) plus an optional comment. */
export function ratingForm(ctx: ViewContext): HTMLElement {
  const name = `cw-rating-${++ratingSeq}`;
  const title = t(ctx.locale, 'ratePrompt');
  const stars = h('div', { class: 'stars', role: 'radiogroup', 'aria-label': title });
  // Reversed in the DOM and flipped back by CSS so "this star and the ones before it" light up.
  for (let n = 5; n >= 1; n--) {
    const id = `${name}-${n}`;
    stars.append(
      h('input', { type: 'radio', name, id, value: String(n) }),
      h('label', { for: id, title: t(ctx.locale, 'star', { n }) }, '★'),
    );
    stars.lastElementChild!.setAttribute('aria-label', t(ctx.locale, 'star', { n }));
  }
  const comment = h('textarea', {
    'aria-label': t(ctx.locale, 'comment'),
    placeholder: t(ctx.locale, 'comment'),
    maxlength: '1000',
  });
  const submit = h(
    'button',
    { type: 'submit', class: 'primary', disabled: true },
    t(ctx.locale, 'submitRating'),
  );
  const error = h('div', { class: 'meta error', role: 'alert', hidden: true });
  const form = h(
    'form',
    { class: 'rating' },
    h('div', { class: 'rate-title' }, title),
    stars,
    comment,
    submit,
    error,
  );
  stars.addEventListener('change', () => (submit.disabled = false));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const picked = form.querySelector<HTMLInputElement>('input:checked');
    if (!picked) return;
    submit.disabled = true;
    ctx.onRate(Number(picked.value), comment.value.trim(), (message) => {
      if (message) {
        error.textContent = message;
        error.hidden = false;
        submit.disabled = false;
        return;
      }
      form.replaceChildren(h('div', { role: 'status' }, t(ctx.locale, 'thanks')));
    });
  });
  return form;
}
