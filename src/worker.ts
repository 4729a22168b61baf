import 'reflect-metadata';
import { INestApplicationContext, Logger } from '@nestjs/common';
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
  // Listeners go in before anything can announce readiness: until a SIGTERM listener exists the
  // OS default applies, and a supervisor that signals right after "worker started" would kill
  // the process outright (seen in CI). A signal during boot stops the worker once it is built.
  const logger = new Logger('worker');
  let app: INestApplicationContext | undefined = undefined;
  let stopSignal: string | undefined;
  const stop = (signal: string) => {
    if (stopSignal) return;
    stopSignal = signal;
    if (app) shutDown(app, signal);
  };
  const shutDown = (context: INestApplicationContext, signal: string) => {
    logger.log(`${signal}: finishing running jobs`);
    context.close().then(
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

  app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: createLogger(config),
  });
  logger.log(`worker started (pid ${process.pid})`);
  if (stopSignal) shutDown(app, stopSignal);
}

main().catch((error: Error) => {
  process.stderr.write(`concierge worker: failed to start: ${error.message}\n`);
  process.exit(1);
});
