import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { SentimentLabel } from '../nlu/sentiment/sentiment-model';
import type { ConversationView, ShopperMessageView } from './chat.types';

/** What happened on the shopper side that other features (the agent handoff) react to. */
export interface ChatEventMap {
  /** A new shopper message was committed; `intent` is what the model understood. */
  'shopper:message': [
    {
      conversationId: string;
      message: ShopperMessageView;
      intent: string | null;
      sentiment: number;
      sentimentLabel: SentimentLabel;
      /** The conversation's status when the message was accepted. */
      status: ConversationView['status'];
    },
  ];
  /** The bot handed the conversation to a person (status is now `queued`). */
  escalated: [{ conversation: ConversationView }];
  'shopper:typing': [{ conversationId: string; typing: boolean }];
  /** The shopper ended the conversation. */
  'shopper:ended': [{ conversation: ConversationView }];
}

/**
 * In-process bus from the /chat gateway to listeners such as the handoff module, so the chat
 * engine does not depend on them. One process sees its own shoppers' events only (see
 * docs/protocol.md, "Scaling").
 */
@Injectable()
export class ChatEvents {
  private readonly emitter = new EventEmitter();

  emit<K extends keyof ChatEventMap>(event: K, ...args: ChatEventMap[K]): void {
    this.emitter.emit(event, ...args);
  }

  on<K extends keyof ChatEventMap>(event: K, listener: (...args: ChatEventMap[K]) => void): void {
    this.emitter.on(event, listener as (...args: unknown[]) => void);
  }
}

/** The socket.io room of one conversation, the same name in /chat and /agent. */
export const conversationRoom = (conversationId: string) => `conv:${conversationId}`;
