/** A real collector in memory for component tests, reached through `app.inject` instead of a socket. */
import { actionRoutes } from '../../../collector/src/actions/action-routes.ts';
import { buildApp } from '../../../collector/src/app.ts';
import { ensureCloseTheLoopSchema } from '../../../collector/src/loops/loop-migrations.ts';
import { loopRoutes } from '../../../collector/src/loops/loop-routes.ts';
import { createLoopStore } from '../../../collector/src/loops/loop-store.ts';

/** The admin key the test collector accepts. */
export const ADMIN_KEY = 'dashboard-test-admin-key-0123456789';

/**
 * A collector with the `demo` survey, a read key, and a `fetch` that talks to
 * it. The close-the-loop routes are added the way the collector's own tests
 * add them, for as long as buildApp does not register them itself.
 */
export async function testCollector() {
  const app = await buildApp({ dbPath: ':memory:', adminKey: ADMIN_KEY, logger: false });
  ensureCloseTheLoopSchema(app.store.db);
  if (!app.hasRoute({ method: 'GET', url: '/v1/loops' })) {
    await app.register(loopRoutes);
    await app.register(actionRoutes);
  }
  const loops = createLoopStore(app.store.db);
  app.store.createSurvey({ id: 'demo', name: 'Demo shop', brand: 'Acme', allowedOrigins: ['https://shop.example'] });
  const readKey = app.store.createKey('read', 'dashboard-test').secret;
  const fetcher = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const reply = await app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: String(input),
      headers: init.headers as Record<string, string>,
      payload: init.body as string | undefined,
    });
    return new Response(reply.statusCode === 204 ? null : reply.body, { status: reply.statusCode, headers: { 'content-type': String(reply.headers['content-type'] ?? 'application/json') } });
  }) as typeof fetch;
  /** Stores an answer through the public ingest route; a detractor's loop opens (as the ingest hooks do once wired). */
  async function answer(id: string, score: number, comment?: string, email?: string) {
    const respondent = email ? { consent: true, respondent: { email } } : {};
    const reply = await app.inject({ method: 'POST', url: '/v1/responses', payload: { id, surveyId: 'demo', score, comment, touchpoint: 'checkout', ...respondent } });
    if (reply.statusCode >= 300) throw new Error(reply.body);
    loops.syncLoopForResponse(id, Date.now());
  }
  return { app, fetcher, readKey, answer, close: () => app.close() };
}
