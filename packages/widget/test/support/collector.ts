/** A real collector in memory for the widget's tests, reached through `app.inject` instead of a socket. */
import { buildApp } from '../../../collector/src/app.ts';
import type { Send } from '../../src/loader/transport';

const ADMIN_KEY = 'widget-test-admin-key-0123456789';

/** One request the widget sent, with how the collector answered. */
export interface SentRequest {
  method: string;
  path: string;
  body?: Record<string, unknown>;
  status: number;
}

/**
 * A collector with the `demo` survey (brand Acme) that allows this page's
 * origin, and a `send` for the widget that carries that origin the way a
 * browser does. `origin` changes the Origin header of later requests.
 */
export async function testCollector(fields: Record<string, unknown> = {}) {
  const app = await buildApp({ dbPath: ':memory:', adminKey: ADMIN_KEY, logger: false, webhookPollMs: 0 });
  const requests: SentRequest[] = [];
  const collector = {
    app,
    requests,
    origin: location.origin,
    url: 'https://collector.test',
    // Like the browser's request: never rejects; no answer (status 0) once the collector is closed.
    send: (async (method, url, body) => {
      const { pathname, search } = new URL(url);
      try {
        const reply = await app.inject({ method, url: pathname + search, headers: { origin: collector.origin, 'content-type': 'text/plain' }, payload: body });
        requests.push({ method, path: pathname, body: body ? JSON.parse(body) : undefined, status: reply.statusCode });
        return { status: reply.statusCode, text: reply.body };
      } catch {
        return { status: 0, text: '' };
      }
    }) as Send,
    /** Calls the admin API; throws on anything but 2xx. */
    async admin(method: 'POST' | 'PATCH' | 'GET', url: string, payload?: unknown) {
      const reply = await app.inject({ method, url, payload: payload as string, headers: { authorization: `Bearer ${ADMIN_KEY}` } });
      if (reply.statusCode >= 300) throw new Error(`${method} ${url}: ${reply.statusCode} ${reply.body}`);
      return reply.json();
    },
    /** The stored responses of a survey, as the API lists them. */
    async responses(surveyId = 'demo'): Promise<Record<string, unknown>[]> {
      return (await collector.admin('GET', `/v1/surveys/${surveyId}/responses`)).responses;
    },
    close: () => app.close(),
  };
  await collector.admin('POST', '/v1/surveys', { id: 'demo', name: 'Demo', brand: 'Acme', allowedOrigins: [location.origin], ...fields });
  return collector;
}

/** Waits (letting timers and promises run) until `check` returns something truthy; fails after about 3 s. */
export async function waitFor<T>(check: () => T | null | undefined | false, what = 'the condition'): Promise<T> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const value = check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`waitFor: gave up waiting for ${what}`);
}
