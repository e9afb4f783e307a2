import { describe, expect, it } from 'vitest';
import { FixedWindowCounters } from '../../src/plugins/rate-limit-store.ts';

/** What the store calls back with for one request of `key`. */
function count(store: FixedWindowCounters, key: string, timeWindow = 60_000, max = 100) {
  let answer: { current: number; ttl: number } | undefined;
  store.incr(key, (error, result) => {
    expect(error).toBeNull();
    answer = { current: result!.current, ttl: result!.ttl };
  }, timeWindow, max);
  if (!answer) throw new Error('the store did not call back at once');
  return answer;
}

describe('rate-limit counters (fixed windows)', () => {
  it('counts each key on its own within its window, with the ms left in it', () => {
    const store = new FixedWindowCounters({});
    expect(count(store, 'a')).toEqual({ current: 1, ttl: 60_000 });
    expect(count(store, 'a').current).toBe(2);
    const third = count(store, 'a');
    expect(third.current).toBe(3);
    expect(third.ttl).toBeGreaterThan(0);
    expect(third.ttl).toBeLessThanOrEqual(60_000);
    expect(count(store, 'b').current).toBe(1);
  });

  it('starts a new window once the last one has ended', () => {
    const store = new FixedWindowCounters({});
    // A window of 0 ms has always ended by the next request.
    expect(count(store, 'a', 0).current).toBe(1);
    expect(count(store, 'a', 0).current).toBe(1);
  });

  it('remembers at most `cache` keys, forgetting the oldest window first', () => {
    const store = new FixedWindowCounters({ cache: 2 });
    count(store, 'a');
    count(store, 'a');
    count(store, 'b');
    count(store, 'c');
    expect(count(store, 'b').current).toBe(2);
    expect(count(store, 'c').current).toBe(2);
    expect(count(store, 'a').current).toBe(1);
  });

  it('keeps a key that goes on being refused while new keys push the oldest out', () => {
    const store = new FixedWindowCounters({ cache: 2 });
    count(store, 'flooder', 60_000, 1);
    count(store, 'flooder', 60_000, 1);
    count(store, 'new-1', 60_000, 1);
    count(store, 'flooder', 60_000, 1);
    // The flooder's window started first, but being refused moved it behind new-1, which goes instead.
    count(store, 'new-2', 60_000, 1);
    expect(count(store, 'flooder', 60_000, 1).current).toBe(4);
    expect(count(store, 'new-1', 60_000, 1).current).toBe(1);
  });

  it('gives each limit (child) counters of its own, with its own capacity', () => {
    const parent = new FixedWindowCounters({});
    const child = parent.child({ cache: 1 } as unknown as Parameters<FixedWindowCounters['child']>[0]);
    count(parent, 'a');
    expect(count(child, 'a').current).toBe(1);
    count(child, 'b');
    expect(count(child, 'a').current).toBe(1);
  });
});
