import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/lib/rate-limiter.ts';

describe('createRateLimiter', () => {
  it('allows max hits per key per window and says when to retry', () => {
    const limiter = createRateLimiter(2, 60_000);
    const start = 1_000_000;
    expect(limiter.hit('a', start)).toEqual({ allowed: true });
    expect(limiter.hit('a', start + 1)).toEqual({ allowed: true });
    expect(limiter.hit('a', start + 15_000)).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(limiter.hit('b', start + 15_000)).toEqual({ allowed: true });
    expect(limiter.hit('a', start + 60_000)).toEqual({ allowed: true });
  });

  it('is off at max 0', () => {
    const limiter = createRateLimiter(0, 1000);
    for (let i = 0; i < 100; i += 1) expect(limiter.hit('a', i).allowed).toBe(true);
  });
});
