import { Logger } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { DomainError } from './domain-error';
import { toErrorResponse } from './error-mapping';

export type SocketHandlers = Record<string, (payload: unknown) => Promise<unknown>>;
type Ack = (response: unknown) => void;

/**
 * One dispatcher for every event of a socket: the result becomes `{ ok: true, ...result }` and
 * any error a client-safe `{ ok: false, error }` ack (or `errorEvent` when the client gave no
 * ack). Unknown events are refused the same way; nothing a client sends can crash the server.
 */
export function dispatchSocketEvents(
  socket: Socket,
  handlers: SocketHandlers,
  options: { errorEvent: string; logger: Logger },
): void {
  socket.onAny((event: string, ...args: unknown[]) => {
    const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as Ack) : undefined;
    const handler = handlers[event];
    const work = handler
      ? handler(args[0])
      : Promise.reject(
          new DomainError('UNKNOWN_EVENT', `unknown event "${String(event).slice(0, 50)}"`, 400),
        );
    work.then(
      (result) => ack?.({ ok: true, ...(result as object) }),
      (error: unknown) => {
        const { status, body } = toErrorResponse(error);
        if (status >= 500) {
          options.logger.error({
            msg: 'socket handler failed',
            event,
            error: (error as Error).message,
          });
        }
        const payload = { ok: false, error: body.error };
        if (ack) ack(payload);
        else socket.emit(options.errorEvent, { event, ...payload });
      },
    );
  });
}
