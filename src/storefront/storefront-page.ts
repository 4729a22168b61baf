/** Server-rendered demo shop page. Every value from the database goes through `escapeHtml`. */

import { FAVICON_LINK } from '../common/favicon';
import { formatMoney } from '../common/money-format';

export type StoreLocale = 'en' | 'zh';

export interface StoreProduct {
  title: string;
  price: number;
  currency: string;
  category: string | null;
  imageUrl: string | null;
  url: string | null;
}

const TEXT = {
  en: {
    titleSuffix: 'demo store',
    tagline: 'Everyday things, delivered fast. Questions? Our assistant is one click away.',
    popular: 'Popular right now',
    categories: 'Shop by category',
    empty: 'No products yet. Start with SEED_DEMO=auto to load the demo shop.',
    chatHint:
      'Try the chat: “where is my order?”, “recommend some shoes”, “I want to talk to a person”.',
    other: '中文',
    otherHref: '/zh',
    footer:
      'A demo storefront served by Concierge. The chat widget is embedded with one script tag.',
    back: '← All products',
    inStock: 'In stock',
    outOfStock: 'Out of stock',
    askHint: 'Questions about this product? Ask our assistant (bottom right).',
    notFound: 'This product does not exist or is no longer sold.',
  },
  zh: {
    titleSuffix: '演示商店',
    tagline: '日常好物，极速送达。有问题？点一下右下角就能问智能助手。',
    popular: '热门商品',
    categories: '按分类浏览',
    empty: '暂无商品。设置 SEED_DEMO=auto 启动即可加载演示数据。',
    chatHint: '试试在线客服：“我的快递到哪了？”、“推荐几双鞋”、“转人工”。',
    other: 'English',
    otherHref: '/',
    footer: '由 Concierge 提供的演示商店，聊天组件只需一个 script 标签即可嵌入。',
    back: '← 返回全部商品',
    inStock: '有货',
    outOfStock: '缺货',
    askHint: '对这件商品有疑问？点右下角问智能助手。',
    notFound: '该商品不存在或已下架。',
  },
} as const;

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** Only web, same-site and inline-image URLs become `src`/`href` attributes. */
function safeUrl(url: string | null, allowDataImage: boolean): string | null {
  if (!url) return null;
  if (allowDataImage && /^data:image\/(png|jpe?g|gif|webp|svg\+xml)[;,]/i.test(url)) return url;
  // "/shop/products/…" is a page of this site; "//host/…" would be another site's.
  if (/^\/(?!\/)/.test(url)) return url;
  return /^https?:\/\//i.test(url) ? url : null;
}

/** A same-site product path in the page's language: the Chinese page links to /zh/shop/…. */
function localPath(url: string, locale: StoreLocale): string {
  return locale === 'zh' && url.startsWith('/') && !url.startsWith('//') ? `/zh${url}` : url;
}

function productCard(p: StoreProduct, locale: StoreLocale): string {
  const img = safeUrl(p.imageUrl, true);
  const url = safeUrl(p.url, false);
  const href = url && localPath(url, locale);
  const inner = `
      <div class="pic">${img ? `<img src="${escapeHtml(img)}" alt="" loading="lazy">` : ''}</div>
      <div class="info">
        ${p.category ? `<span class="cat">${escapeHtml(p.category)}</span>` : ''}
        <h3>${escapeHtml(p.title)}</h3>
        <span class="price">${escapeHtml(formatMoney(p.price, p.currency, locale))}</span>
      </div>`;
  return href
    ? `<a class="product" href="${escapeHtml(href)}">${inner}</a>`
    : `<div class="product">${inner}</div>`;
}

