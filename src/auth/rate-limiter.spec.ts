import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows `limit` attempts per window, then reports the seconds left in the window', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(3, 60_000, () => now);
    expect([limiter.hit('ip:a'), limiter.hit('ip:a'), limiter.hit('ip:a')]).toEqual([0, 0, 0]);
    now += 20_000;
    expect(limiter.hit('ip:a')).toBe(40);
    now += 40_000;
    expect(limiter.hit('ip:a')).toBe(0);
  });

  it('counts each key separately and refuses when any of them is exhausted', () => {
    const limiter = new RateLimiter(2, 60_000, () => 0);
    limiter.hit('ip:1', 'email:x');
    limiter.hit('ip:2', 'email:x');
    // Same email from a third address: the email key is over its limit.
    expect(limiter.hit('ip:3', 'email:x')).toBe(60);
    // The third address itself has one attempt left for another email.
    expect(limiter.hit('ip:3', 'email:y')).toBe(0);
    expect(limiter.hit('ip:3', 'email:z')).toBe(60);
  });
});
