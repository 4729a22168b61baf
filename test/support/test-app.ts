import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { createApp } from '../../src/app.factory';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { Backend, createScratchDatabase } from './databases';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  /** Base URL once `listen: true` was asked for (socket.io tests). */
  url?: string;
  close(): Promise<void>;
}

/**
 * Boots the real platform on a throw-away database (PGlite in a temp dir, or a scratch
 * PostgreSQL database) with an in-process queue unless `env.REDIS_URL` is given.
 */
export async function createTestApp(
  backend: Backend,
  options: { env?: Record<string, string>; listen?: boolean } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'concierge-test-'));
  const scratch = backend === 'postgres' ? await createScratchDatabase() : undefined;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    ...(process.env.INTENT_MODEL_DIR ? { INTENT_MODEL_DIR: process.env.INTENT_MODEL_DIR } : {}),
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
    ...options.env,
  });
  const app = await createApp(config);
  let url: string | undefined;
  if (options.listen) {
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    url = `http://127.0.0.1:${address.port}`;
  } else {
    await app.init();
  }
  return {
    app,
    config,
    url,
    close: async () => {
      await app.close();
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
