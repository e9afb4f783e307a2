/** Sends one signed webhook request over HTTP(S): no redirects followed, bounded time, every outcome a value. */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, refusedAddresses } from './address-guard.ts';

/** What one attempt came to: an HTTP status, or an error before any status. */
export type SendOutcome = { status: number } | { error: string };

/** Options of a send. */
export interface SendOptions {
  allowPrivate: boolean;
  timeoutMs?: number;
}

/** POSTs the body with the headers; resolves (never rejects) with the status or the error. */
export function sendWebhook(url: string, headers: Record<string, string>, body: string, options: SendOptions): Promise<SendOutcome> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return resolve({ error: 'invalid URL' });
    }
    const host = target.hostname.replace(/^\[|\]$/g, '');
    // IP literals skip DNS lookup, so they are checked here.
    const refusal = isIP(host) ? refusedAddresses([host], options.allowPrivate) : null;
    if (refusal) return resolve({ error: `${host} ${refusal}` });
    const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      lookup: guardedLookup(options.allowPrivate) as never,
      timeout: options.timeoutMs ?? 10_000,
    }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0 }));
      response.on('error', () => resolve({ status: response.statusCode ?? 0 }));
    });
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', (error) => resolve({ error: error.message.slice(0, 300) }));
    request.end(body);
  });
}
