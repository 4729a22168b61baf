import type { ReplyPayload } from '../dialogue/dialogue.types';

/** A message as the shopper (widget) sees it: never internal notes, never the understanding. */
export interface ShopperMessageView {
  id: string;
  conversationId: string;
  clientMsgId: string | null;
  sender: 'shopper' | 'bot' | 'agent' | 'system';
  text: string;
  payload: ReplyPayload | null;
  agentName?: string | null;
  createdAt: string;
}

export interface ConversationView {
  id: string;
  status: 'bot' | 'queued' | 'agent' | 'resolved';
  locale: string;
  agentName: string | null;
  rating: number | null;
  createdAt: string;
}

/** Who is chatting: from a verified visitor token, plus a verified identity when the shop gave one. */
export interface ShopperIdentity {
  visitorId: string;
  customerId: string | null;
  firstName: string | null;
  siteKey: string | null;
}
