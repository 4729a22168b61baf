import { DomainError } from '../common/domain-error';

export class HandoffError extends DomainError {}

export const handoffErrors = {
  notQueued: () =>
    new HandoffError('NOT_QUEUED', 'this conversation is no longer waiting in the queue', 409),
  notYours: () =>
    new HandoffError('NOT_ASSIGNED_TO_YOU', 'this conversation is handled by another agent', 403),
  atCapacity: (max: number) =>
    new HandoffError('AT_CAPACITY', `you already handle ${max} chats, the most allowed`, 409),
  targetUnavailable: () =>
    new HandoffError('AGENT_UNAVAILABLE', 'that agent is not online or has no free chat slot', 409),
  notShopperMessage: () =>
    new HandoffError('NOT_SHOPPER_MESSAGE', 'only shopper messages have an intent to correct', 400),
  unknownIntent: (intent: string) =>
    new HandoffError('UNKNOWN_INTENT', `"${intent}" is not an intent the model knows`, 400),
};
