/** A conversation as the agent console lists it (queue and active chats). */
export interface AgentConversationView {
  id: string;
  status: 'bot' | 'queued' | 'agent' | 'resolved';
  locale: string;
  customerId: string | null;
  customerName: string | null;
  visitorId: string;
  escalationReason: string | null;
  priority: number;
  queuedAt: string | null;
  assignedAgentId: string | null;
  assignedAgentName: string | null;
  lastShopperText: string | null;
  ticketEmail: string | null;
  rating: number | null;
  createdAt: string;
}

/** A message as agents see it: internal notes and the understood intent included. */
export interface AgentMessageView {
  id: string;
  conversationId: string;
  sender: 'shopper' | 'bot' | 'agent' | 'system';
  text: string;
  internal: boolean;
  intent: string | null;
  /** The intent an agent picked instead, when the model was corrected. */
  correctedIntent: string | null;
  confidence: number | null;
  sentiment: number | null;
  /** The sentiment model's reading of `sentiment` (its neutral band included); null on old rows. */
  sentimentLabel: 'negative' | 'neutral' | 'positive' | null;
  agentName: string | null;
  createdAt: string;
}

export type Presence = 'online' | 'away' | 'offline';

export interface AgentPresenceView {
  id: string;
  name: string;
  presence: Presence;
  activeChats: number;
  maxChats: number;
}

/** Seconds from one step of a conversation to the next; null while the step has not happened. */
export interface ConversationTimings {
  conversationId: string;
  /** queued → an agent's first message the shopper saw. */
  firstAgentResponseSeconds: number | null;
  /** assigned → resolved. */
  handlingSeconds: number | null;
  /** conversation start → resolved. */
  resolutionSeconds: number | null;
  /** queued → assigned. */
  waitSeconds: number | null;
}
