import { afterEach, describe, expect, it, vi } from 'vitest';
import { beacon, isRefused, refusalReason, request } from '../../src/loader/transport';

/** The browser's XMLHttpRequest, answering with `status` and `text` (or throwing on send) without a network. */
function browserXhr(status: number | 'throw', text = '') {
  const sent: { method: string; url: string; body?: string; headers: Record<string, string> }[] = [];
  class Request {
    status = 0;
    responseText = '';
    timeout = 0;
    onloadend: (() => void) | null = null;
    private request = { method: '', url: '', body: undefined as string | undefined, headers: {} as Record<string, string> };
    open(method: string, url: string) {
      this.request.method = method;
      this.request.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.request.headers[name] = value;
    }
    send(body?: string) {
      if (status === 'throw') throw new Error('blocked');
      this.request.body = body;
      sent.push(this.request);
      this.status = status;
      this.responseText = text;
      queueMicrotask(() => this.onloadend?.());
    }
  }
  vi.stubGlobal('XMLHttpRequest', Request);
  return sent;
}

describe('request', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('posts text/plain JSON (no CORS preflight) and resolves to the status and body', async () => {
    const sent = browserXhr(201, '{"id":"abc"}');
    expect(await request('POST', 'https://c.test/v1/responses', '{"id":"abc"}')).toEqual({ status: 201, text: '{"id":"abc"}' });
    expect(sent).toEqual([{ method: 'POST', url: 'https://c.test/v1/responses', body: '{"id":"abc"}', headers: { 'Content-Type': 'text/plain;charset=UTF-8' } }]);
  });

  it('sends a GET with no body and no headers: a simple request, no preflight', async () => {
    const sent = browserXhr(200, '{}');
    await request('GET', 'https://c.test/v1/surveys/demo/public');
    expect(sent).toEqual([{ method: 'GET', url: 'https://c.test/v1/surveys/demo/public', body: undefined, headers: {} }]);
  });

  it('resolves to status 0 instead of throwing when the request cannot even start', async () => {
    browserXhr('throw');
    expect(await request('POST', 'https://c.test/v1/responses', '{}')).toEqual({ status: 0, text: '' });
    vi.stubGlobal('XMLHttpRequest', undefined);
    expect((await request('POST', 'https://c.test/v1/responses', '{}')).status).toBe(0);
  });

  it('does not need fetch at all', async () => {
    browserXhr(200);
    vi.stubGlobal('fetch', undefined);
    expect((await request('POST', 'https://c.test/v1/events', '{}')).status).toBe(200);
  });
});

describe('beacon', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reports false when sendBeacon is missing or refuses', () => {
    vi.stubGlobal('navigator', {});
    expect(beacon('https://c.test/v1/events', '{}')).toBe(false);
    vi.stubGlobal('navigator', { sendBeacon: () => false });
    expect(beacon('https://c.test/v1/events', '{}')).toBe(false);
    vi.stubGlobal('navigator', { sendBeacon: () => true });
    expect(beacon('https://c.test/v1/events', '{}')).toBe(true);
  });
});

describe('refusals', () => {
  it.each([
    [400, true], [403, true], [404, true], [413, true],
    [200, false], [201, false], [408, false], [429, false], [500, false], [503, false], [0, false],
  ])('status %i is a refusal: %s', (status, refused) => {
    expect(isRefused(status)).toBe(refused);
  });

  it.each([
    ['survey_not_found', 404, 'does not exist'],
    ['survey_inactive', 403, 'is paused'],
    ['origin_not_allowed', 403, `does not allow origin ${location.origin}`],
    ['validation_failed', 400, 'refused a request: 400 comment: too long'],
  ])('%s reads "%s"', (code, status, reason) => {
    expect(refusalReason({ status, text: JSON.stringify({ error: { code, message: 'comment: too long' } }) })).toBe(reason);
  });

  it('names the status when the body is not the error envelope', () => {
    expect(refusalReason({ status: 413, text: '<html>Too large</html>' })).toBe('refused a request: 413 ');
  });
});
