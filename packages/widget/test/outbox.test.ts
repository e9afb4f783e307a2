import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOutbox, OUTBOX_KEY, retryDelay, type OutboxEntry } from '../src/outbox';

/** A transport whose answers the test decides: one queued status per request, 0 (no answer) when none is queued. */
function fakeTransport() {
  const statuses: number[] = [];
  const posted: { url: string; body: string }[] = [];
  const beaconed: { url: string; body: string }[] = [];
  let release: (() => void)[] = [];
  const fake = {
    statuses,
    posted,
    beaconed,
    /** Holds answers until `answer()` is called, to look at requests in flight. */
    hold: false,
    answer() {
      const pending = release;
      release = [];
      pending.forEach((resolve) => resolve());
    },
    transport: {
      post(url: string, body: string) {
        posted.push({ url, body });
        const status = statuses.shift() ?? 0;
        return new Promise<number>((resolve) => {
          if (fake.hold) release.push(() => resolve(status));
          else resolve(status);
        });
      },
      beacon(url: string, body: string) {
        beaconed.push({ url, body });
        return true;
      },
    },
  };
  return fake;
}

const stored = () => JSON.parse(localStorage.getItem(OUTBOX_KEY) ?? '[]') as OutboxEntry[];
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('outbox', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it.each([
    [201, 'delivered (created)', 0],
    [200, 'delivered (updated)', 0],
    [400, 'refused for good', 0],
    [404, 'refused for good', 0],
    [429, 'rate limited: retried', 1],
    [503, 'server error: retried', 1],
    [0, 'no answer: retried', 1],
  ])('status %i: %s', async (status, _meaning, left) => {
    const fake = fakeTransport();
    fake.statuses.push(status);
    createOutbox(fake.transport).send('https://c.test/v1/responses', 'r1', '{"id":"r1"}');
    await settle();
    expect(stored()).toHaveLength(left);
    expect(localStorage.getItem(OUTBOX_KEY) === null).toBe(left === 0);
  });

  it('retries with growing delays until delivered, then forgets the entry', async () => {
    const fake = fakeTransport();
    fake.statuses.push(0, 503, 201);
    const outbox = createOutbox(fake.transport);
    outbox.send('https://c.test/v1/responses', 'r1', 'body');
    await settle();
    expect(fake.posted).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.posted).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(fake.posted).toHaveLength(3);
    expect(stored()).toEqual([]);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(fake.posted).toHaveLength(3);
  });

  it('doubles the delay, with jitter, capped at five minutes', () => {
    for (const [attempts, low, high] of [[0, 500, 1000], [1, 1000, 2000], [4, 8000, 16000], [20, 300_000, 300_000]]) {
      const delay = retryDelay(attempts);
      expect(delay).toBeGreaterThanOrEqual(low);
      expect(delay).toBeLessThanOrEqual(high);
    }
  });

  it('sends updates for one key in order, never two at once, and only the newest body', async () => {
    const fake = fakeTransport();
    fake.hold = true;
    fake.statuses.push(201, 200);
    const outbox = createOutbox(fake.transport);
    outbox.send('u', 'r1', 'score');
    outbox.send('u', 'r1', 'score+comment');
    expect(fake.posted.map((request) => request.body)).toEqual(['score']);
    fake.answer();
    await settle();
    expect(fake.posted.map((request) => request.body)).toEqual(['score', 'score+comment']);
    fake.answer();
    await settle();
    expect(stored()).toEqual([]);
  });

  it('picks up what an earlier page left behind', async () => {
    const first = fakeTransport();
    createOutbox(first.transport).send('u', 'r1', 'left behind');
    await settle();
    // The next page load, after the retry time (without running the first page's timers).
    vi.setSystemTime(Date.now() + 2000);
    const second = fakeTransport();
    second.statuses.push(201);
    createOutbox(second.transport).flush();
    await settle();
    expect(second.posted).toEqual([{ url: 'u', body: 'left behind' }]);
    expect(stored()).toEqual([]);
  });

  it('hands everything waiting to sendBeacon when the page goes away, and keeps it until confirmed', async () => {
    const fake = fakeTransport();
    const outbox = createOutbox(fake.transport);
    outbox.send('u', 'r1', 'a');
    outbox.send('u', 'e1', 'b');
    await settle();
    outbox.flushOnHide();
    expect(fake.beaconed.map((request) => request.body)).toEqual(['a', 'b']);
    expect(stored()).toHaveLength(2);
  });

  it('works in memory when localStorage is blocked', async () => {
    const blocked = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const fake = fakeTransport();
    fake.statuses.push(0, 201);
    createOutbox(fake.transport).send('u', 'r1', 'a');
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.posted).toHaveLength(2);
    blocked.mockRestore();
  });
});
