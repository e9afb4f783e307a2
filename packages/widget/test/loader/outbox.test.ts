import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOutbox, OUTBOX_KEY, retryDelay, type OutboxEntry } from '../../src/loader/outbox';
import type { Reply } from '../../src/loader/transport';

/**
 * A network whose answers the test decides: one queued status per request, 0 (no answer) when none
 * is queued. Real collector answers are in the controller tests; these pin down timing and order.
 */
function fakeTransport() {
  const statuses: number[] = [];
  const posted: { url: string; body: string }[] = [];
  const refused: { key: string; status: number }[] = [];
  let release: (() => void)[] = [];
  const fake = {
    statuses,
    posted,
    refused,
    /** Holds answers until `answer()` is called, to look at requests in flight. */
    hold: false,
    answer() {
      const pending = release;
      release = [];
      pending.forEach((resolve) => resolve());
    },
    outbox() {
      return createOutbox((entry, reply) => refused.push({ key: entry.key, status: reply.status }), (_method, url, body) => {
        posted.push({ url, body: body! });
        const status = statuses.shift() ?? 0;
        return new Promise<Reply>((resolve) => {
          if (fake.hold) release.push(() => resolve({ status, text: '' }));
          else resolve({ status, text: '' });
        });
      });
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
    [201, 'delivered (created)', 0, false],
    [200, 'delivered (updated)', 0, false],
    [400, 'refused for good', 0, true],
    [403, 'refused for good', 0, true],
    [404, 'refused for good', 0, true],
    [429, 'rate limited: retried', 1, false],
    [503, 'server error: retried', 1, false],
    [0, 'no answer: retried', 1, false],
  ])('status %i: %s', async (status, _meaning, left, refused) => {
    const fake = fakeTransport();
    fake.statuses.push(status);
    fake.outbox().send('https://c.test/v1/responses', 'r1', '{"id":"r1"}');
    await settle();
    expect(stored()).toHaveLength(left);
    expect(localStorage.getItem(OUTBOX_KEY) === null).toBe(left === 0);
    expect(fake.refused).toEqual(refused ? [{ key: 'r1', status }] : []);
  });

  it('retries with growing delays until delivered, then forgets the entry', async () => {
    const fake = fakeTransport();
    fake.statuses.push(0, 503, 201);
    const outbox = fake.outbox();
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
    const outbox = fake.outbox();
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
    first.outbox().send('u', 'r1', 'left behind');
    await settle();
    // The next page load, after the retry time (without running the first page's timers).
    vi.setSystemTime(Date.now() + 2000);
    const second = fakeTransport();
    second.statuses.push(201);
    second.outbox().flush();
    await settle();
    expect(second.posted).toEqual([{ url: 'u', body: 'left behind' }]);
    expect(stored()).toEqual([]);
  });

  it('hands everything waiting to sendBeacon when the page goes away, and keeps it until confirmed', async () => {
    const beaconed: string[] = [];
    vi.stubGlobal('navigator', { sendBeacon: (_url: string, body: string) => beaconed.push(body) > 0 });
    const fake = fakeTransport();
    const outbox = fake.outbox();
    outbox.send('u', 'r1', 'a');
    outbox.send('u', 'e1', 'b');
    await settle();
    outbox.flushOnHide();
    expect(beaconed).toEqual(['a', 'b']);
    expect(stored()).toHaveLength(2);
    vi.unstubAllGlobals();
  });

  it('leaves entries of other tabs alone: storage, not this page, says what waits', async () => {
    const fake = fakeTransport();
    const outbox = fake.outbox();
    outbox.send('u', 'r1', 'a');
    await settle();
    // Another tab delivered it and emptied the outbox.
    localStorage.removeItem(OUTBOX_KEY);
    fake.statuses.push(201);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(fake.posted).toHaveLength(1);
    expect(localStorage.getItem(OUTBOX_KEY)).toBeNull();
  });

  it('works in memory when localStorage is blocked', async () => {
    const blocked = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const fake = fakeTransport();
    fake.statuses.push(0, 201);
    fake.outbox().send('u', 'r1', 'a');
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.posted).toHaveLength(2);
    blocked.mockRestore();
  });
});
