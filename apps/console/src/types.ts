export interface Conversation {
  id: string;
  status: 'bot' | 'queued' | 'agent' | 'resolved';
  locale: string;
  customerId: string | null;
  customerName: string | null;
  escalationReason: string | null;
  priority: number;
  queuedAt: string | null;
  assignedAgentId: string | null;
  assignedAgentName: string | null;
  lastShopperText: string | null;
  ticketEmail: string | null;
}

export interface Message {
  id: string;
  conversationId: string;
  sender: 'shopper' | 'bot' | 'agent' | 'system';
  text: string;
  internal: boolean;
  intent: string | null;
  correctedIntent: string | null;
  confidence: number | null;
  sentiment: number | null;
  agentName: string | null;
  createdAt: string;
}

export interface TeamMember {
  id: string;
  name: string;
  presence: 'online' | 'away' | 'offline';
  activeChats: number;
  maxChats: number;
}

export interface Context {
  customer: {
    name: string | null;
    email: string | null;
    externalId: string;
    country: string | null;
    city: string | null;
    signedUpAt: string | null;
  } | null;
  profile: {
    lifecycleStage: string;
    orders: number;
    monetaryValue: number;
    daysSinceLastOrder: number | null;
    supportContacts: number;
    complaints: number;
    averageRating: number | null;
    negativeSentimentShare: number | null;
  } | null;
  churn: {
    probability: number;
    tier: 'low' | 'medium' | 'high';
    reasons: string[];
    scoredAt: string;
  } | null;
  orders: (OrderSummary & { discussed: boolean })[];
  otherOrdersDiscussed: (OrderSummary & {
    ownership: 'customer' | 'other_customer' | 'verified_by_email' | 'unverified';
    placedBy: { name: string | null; email: string | null } | null;
  })[];
  previousConversations: {
    id: string;
    status: string;
    createdAt: string;
    rating: number | null;
    firstIntent: string | null;
    escalationReason: string | null;
  }[];
  sentiment: {
    messageId: string;
    at: string;
    score: number;
    label: 'negative' | 'neutral' | 'positive' | null;
  }[];
  ticketEmail: string | null;
}

export interface OrderSummary {
  number: string;
  status: string;
  total: string;
  currency: string;
  placedAt: string;
  eta: string | null;
}

export interface Ack {
  ok: boolean;
  error?: { code: string; message: string };
  [key: string]: unknown;
}
