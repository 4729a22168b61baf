import { CommerceService } from '../commerce/commerce.service';
import { Order } from '../commerce/entities/order.entity';
import { productTitle } from '../commerce/product-title';
import type { AnswerProvider } from '../dialogue/answer-provider';
import { Product } from '../commerce/entities/product.entity';
import type {
  DialoguePorts,
  Locale,
  OrderView,
  ProductCard,
  ProductDetail,
} from '../dialogue/dialogue.types';
import { ProductMentions } from '../dialogue/product-mention';

/**
 * How long the shop's product names and popularity rankings are reused before a re-read: a
 * ranking sums a window of orders, and a short request ("a bluetooth speaker?") is checked
 * against the top 400 products.
 */
const SHOP_READS_TTL_MS = 60_000;

/** Connects the dialogue policy to the shop (commerce module) and to template retrieval. */
export function commerceDialoguePorts(
  commerce: CommerceService,
  answers: AnswerProvider,
): DialoguePorts {
  const productMentions = reusedFor(
    SHOP_READS_TTL_MS,
    () => commerce.activeProductNames().then((names) => new ProductMentions(names)),
    () => '',
  );
  const popular = reusedFor(
    SHOP_READS_TTL_MS,
    (category: string | undefined, limit: number) => commerce.popularProducts({ category, limit }),
    (category, limit) => `${limit} ${category ?? ''}`,
  );
  const popularProducts = async (category: string | undefined, limit: number, locale: Locale) =>
    (await popular(category, limit)).map((p) => productCard(p, locale));
  const productDetail = async (id: string, locale: Locale) => {
    const product = await commerce.findProduct(id);
    return product?.active ? productDetailView(product, locale) : null;
  };
  const view = async (order: Order | null) =>
    orderView(order, commerce, order ? await productMentions() : null);
  return {
    findOrderByNumber: async (number) => view(await commerce.findOrderByNumber(number)),
    findOrderById: async (id) => view(await commerce.getOrder(id).catch(() => null)),
    recentOrders: async (customerId, limit) => {
      const orders = await commerce.ordersForCustomer(customerId, limit);
      return Promise.all(orders.map((o) => view(o) as Promise<OrderView>));
    },
    cancelOrder: async (orderId) =>
      (await view((await commerce.cancelOrder(orderId, { kind: 'bot' })).order))!,
    changeShippingAddress: async (orderId, address) =>
      (await view(
        (await commerce.changeShippingAddress(orderId, address, { kind: 'bot' })).order,
      ))!,
    popularProducts,
    categories: async () => (await commerce.categories()).map((c) => c.category),
    findNamedProduct: async (text, locale) => {
      const named = (await productMentions()).find(text);
      return named ? productDetail(named.id, locale) : null;
    },
    findProductById: productDetail,
    productsNamedInPart: async (text, locale, limit) => {
      const named = (await productMentions()).candidates(text, limit);
      const details = await Promise.all(named.map((p) => productDetail(p.id, locale)));
      return details.filter((d): d is ProductDetail => d !== null);
    },
    templateAnswer: (input) => answers.templateAnswer(input),
    faqAnswer: (input) => answers.faqAnswer(input),
    faqByWords: (input) => answers.faqByWords(input),
  };
}

/**
 * `load`, its promise reused for `ttlMs` per `key` of the arguments; a failed load is retried on
 * the next call instead of being kept.
 */
function reusedFor<A extends unknown[], T>(
  ttlMs: number,
  load: (...args: A) => Promise<T>,
  key: (...args: A) => string,
): (...args: A) => Promise<T> {
  const cache = new Map<string, { loadedAt: number; value: Promise<T> }>();
  return (...args) => {
    const k = key(...args);
    const cached = cache.get(k);
    if (cached && Date.now() - cached.loadedAt <= ttlMs) return cached.value;
    const entry = { loadedAt: Date.now(), value: load(...args) };
    entry.value.catch(() => {
      if (cache.get(k) === entry) cache.delete(k);
    });
    cache.set(k, entry);
    return entry.value;
  };
}

function productCard(p: Product, locale: Locale): ProductCard {
  return {
    id: p.id,
    title: productTitle(p, locale),
    price: Number(p.price),
    currency: p.currency,
    imageUrl: p.imageUrl,
    url: p.url,
    category: p.category,
  };
}

function productDetailView(p: Product, locale: Locale): ProductDetail {
  const descriptionZh = p.attributes?.descriptionZh;
  return {
    ...productCard(p, locale),
    // An English description in a Chinese reply would be worse than none.
    description:
      locale === 'zh' ? (typeof descriptionZh === 'string' ? descriptionZh : null) : p.description,
    stock: p.stock,
  };
}

async function orderView(
  order: Order | null,
  commerce: CommerceService,
  /** The shop's product names, for the Chinese titles of the order's items. */
  names: ProductMentions | null,
): Promise<OrderView | null> {
  if (!order) return null;
  const customer = await commerce.getCustomer(order.customerId);
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    customerId: order.customerId,
    customerEmail: customer?.email ?? null,
    total: Number(order.total),
    currency: order.currency,
    eta: order.eta,
    carrier: order.carrier,
    trackingUrl: order.trackingUrl,
    placedAt: new Date(order.placedAt).toISOString(),
    items: (order.items ?? []).map((i) => ({
      title: i.title,
      titleZh: (i.productId && names?.get(i.productId)?.titleZh) || null,
      quantity: i.quantity,
    })),
    shippingCountry: order.shippingAddress?.country ?? null,
  };
}
