import { DatasetSchema } from './feature-schema';

/**
 * The features the platform computes for each of its own customers (see FEATURES.md for how
 * each is derived from orders, conversations and behaviour events). The label column is used
 * when the shop's history is exported for training: 1 = no order in the 90 days after the
 * snapshot date.
 */
export const CUSTOMER_PROFILE_SCHEMA: DatasetSchema = {
  name: 'customer-profile',
  labelColumn: 'churned',
  idColumn: 'customerId',
  features: [
    {
      name: 'daysSinceLastOrder',
      type: 'numeric',
      unit: 'days',
      direction: 'higher-is-riskier',
      description: 'Recency: days since the last order',
      template: 'no order for {value} days',
      valueTexts: { '0': 'ordered today', '1': 'last order yesterday' },
      missingText: 'has never ordered',
    },
    {
      name: 'ordersLast90Days',
      type: 'numeric',
      direction: 'lower-is-riskier',
      description: 'Frequency: orders placed in the last 90 days',
      template: '{value} orders in the last 90 days',
      valueTexts: { '0': 'no order in the last 90 days', '1': '1 order in the last 90 days' },
    },
    {
      name: 'spendLast90Days',
      type: 'numeric',
      unit: 'shop currency',
      direction: 'lower-is-riskier',
      description: 'Monetary: order value in the last 90 days, net of refunds',
      template: 'spent {value} in the last 90 days',
    },
    {
      name: 'tenureDays',
      type: 'numeric',
      unit: 'days',
      direction: 'lower-is-riskier',
      description: 'Days since the first order or account creation',
      template: 'customer for {value} days',
    },
    {
      name: 'orderTrend',
      type: 'numeric',
      direction: 'lower-is-riskier',
      description: 'Orders in the last 90 days minus orders in the 90 days before',
      template: '{value} orders compared with the previous 90 days',
      valueTexts: { '0': 'ordering as often as the previous 90 days' },
    },
    {
      name: 'returnsLast90Days',
      type: 'numeric',
      direction: 'higher-is-riskier',
      description: 'Returns and refunds in the last 90 days',
      template: '{value} returns or refunds in the last 90 days',
      valueTexts: {
        '0': 'no return or refund in the last 90 days',
        '1': '1 return or refund in the last 90 days',
      },
    },
    {
      name: 'complaintsLast30Days',
      type: 'numeric',
      direction: 'higher-is-riskier',
      description: 'Conversations with a complaint intent in the last 30 days',
      template: '{value} complaints in the last 30 days',
      valueTexts: {
        '0': 'no complaint in the last 30 days',
        '1': '1 complaint in the last 30 days',
      },
    },
    {
      name: 'escalationsLast90Days',
      type: 'numeric',
      direction: 'higher-is-riskier',
      description: 'Conversations handed to a human agent in the last 90 days',
      template: '{value} chats escalated to an agent in the last 90 days',
      valueTexts: { '1': '1 chat escalated to an agent in the last 90 days' },
    },
    {
      name: 'lastSatisfactionScore',
      type: 'numeric',
      direction: 'lower-is-riskier',
      description: 'Most recent CSAT rating after a conversation (1–5)',
      template: 'satisfaction score {value} of 5',
      missingText: 'has not rated a conversation',
    },
    {
      name: 'negativeMessagePercent',
      type: 'numeric',
      unit: '%',
      direction: 'higher-is-riskier',
      description: 'Share of the customer messages in the last 90 days with negative sentiment',
      template: '{value}% of recent messages negative',
      missingText: 'no recent messages',
    },
    {
      name: 'unresolvedConversations',
      type: 'numeric',
      direction: 'higher-is-riskier',
      description: 'Conversations closed without resolution or still waiting for an agent',
      template: '{value} unresolved conversations',
      valueTexts: { '0': 'no unresolved conversation', '1': '1 unresolved conversation' },
    },
    {
      name: 'daysSinceLastContact',
      type: 'numeric',
      unit: 'days',
      direction: 'mixed',
      description: 'Days since the customer last chatted with the shop',
      template: 'last chatted {value} days ago',
      valueTexts: { '0': 'chatted today' },
      missingText: 'has never chatted',
    },
    {
      name: 'preferredCategory',
      type: 'categorical',
      description: 'Product category with the most ordered items',
      template: 'mostly buys {value}',
      missingText: 'no preferred category yet',
    },
  ],
};
