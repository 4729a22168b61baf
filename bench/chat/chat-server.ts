/**
 * The platform as a separate process for the chat benchmark (so RSS/CPU are the server's own).
 * Prints `READY <port>` when listening; exits on SIGTERM.
 *
 * It runs the compiled build (`dist/`, as `npm start` does; `npm run bench:chat` builds first), so
 * the server measured is the code shops run, not the sources compiled on the fly by
 * @swc-node/register (which made no measurable difference to its RSS: 730–751 MB when ready).
 */
import 'reflect-metadata';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const DIST = resolve(__dirname, '../../dist/src');
if (!existsSync(join(DIST, 'app.factory.js'))) {
  process.stderr.write('bench server: no build in dist/ - run `npm run build` first\n');
  process.exit(1);
}
const { createApp } = require(
  join(DIST, 'app.factory.js'),
) as typeof import('../../src/app.factory');
const { loadConfig } = require(
  join(DIST, 'config/app-config.js'),
) as typeof import('../../src/config/app-config');

async function main() {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    PORT: '0',
    DATA_DIR: process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'concierge-bench-')),
    SEED_DEMO: 'true',
    // The benchmark measures the engine, not flood protection.
    CHAT_MESSAGES_PER_MINUTE: '100000',
    CHAT_IP_MESSAGES_PER_MINUTE: '10000000',
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  process.stdout.write(`READY ${port}\n`);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

main().catch((e: Error) => {
  process.stderr.write(`bench server failed: ${e.stack}\n`);
  process.exit(1);
});
