import { Injectable } from '@nestjs/common';
import { ChurnScoringService } from '../churn/live/churn-scoring.service';
import { CommerceService } from '../commerce/commerce.service';
import { customerDisplayName } from '../commerce/customer-name';
import { Order } from '../commerce/entities/order.entity';
import { NotFoundError } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { render } from '../retrieval/template-renderer';
import { TemplateService } from '../retrieval/template.service';
import { ProfileService } from '../signals/profile.service';
import { HandoffStore } from './handoff.store';

/** What an agent sees beside a chat: who the customer is, their orders and history, and how the chat feels. */
@Injectable()
export class AgentContextService {
  constructor(
    private readonly config: AppConfig,
    private readonly store: HandoffStore,
    private readonly commerce: CommerceService,
    private readonly templates: TemplateService,
    private readonly profiles: ProfileService,
    private readonly churn: ChurnScoringService,
  ) {}

  async context(conversationId: string) {
    const conversation = await this.store.conversation(conversationId);
    if (!conversation) throw new NotFoundError('conversation', conversationId);
    const customer = conversation.customerId
      ? await this.commerce.getCustomer(conversation.customerId)
      : null;
    const orders = customer ? await this.commerce.ordersForCustomer(customer.id, 10) : [];
    const profile = customer ? await this.profiles.getProfile(customer.id) : null;
    const churn = customer ? await this.churn.latest(customer.id) : null;
    const messages = await this.store.messages(conversationId);
    const inDialogue = await this.store.ordersInDialogue(conversationId);
    const listed = new Set(orders.map((o) => o.id));
    const otherOrders = (
      await Promise.all(
        inDialogue.discussed
          .filter((id) => !listed.has(id))
          .map((id) => this.commerce.getOrder(id).catch(() => null)),
      )
    ).filter((o): o is Order => o !== null);
    return {
      customer: customer && {
        id: customer.id,
        externalId: customer.externalId,
        name: customerDisplayName(customer.firstName, customer.lastName),
        email: customer.email,
        country: customer.country,
        city: customer.city,
        signedUpAt: customer.signedUpAt,
      },
      // Behaviour profile from the signals module (lifecycle stage, value, support history).
      profile: profile && {
        lifecycleStage: profile.lifecycleStage,
        orders: profile.orders,
        monetaryValue: profile.monetaryValue,
        daysSinceLastOrder: profile.daysSinceLastOrder,
        supportContacts: profile.supportContacts,
        complaints: profile.complaints,
        averageRating: profile.averageRating,
        negativeSentimentShare: profile.negativeSentimentShare,
      },
      // Latest churn risk (null until the customer has been scored), reasons in plain words.
      churn: churn && {
        probability: churn.probability,
        tier: churn.tier,
        reasons: churn.reasons.map((r) => r.text),
        scoredAt: churn.scoredAt,
      },
      orders: orders.map((o) => ({
        ...orderSummary(o),
        discussed: inDialogue.discussed.includes(o.id),
      })),
      // Orders the shopper asked the bot about that are not among theirs above: an anonymous
      // shopper's (shown to them only once proved by e-mail) or another customer's. The agent
      // sees who placed each, to check before sharing anything.
      otherOrdersDiscussed: await Promise.all(
        otherOrders.map(async (o) => {
          const owner = await this.commerce.getCustomer(o.customerId);
          return {
            ...orderSummary(o),
            ownership: conversation.customerId
              ? o.customerId === conversation.customerId
                ? 'customer'
                : 'other_customer'
              : inDialogue.verified.includes(o.id)
                ? 'verified_by_email'
                : 'unverified',
            placedBy: owner && {
              name: customerDisplayName(owner.firstName, owner.lastName),
              email: owner.email,
            },
          };
        }),
      ),
      previousConversations: await this.store.previousConversations(conversation),
      // One point per shopper message: how the mood moved during this chat (-1 … 1).
      sentiment: messages
        .filter((m) => m.sender === 'shopper' && m.sentiment !== null)
        .map((m) => ({
          messageId: m.id,
          at: m.createdAt,
          score: m.sentiment,
          label: m.sentimentLabel,
        })),
      ticketEmail: conversation.ticketEmail,
    };
  }

  /** Canned responses: active answer templates in the chat's language, slots filled where known. */
  async canned(input: {
    locale: string;
    q?: string;
    firstName?: string | null;
    agentName: string;
  }) {
    const { items } = await this.templates.list({
      locale: input.locale === 'zh' ? 'zh' : 'en',
      active: true,
      q: input.q,
      limit: 50,
    } as never);
    const slots = {
      shop: {
        name: this.config.SHOP_NAME,
        supportEmail: this.config.SHOP_SUPPORT_EMAIL,
        supportHours:
          input.locale === 'zh'
            ? this.config.SHOP_SUPPORT_HOURS_ZH
            : this.config.SHOP_SUPPORT_HOURS,
        returnWindowDays: this.config.SHOP_RETURN_WINDOW_DAYS,
      },
      customer: { firstName: input.firstName ?? undefined },
      agent: { name: input.agentName },
    };
    return items.flatMap((t) => {
      const rendered = render(t.variants, slots);
      return rendered ? [{ id: t.id, intent: t.intent, title: t.title, text: rendered.text }] : [];
    });
  }
}

function orderSummary(o: Order) {
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    total: o.total,
    currency: o.currency,
    placedAt: o.placedAt,
    eta: o.eta,
    trackingUrl: o.trackingUrl,
  };
}
