import { KeyedMutex } from './keyed-mutex';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('KeyedMutex', () => {
  it('runs work of one key one at a time, in arrival order', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    await Promise.all(
      [30, 10, 0].map((delay, i) =>
        mutex.run('k', async () => {
          log.push(`start ${i}`);
          await sleep(delay);
          log.push(`end ${i}`);
        }),
      ),
    );
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('lets different keys run side by side and survives a failing task', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    await Promise.all([
      mutex.run('a', async () => {
        await sleep(20);
        log.push('a');
      }),
      mutex.run('b', async () => log.push('b')),
      mutex
        .run('a', async () => Promise.reject(new Error('boom')))
        .catch(() => log.push('a failed')),
    ]);
    await mutex.run('a', async () => log.push('a again'));
    expect(log).toEqual(['b', 'a', 'a failed', 'a again']);
  });
});