export function renderStorefront(input: {
  locale: StoreLocale;
  /** SHOP_NAME: the same name the bot's answers use, so page and chat agree. */
  shopName: string;
  products: StoreProduct[];
  categories: { category: string; productCount: number }[];
}): string {
  const s = TEXT[input.locale];
  const title = `${input.shopName} — ${s.titleSuffix}`;
  const lang = input.locale === 'zh' ? 'zh-CN' : 'en';
  const products = input.products.map((p) => productCard(p, input.locale)).join('');
  const categories = input.categories
    .map((c) => `<li><span>${escapeHtml(c.category)}</span><small>${c.productCount}</small></li>`)
    .join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${FAVICON_LINK}
<link rel="stylesheet" href="/assets/storefront.css">
</head>
<body>
<header class="top">
  <a class="brand" href="${input.locale === 'zh' ? '/zh' : '/'}">${escapeHtml(title)}</a>
  <a class="lang" href="${s.otherHref}">${s.other}</a>
</header>
<section class="hero">
  <p>${escapeHtml(s.tagline)}</p>
  <p class="hint">${escapeHtml(s.chatHint)}</p>
</section>
<main>
  ${categories ? `<h2>${escapeHtml(s.categories)}</h2><ul class="cats">${categories}</ul>` : ''}
  <h2>${escapeHtml(s.popular)}</h2>
  ${products ? `<div class="grid">${products}</div>` : `<p class="empty">${escapeHtml(s.empty)}</p>`}
</main>
<footer>${escapeHtml(s.footer)}</footer>
<script src="/widget.js" data-site-key="demo" async></script>
</body>
</html>
`;
}

export interface StoreProductDetail extends StoreProduct {
  /** The shop's product id, which `product_view` events carry. */
  externalId: string;
  description: string | null;
  stock: number | null;
}

/**
 * A product's own page. It records a `product_view` for the visitor through the widget's queue,
 * so browsing the demo shop produces the behaviour signals a real storefront would send.
 */
export function renderProductPage(input: {
  locale: StoreLocale;
  shopName: string;
  /** This page's path, for the other language's link. */
  path: string;
  product: StoreProductDetail | null;
}): string {
  const s = TEXT[input.locale];
  const home = input.locale === 'zh' ? '/zh' : '/';
  const other = input.locale === 'zh' ? input.path.replace(/^\/zh/, '') : `/zh${input.path}`;
  const p = input.product;
  const body = p
    ? `<article class="detail">
    <div class="pic">${safeUrl(p.imageUrl, true) ? `<img src="${escapeHtml(safeUrl(p.imageUrl, true)!)}" alt="">` : ''}</div>
    <div class="about">
      ${p.category ? `<span class="cat">${escapeHtml(p.category)}</span>` : ''}
      <h1>${escapeHtml(p.title)}</h1>
      <p class="price">${escapeHtml(formatMoney(p.price, p.currency, input.locale))}</p>
      <p class="stock ${p.stock === 0 ? 'out' : 'in'}">${p.stock === 0 ? s.outOfStock : s.inStock}</p>
      ${p.description ? `<p>${escapeHtml(p.description)}</p>` : ''}
      <p class="hint">${escapeHtml(s.askHint)}</p>
    </div>
  </article>
<script>window.ConciergeQueue=window.ConciergeQueue||[];window.ConciergeQueue.push(${scriptJson([
        'track',
        'product_view',
        {
          productId: p.externalId,
          ...(p.category ? { category: p.category } : {}),
          price: p.price,
        },
      ])});</script>`
    : `<p class="empty">${escapeHtml(s.notFound)}</p>`;
  const title = p ? `${p.title} — ${input.shopName}` : input.shopName;
  return `<!doctype html>
<html lang="${input.locale === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${FAVICON_LINK}
<link rel="stylesheet" href="/assets/storefront.css">
</head>
<body>
<header class="top">
  <a class="brand" href="${home}">${escapeHtml(`${input.shopName} — ${s.titleSuffix}`)}</a>
  <a class="lang" href="${escapeHtml(other)}">${s.other}</a>
</header>
<main>
  <p><a class="back" href="${home}">${escapeHtml(s.back)}</a></p>
  ${body}
</main>
<footer>${escapeHtml(s.footer)}</footer>
<script src="/widget.js" data-site-key="demo" async></script>
</body>
</html>
`;
}

/** JSON inside a <script> element: "</script>" and friends cannot end it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
