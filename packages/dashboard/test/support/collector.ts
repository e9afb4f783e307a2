/** A real collector in memory for component tests, reached through `app.inject` instead of a socket. */
import { buildApp } from '../../../collector/src/app.ts';

/** The admin key the test collector accepts. */
export const ADMIN_KEY = 'dashboard-test-admin-key-0123456789';

/** A collector with the `demo` survey, a read key, and a `fetch` that talks to it. */
export async function testCollector() {
  const app = await buildApp({ dbPath: ':memory:', adminKey: ADMIN_KEY, logger: false, webhookPollMs: 0 });
  await app.db.surveys.create({ id: 'demo', name: 'Demo shop', brand: 'Acme', allowedOrigins: ['https://shop.example'] });
  const readKey = (await app.db.keys.create('read', 'dashboard-test')).secret;
  const fetcher = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const reply = await app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: String(input),
      headers: init.headers as Record<string, string>,
      payload: init.body as string | undefined,
    });
    return new Response(reply.statusCode === 204 ? null : reply.body, { status: reply.statusCode, headers: { 'content-type': String(reply.headers['content-type'] ?? 'application/json') } });
  }) as typeof fetch;
  /** Stores an answer through the public ingest route; a detractor's answer opens a loop. */
  async function answer(id: string, score: number, comment?: string, email?: string) {
    const respondent = email ? { consent: true, respondent: { email } } : {};
    const reply = await app.inject({ method: 'POST', url: '/v1/responses', payload: { id, surveyId: 'demo', score, comment, touchpoint: 'checkout', ...respondent } });
    if (reply.statusCode >= 300) throw new Error(reply.body);
  }
  return { app, fetcher, readKey, answer, close: () => app.close() };
}
