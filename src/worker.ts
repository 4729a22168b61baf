import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger } from './app.factory';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config/app-config';

/**
 * `npm run worker`: the same modules as the server, without HTTP, with processors running.
 * Scale-out deployments run API instances with RUN_PROCESSORS=false and any number of these.
 * SIGTERM stops taking jobs, lets running ones finish (QUEUE_SHUTDOWN_TIMEOUT_MS), then exits 0.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig({ ...process.env, RUN_PROCESSORS: 'true' });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`concierge worker: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  if (!config.REDIS_URL) {
    // In-process queues only run jobs enqueued by the same process: a separate worker would idle.
    process.stderr.write(
      'concierge worker: REDIS_URL must be set (npm start runs inline queues)\n',
    );
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: createLogger(config),
  });
  const logger = new Logger('worker');
  logger.log(`worker started (pid ${process.pid})`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing running jobs`);
    app.close().then(
      () => {
        logger.log('worker stopped');
        process.exit(0);
      },
      (error: Error) => {
        logger.error(`shutdown failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: Error) => {
  process.stderr.write(`concierge worker: failed to start: ${error.message}\n`);
  process.exit(1);
});
