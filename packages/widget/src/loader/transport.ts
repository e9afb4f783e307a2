// Requests go out as text/plain JSON: a "simple" CORS request, so no preflight.
// XMLHttpRequest rather than fetch, because host pages replace or remove fetch
// far more often; no credentials, so no cookies travel either way.

/** How a request ended: the HTTP status (0 when no answer came) and the body text. */
export interface Reply {
  status: number;
  text: string;
}

/** Sends a request and resolves to its reply; never rejects. */
export type Send = (method: 'GET' | 'POST', url: string, body?: string) => Promise<Reply>;

/** `Send` over XMLHttpRequest, giving up after 15 s (a retry or a later page view tries again). */
export const request: Send = (method, url, body) =>
  new Promise((resolve) => {
    try {
      const xhr = new XMLHttpRequest();
      xhr.open(method, url);
      xhr.timeout = 15e3;
      if (body) xhr.setRequestHeader('Content-Type', 'text/plain;charset=UTF-8');
      xhr.onloadend = () => resolve({ status: xhr.status, text: xhr.responseText });
      xhr.send(body);
    } catch {
      resolve({ status: 0, text: '' });
    }
  });

/** Hands a body to the browser to deliver even while the page unloads; false when it could not. */
export function beacon(url: string, body: string): boolean {
  try {
    return navigator.sendBeacon(url, body);
  } catch {
    return false;
  }
}

/** Whether the collector refused a request for good: a 4xx other than 408 (timeout) and 429 (slow down). */
export function isRefused(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** Why the collector refused, in words for the site owner's console, from its `{ error: { code, message } }` body. */
export function refusalReason(reply: Reply): string {
  let code = '';
  let message = '';
  try {
    ({ code, message } = JSON.parse(reply.text).error);
  } catch {}
  const known: Record<string, string> = { survey_not_found: 'does not exist', survey_inactive: 'is paused', origin_not_allowed: `does not allow origin ${location.origin}` };
  return known[code] ?? `refused a request: ${reply.status} ${message}`;
}
