/** Bare socket.io echo server on the same transport settings: the transport's ceiling. */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { maxHttpBufferSize: 2_000_000 });
io.of('/chat').on('connection', (socket) => {
  socket.emit('session:ready', { visitorId: socket.id });
  socket.on(
    'message:send',
    (payload: { clientMsgId: string; text: string }, ack?: (r: unknown) => void) => {
      ack?.({ ok: true, message: { id: payload.clientMsgId } });
      socket.emit('message:new', { sender: 'bot', text: payload.text });
    },
  );
});
http.listen(0, '127.0.0.1', () => {
  process.stdout.write(`READY ${(http.address() as { port: number }).port}\n`);
});
process.on('SIGTERM', () => io.close(() => process.exit(0)));
