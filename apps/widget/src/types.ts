/** Wire types of the `/chat` namespace (see docs/protocol.md). */
export interface QuickReply {
  label: string;
  value: string;
}

export interface ProductCard {
  id: string;
  title: string;
  price: number;
  currency: string;
  imageUrl: string | null;
  url: string | null;
}

export interface OrderCard {
  number: string;
  status: string;
  eta: string | null;
  trackingUrl: string | null;
  /** `titleZh`: the product's Chinese title, where the shop has one. */
  items?: { title: string; titleZh?: string | null; quantity: number }[];
}

export interface Payload {
  quickReplies?: QuickReply[];
  products?: ProductCard[];
  order?: OrderCard;
  ratingPrompt?: boolean;
}

export type Sender = 'shopper' | 'bot' | 'agent' | 'system';

export interface Message {
  id: string;
  conversationId: string;
  clientMsgId: string | null;
  sender: Sender;
  text: string;
  payload: Payload | null;
  agentName?: string | null;
  createdAt: string;
}

export type ConversationStatus = 'bot' | 'queued' | 'agent' | 'resolved';

export interface Conversation {
  id: string;
  status: ConversationStatus;
  agentName: string | null;
  rating: number | null;
}
