/** A real collector in memory for component tests, reached through `app.inject` instead of a socket. */
import { buildApp, type AppOptions } from '../../../collector/src/app.ts';

/** The admin key the test collector accepts. */
export const ADMIN_KEY = 'dashboard-test-admin-key-0123456789';

/**
 * A collector with the `demo` survey (made through the admin API), a read key,
 * and a `fetch` that talks to it. Webhooks to loopback addresses are allowed,
 * and never delivered (no worker polls), so their log stays "pending". `options` adds to the collector's (e.g. `retentionDays`).
 */
export async function testCollector(options: Partial<AppOptions> = {}) {
  const app = await buildApp({ dbPath: ':memory:', adminKey: ADMIN_KEY, logger: false, webhookPollMs: 0, allowPrivateWebhooks: true, ...options });
  const fetcher = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const reply = await app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: String(input),
      headers: init.headers as Record<string, string>,
      payload: init.body as string | undefined,
    });
    return new Response(reply.statusCode === 204 ? null : reply.body, { status: reply.statusCode, headers: { 'content-type': String(reply.headers['content-type'] ?? 'application/json') } });
  }) as typeof fetch;
  /** Calls the API with the admin key and returns the parsed body (null for 204); throws on an error status. */
  async function admin<T = unknown>(method: string, url: string, body?: unknown): Promise<T> {
    const response = await fetcher(url, {
      method, headers: { authorization: `Bearer ${ADMIN_KEY}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? null : await response.json()) as T;
  }
  await admin('POST', '/v1/surveys', { id: 'demo', name: 'Demo shop', brand: 'Acme', allowedOrigins: ['https://shop.example'] });
  /** Makes a key through the keys API, as an admin would; returns its secret and id. */
  async function createKey(scope: 'read' | 'admin', name: string): Promise<{ secret: string; id: string }> {
    return admin<{ secret: string; id: string }>('POST', '/v1/keys', { scope, name });
  }
  const readKey = (await createKey('read', 'dashboard-test')).secret;
  /** Stores an answer through the public ingest route; a detractor's answer opens a loop. */
  async function answer(id: string, score: number, comment?: string, email?: string, extra: Record<string, unknown> = {}) {
    const respondent = email ? { consent: true, respondent: { email } } : {};
    const reply = await app.inject({ method: 'POST', url: '/v1/responses', payload: { id, surveyId: 'demo', score, comment, touchpoint: 'checkout', ...respondent, ...extra } });
    if (reply.statusCode >= 300) throw new Error(reply.body);
  }
  return { app, fetcher, readKey, admin, createKey, answer, close: () => app.close() };
}
