import IORedis from 'ioredis';
import { randomBytes } from 'node:crypto';

/**
 * Whether the Redis/BullMQ tests run: when REDIS_URL is set (CI always sets it). Outside CI a
 * missing Redis is skipped with a visible reason; in CI it is a failure.
 */
export function redisAvailable(): boolean {
  if (process.env.REDIS_URL) return true;
  if (process.env.CI)
    throw new Error('CI=true but REDIS_URL is not set: Redis/BullMQ tests cannot be skipped in CI');
  if (!warned) {
    warned = true;
    process.stderr.write(
      '[skip] Redis/BullMQ tests skipped: REDIS_URL is not set (they run in CI)\n',
    );
  }
  return false;
}
let warned = false;

/** Queue drivers a behaviour test runs on: always inline, BullMQ when Redis is available. */
export function queueDrivers(): ('inline' | 'bullmq')[] {
  return redisAvailable() ? ['inline', 'bullmq'] : ['inline'];
}

/** A key prefix of its own for one test, so tests sharing a Redis never see each other's keys. */
export function testPrefix(): string {
  return `cq_t_${randomBytes(5).toString('hex')}`;
}

/** Deletes every key under a test prefix. */
export async function dropPrefix(prefix: string): Promise<void> {
  const redis = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
