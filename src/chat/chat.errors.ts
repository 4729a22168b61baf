import { DomainError } from '../common/domain-error';

export class ChatError extends DomainError {}

export const chatErrors = {
  notFound: () => new ChatError('CONVERSATION_NOT_FOUND', 'conversation not found', 404),
  resolved: () =>
    new ChatError('CONVERSATION_RESOLVED', 'this conversation has ended; start a new one', 409),
  rateLimited: (retryMs: number) =>
    new ChatError(
      'RATE_LIMITED',
      `too many messages; try again in ${Math.ceil(retryMs / 1000)} s`,
      429,
      { retryAfterMs: retryMs },
    ),
  tooLong: (max: number) =>
    new ChatError('MESSAGE_TOO_LONG', `a message may have at most ${max} characters`, 413),
  alreadyRated: () => new ChatError('ALREADY_RATED', 'this conversation was already rated', 409),
  notResolved: () =>
    new ChatError('NOT_RESOLVED', 'a conversation can be rated once it has ended', 409),
};
