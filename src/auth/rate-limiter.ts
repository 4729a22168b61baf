/**
 * Fixed one-minute windows per key (IP, email …), in process memory. Enough for one instance;
 * several instances each count on their own, so the effective limit is multiplied by their number.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Counts one attempt against every key; returns the seconds until the window of a key that is
   * over its limit resets (the Retry-After value), or 0 when the attempt is allowed.
   */
  hit(...keys: string[]): number {
    const now = this.now();
    if (this.windows.size > 10_000) this.sweep(now);
    let retryAfterMs = 0;
    for (const key of keys) {
      let window = this.windows.get(key);
      if (!window || window.resetAt <= now) {
        window = { count: 0, resetAt: now + this.windowMs };
        this.windows.set(key, window);
      }
      window.count += 1;
      if (window.count > this.limit) retryAfterMs = Math.max(retryAfterMs, window.resetAt - now);
    }
    return retryAfterMs > 0 ? Math.ceil(retryAfterMs / 1000) : 0;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
