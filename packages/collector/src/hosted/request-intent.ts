/**
 * Whether a request to the hosted page was made by the person on it, or by another site driving their browser.
 * Browsers say what a request is for in the Fetch Metadata headers (`Sec-Fetch-*`); clients that send none
 * (mail apps handing a link to an old browser, curl) are taken at their word, since no other site can drive them.
 */
import type { IncomingHttpHeaders } from 'node:http';

/**
 * True when a GET may record the score in its link: a top-level navigation (a click in an email or a chat,
 * a typed URL). An image, iframe, script, fetch or prefetch from any page never records.
 */
export function isTopLevelNavigation(method: string, headers: IncomingHttpHeaders): boolean {
  if (method !== 'GET') return false;
  // Link prefetch and prerender (`Sec-Purpose: prefetch`, or the older `Purpose`) happen before anyone clicks.
  if (headers['sec-purpose'] !== undefined || headers.purpose !== undefined) return false;
  const dest = headers['sec-fetch-dest'];
  const mode = headers['sec-fetch-mode'];
  return (dest === undefined || dest === 'document') && (mode === undefined || mode === 'navigate');
}

/**
 * True when a POST comes from the collector's own page: `Sec-Fetch-Site: same-origin`, or, from a browser
 * that does not send it, an `Origin` whose host is the one the request was sent to (`host`, with its port).
 */
export function isFromOwnPage(headers: IncomingHttpHeaders, host: string): boolean {
  const site = headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    // `Origin: null` (a sandboxed or privacy-sensitive context) is nobody's own page.
    return false;
  }
}
