/**
 * Coalesces concurrent writes into one statement ("group commit" without a delay).
 *
 * A write submitted while none is in flight goes out at once, alone: an idle server adds no
 * latency. Writes submitted while one is in flight wait for it and then go out together, as one
 * statement. Under load each statement therefore carries the writes that arrived during the
 * previous one, and the database's fixed cost per statement (parse, plan, protocol, commit) is
 * shared by all of them; on the embedded single-threaded database that cost is most of a chat
 * turn's write.
 *
 * Items with the same key never share a batch (a later one waits for the next), so each batch
 * holds at most one write per key, in submission order. If a batch fails, its items are written
 * again one at a time, so only the item at fault gets the error and the others still succeed
 * (nothing was committed by the failed statement).
 */
export class WriteBatcher<I, R> {
  private readonly queue: { item: I; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private inFlight = false;

  constructor(
    /** Writes the items in one statement; returns their results in the same order. */
    private readonly writeAll: (items: I[]) => Promise<R[]>,
    private readonly options: {
      maxBatch: number;
      keyOf: (item: I) => string;
      /** Told the size of every statement sent (metrics). */
      onBatch?: (size: number) => void;
    },
  ) {}

  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.inFlight) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.inFlight = true;
    try {
      while (this.queue.length > 0) await this.write(this.takeBatch());
    } finally {
      this.inFlight = false;
    }
  }

  private async write(batch: typeof this.queue): Promise<void> {
    try {
      this.options.onBatch?.(batch.length);
      const results = await this.writeAll(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(results[i]));
    } catch (error) {
      if (batch.length === 1) batch[0].reject(error);
      else await this.oneByOne(batch);
    }
  }

  /** The oldest waiting items, at most one per key and `maxBatch` in all. */
  private takeBatch() {
    const keys = new Set<string>();
    const batch: typeof this.queue = [];
    const rest: typeof this.queue = [];
    for (const entry of this.queue) {
      const key = this.options.keyOf(entry.item);
      if (batch.length < this.options.maxBatch && !keys.has(key)) {
        keys.add(key);
        batch.push(entry);
      } else rest.push(entry);
    }
    this.queue.splice(0, this.queue.length, ...rest);
    return batch;
  }

  private async oneByOne(batch: typeof this.queue): Promise<void> {
    for (const entry of batch) {
      try {
        const [result] = await this.writeAll([entry.item]);
        entry.resolve(result);
      } catch (error) {
        entry.reject(error);
      }
    }
  }
}
