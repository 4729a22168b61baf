import { WriteBatcher } from './write-batcher';

/** A fake statement: records each batch and completes when the test says so. */
function fakeDatabase(fail: (item: string) => boolean = () => false) {
  const batches: string[][] = [];
  const finish: (() => void)[] = [];
  const writeAll = (items: string[]) => {
    batches.push(items);
    return new Promise<string[]>((resolve, reject) => {
      finish.push(() =>
        items.some(fail)
          ? reject(new Error(`bad row in [${items.join(',')}]`))
          : resolve(items.map((i) => `stored ${i}`)),
      );
    });
  };
  /** Completes the oldest statement in flight and lets the batcher send the next. */
  const complete = async () => {
    finish.shift()!();
    await new Promise((r) => setImmediate(r));
  };
  return { batches, writeAll, complete };
}

const keyOf = (item: string) => item.split(':')[0];

describe('WriteBatcher', () => {
  it('writes a lone item at once, and items arriving meanwhile together in the next statement', async () => {
    const db = fakeDatabase();
    const batcher = new WriteBatcher(db.writeAll, { maxBatch: 10, keyOf });
    const first = batcher.submit('a:1');
    expect(db.batches).toEqual([['a:1']]);
    const rest = ['b:1', 'c:1', 'd:1'].map((item) => batcher.submit(item));
    expect(db.batches).toHaveLength(1); // waiting for the statement in flight
    await db.complete();
    expect(db.batches).toEqual([['a:1'], ['b:1', 'c:1', 'd:1']]);
    await db.complete();
    expect(await first).toBe('stored a:1');
    expect(await Promise.all(rest)).toEqual(['stored b:1', 'stored c:1', 'stored d:1']);
  });

  it('never puts two items of one key in a statement, and keeps their order', async () => {
    const db = fakeDatabase();
    const batcher = new WriteBatcher(db.writeAll, { maxBatch: 10, keyOf });
    const all = ['a:1', 'a:2', 'b:1', 'a:3', 'c:1'].map((item) => batcher.submit(item));
    for (let i = 0; i < 3; i++) await db.complete();
    expect(db.batches).toEqual([['a:1'], ['a:2', 'b:1', 'c:1'], ['a:3']]);
    await Promise.all(all);
  });

  it('caps a statement at maxBatch items', async () => {
    const db = fakeDatabase();
    const batcher = new WriteBatcher(db.writeAll, { maxBatch: 2, keyOf });
    const all = ['a', 'b', 'c', 'd', 'e'].map((item) => batcher.submit(item));
    for (let i = 0; i < 3; i++) await db.complete();
    expect(db.batches).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
    await Promise.all(all);
  });

  it('gives a failed statement’s error only to the item at fault; the others are written alone', async () => {
    const db = fakeDatabase((item) => item === 'bad');
    const batcher = new WriteBatcher(db.writeAll, { maxBatch: 10, keyOf });
    const first = batcher.submit('a');
    const results = ['b', 'bad', 'c'].map((item) =>
      batcher.submit(item).then(
        (stored) => stored,
        (error: Error) => `error: ${error.message}`,
      ),
    );
    for (let i = 0; i < 5; i++) await db.complete();
    expect(await first).toBe('stored a');
    expect(await Promise.all(results)).toEqual(['stored b', 'error: bad row in [bad]', 'stored c']);
    expect(db.batches).toEqual([['a'], ['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
    // Still usable afterwards.
    const later = batcher.submit('d');
    await db.complete();
    expect(await later).toBe('stored d');
  });
});
