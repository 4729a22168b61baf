import { CommerceService } from '../commerce/commerce.service';
import { Order } from '../commerce/entities/order.entity';
import { productTitle } from '../commerce/product-title';
import type { AnswerProvider } from '../dialogue/answer-provider';
import type { DialoguePorts, OrderView, ProductCard } from '../dialogue/dialogue.types';

/** Connects the dialogue policy to the shop (commerce module) and to template retrieval. */
export function commerceDialoguePorts(
  commerce: CommerceService,
  answers: AnswerProvider,
): DialoguePorts {
  return {
    findOrderByNumber: async (number) =>
      orderView(await commerce.findOrderByNumber(number), commerce),
    findOrderById: async (id) => orderView(await commerce.getOrder(id).catch(() => null), commerce),
    recentOrders: async (customerId, limit) => {
      const orders = await commerce.ordersForCustomer(customerId, limit);
      return Promise.all(orders.map((o) => orderView(o, commerce) as Promise<OrderView>));
    },
    cancelOrder: async (orderId) =>
      (await orderView((await commerce.cancelOrder(orderId, { kind: 'bot' })).order, commerce))!,
    changeShippingAddress: async (orderId, address) =>
      (await orderView(
        (await commerce.changeShippingAddress(orderId, address, { kind: 'bot' })).order,
        commerce,
      ))!,
    popularProducts: async (category, limit, locale) =>
      (await commerce.popularProducts({ category, limit })).map((p): ProductCard => ({
        id: p.id,
        title: productTitle(p, locale),
        price: Number(p.price),
        currency: p.currency,
        imageUrl: p.imageUrl,
        url: p.url,
        category: p.category,
      })),
    categories: async () => (await commerce.categories()).map((c) => c.category),
    templateAnswer: (input) => answers.templateAnswer(input),
    faqAnswer: (input) => answers.faqAnswer(input),
  };
}

async function orderView(
  order: Order | null,
  commerce: CommerceService,
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
    items: (order.items ?? []).map((i) => ({ title: i.title, quantity: i.quantity })),
    shippingCountry: order.shippingAddress?.country ?? null,
  };
}
