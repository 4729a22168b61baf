import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`concierge: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  new Logger('main').log(
    `Concierge listening on http://localhost:${config.PORT} (docs at /api/docs)`,
  );
}

main().catch((error: Error) => {
  process.stderr.write(`concierge: failed to start: ${error.message}\n`);
  process.exit(1);
});
