/**
 * A worker process for the restart test: runs the BullMQ driver with a short stall timeout and
 * one processor that counts starts and completions in Redis, so the test can `kill -9` it in the
 * middle of a job and check that another process finishes the job exactly once.
 * Env: REDIS_URL, QUEUE_PREFIX, STALL_MS.
 */
import IORedis from 'ioredis';
import { BullmqQueueDriver } from '../../src/queue/bullmq-queue-driver';

async function main(): Promise<void> {
  const url = process.env.REDIS_URL!;
  const prefix = process.env.QUEUE_PREFIX!;
  const counters = new IORedis(url);
  const driver = new BullmqQueueDriver({
    url,
    prefix,
    runProcessors: true,
    stallTimeoutMs: Number(process.env.STALL_MS ?? 1000),
  });
  driver.process<{ workMs: number }>('restart', async (job) => {
    await counters.incr(`${prefix}:test:starts:${job.id}`);
    await new Promise((resolve) => setTimeout(resolve, job.data.workMs));
    await counters.incr(`${prefix}:test:completions:${job.id}`);
  });
  await driver.start();
  // The listener must exist before "ready": the test signals as soon as it reads that line.
  process.once('SIGTERM', () => {
    void driver.close().then(() => counters.quit().then(() => process.exit(0)));
  });
  process.stdout.write(`ready ${process.pid}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`queue-kill-worker: ${error.message}\n`);
  process.exit(1);
});
