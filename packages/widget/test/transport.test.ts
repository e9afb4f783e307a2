import { afterEach, describe, expect, it, vi } from 'vitest';
import { beacon, isSettled, post } from '../src/transport';

/** A stand-in XMLHttpRequest that answers with `status` (or throws on send). */
function fakeXhr(status: number | 'throw') {
  const sent: { method: string; url: string; body: string; headers: Record<string, string> }[] = [];
  class FakeRequest {
    status = 0;
    onloadend: (() => void) | null = null;
    private request = { method: '', url: '', body: '', headers: {} as Record<string, string> };
    open(method: string, url: string) {
      this.request.method = method;
      this.request.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.request.headers[name] = value;
    }
    send(body: string) {
      if (status === 'throw') throw new Error('blocked');
      this.request.body = body;
      sent.push(this.request);
      this.status = status;
      queueMicrotask(() => this.onloadend?.());
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeRequest);
  return sent;
}

describe('transport', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('posts text/plain JSON (no CORS preflight) and resolves to the status', async () => {
    const sent = fakeXhr(201);
    expect(await post('https://c.test/v1/responses', '{"id":"abc"}')).toBe(201);
    expect(sent).toEqual([{ method: 'POST', url: 'https://c.test/v1/responses', body: '{"id":"abc"}', headers: { 'Content-Type': 'text/plain;charset=UTF-8' } }]);
  });

  it('resolves to 0 instead of throwing when the request cannot even start', async () => {
    fakeXhr('throw');
    expect(await post('https://c.test/v1/responses', '{}')).toBe(0);
    vi.stubGlobal('XMLHttpRequest', undefined);
    expect(await post('https://c.test/v1/responses', '{}')).toBe(0);
  });

  it('does not need fetch at all', async () => {
    fakeXhr(200);
    vi.stubGlobal('fetch', undefined);
    expect(await post('https://c.test/v1/events', '{}')).toBe(200);
  });

  it('reports false when sendBeacon is missing or refuses', () => {
    vi.stubGlobal('navigator', {});
    expect(beacon('https://c.test/v1/events', '{}')).toBe(false);
    vi.stubGlobal('navigator', { sendBeacon: () => false });
    expect(beacon('https://c.test/v1/events', '{}')).toBe(false);
    vi.stubGlobal('navigator', { sendBeacon: () => true });
    expect(beacon('https://c.test/v1/events', '{}')).toBe(true);
  });

  it.each([
    [200, true], [201, true], [204, true], [400, true], [403, true], [404, true], [413, true],
    [408, false], [429, false], [500, false], [503, false], [0, false],
  ])('status %i settles the request: %s', (status, settled) => {
    expect(isSettled(status)).toBe(settled);
  });
});
