// Requests go out as text/plain JSON: a "simple" CORS request, so no preflight.
// XMLHttpRequest rather than fetch, because host pages replace or remove fetch
// far more often; no credentials, so no cookies travel either way.

/** POSTs a body; resolves to the HTTP status, or 0 when the request never got an answer. Never rejects. */
export function post(url: string, body: string): Promise<number> {
  return new Promise((resolve) => {
    try {
      const request = new XMLHttpRequest();
      request.open('POST', url);
      request.setRequestHeader('Content-Type', 'text/plain;charset=UTF-8');
      request.onloadend = () => resolve(request.status);
      request.send(body);
    } catch {
      resolve(0);
    }
  });
}

/** Hands a body to the browser to deliver even while the page unloads; false when it could not. */
export function beacon(url: string, body: string): boolean {
  try {
    return navigator.sendBeacon(url, body);
  } catch {
    return false;
  }
}

/** Whether a status means the request is done: delivered, or refused for good (4xx other than 408 and 429). */
export function isSettled(status: number): boolean {
  return status >= 200 && status < 300 || status >= 400 && status < 500 && status !== 408 && status !== 429;
}
