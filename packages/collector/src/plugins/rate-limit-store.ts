/**
 * The counters behind each rate limit (a store of @fastify/rate-limit): a fixed window per key, in this process,
 * at most `cache` keys remembered. It does what the plugin's default store does for our settings, in one Map
 * lookup a request where the default's LRU list does a lookup, a move and a write (both limits together: ~1 µs an
 * ingest request in alternating runs). When full it forgets the key whose window started first; a key over its
 * limit moves to the back, so a client being refused is the last to be forgotten.
 */
import type { FastifyRateLimitStore } from '@fastify/rate-limit';

/** Keys remembered when the limit names no `cache` (the plugin's default). */
const DEFAULT_CAPACITY = 5000;

interface Window {
  /** Requests counted in this window. */
  current: number;
  /** Ms until the window ends (what the plugin reads, with `current`). */
  ttl: number;
  /** When the window started (ms). */
  start: number;
}

type Callback = Parameters<FastifyRateLimitStore['incr']>[1];

export class FixedWindowCounters implements FastifyRateLimitStore {
  private readonly windows = new Map<string, Window>();
  private readonly capacity: number;

  constructor(options: { cache?: number }) {
    this.capacity = options.cache ?? DEFAULT_CAPACITY;
  }

  /** Counts one request of `key`; calls back at once with its count and the ms left in its window. */
  incr(key: string, callback: Callback, timeWindow: number, max: number): void {
    const now = Date.now();
    let window = this.windows.get(key);
    if (window === undefined || window.start + timeWindow <= now) {
      if (window !== undefined) this.windows.delete(key);
      else if (this.windows.size >= this.capacity) this.windows.delete(this.windows.keys().next().value!);
      window = { current: 1, ttl: timeWindow, start: now };
      this.windows.set(key, window);
    } else {
      window.current++;
      window.ttl = window.start + timeWindow - now;
      if (window.current > max) {
        this.windows.delete(key);
        this.windows.set(key, window);
      }
    }
    callback(null, window);
  }

  /**
   * The counters of a limit with its own options: the plugin asks one per `rateLimit()` hook, passing the limit's
   * merged options (its types name them route options).
   */
  child(options: Parameters<FastifyRateLimitStore['child']>[0]): FixedWindowCounters {
    return new FixedWindowCounters(options as { cache?: number });
  }
}
