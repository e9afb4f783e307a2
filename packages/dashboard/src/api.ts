/** The dashboard's only door to the collector: a fetch wrapper over the public HTTP API. */
import type { CallingKey } from '@npsloop/core';

/** An API failure: the HTTP status, the envelope's code and its message (the collector's words, naming the field and rule). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The collector's own message, or null when the answer had none (a proxy's error page). */
  readonly detail: string | null;

  constructor(status: number, code: string, detail: string | null) {
    super(detail ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
  }

  /** True when the collector has no such route (an older collector, or a feature not enabled). */
  get notAvailable(): boolean {
    return this.status === 404 && this.code === 'not_found';
  }
}

/** Query values; arrays repeat the key, undefined and empty strings are left out. */
export type Query = Record<string, string | number | boolean | undefined | null | readonly string[]>;

/** Builds `?a=1&b=2` from a query object. */
export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Turns a failed response into an ApiError, reading `{ error: { code, message } }` when there is one. */
export async function errorFrom(response: Response): Promise<ApiError> {
  let code = 'http_error';
  let detail: string | null = null;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.code) code = body.error.code;
    if (body.error?.message) detail = body.error.message;
  } catch {
    // Not JSON (a proxy's error page): the status says it all.
  }
  return new ApiError(response.status, code, detail);
}

/** A client bound to one API key: the key travels only in the Authorization header. */
export interface Api {
  get<T>(path: string, query?: Query): Promise<T>;
  /** A GET whose body is text (Markdown, CSV). */
  text(path: string, query?: Query): Promise<string>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
}

/**
 * Creates a client for `baseUrl` (the collector origin; '' for the same origin).
 * `onRefused` is called when the collector refuses the key (401): a key that
 * signed in and is refused later has been revoked.
 */
export function createApi(key: string, baseUrl = '', fetcher: typeof fetch = (...args) => fetch(...args), onRefused?: () => void): Api {
  async function request<T>(method: string, path: string, body?: unknown, asText = false): Promise<T> {
    let response: Response;
    try {
      response = await fetcher(`${baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, 'network_error', null);
    }
    if (!response.ok) {
      const error = await errorFrom(response);
      if (error.status === 401) onRefused?.();
      throw error;
    }
    if (response.status === 204) return undefined as T;
    return (asText ? await response.text() : await response.json()) as T;
  }
  return {
    get: (path, query) => request('GET', `${path}${queryString(query)}`),
    text: (path, query) => request<string>('GET', `${path}${queryString(query)}`, undefined, true),
    send: (method, path, body) => request(method, path, body),
  };
}

// What a key may do, and the key a request is made with (`GET /v1/keys/me`): wire types shared with the collector.
export type { CallingKey, KeyScope } from '@npsloop/core';

/** Asks the collector which key this client uses and what it may do; rejects with ApiError (401 for a key it does not know). */
export function whoAmI(api: Api): Promise<CallingKey> {
  return api.get<CallingKey>('/v1/keys/me');
}
