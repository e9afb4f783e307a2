/** The verdict for one hit: allowed, or how many seconds until the window resets. */
export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A fixed-window counter per key: `max` hits per `windowMs`; `max: 0` turns it off. */
export interface RateLimiter {
  hit(key: string, now?: number): RateVerdict;
}

/** Creates a limiter whose memory is bounded by the keys seen in one window. */
export function createRateLimiter(max: number, windowMs: number): RateLimiter {
  let windowStart = 0;
  let counts = new Map<string, number>();
  return {
    hit(key, now = Date.now()) {
      if (max <= 0) return { allowed: true };
      if (now - windowStart >= windowMs) {
        windowStart = now;
        counts = new Map();
      }
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      if (count <= max) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)) };
    },
  };
}
