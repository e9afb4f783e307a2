import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createSurvey, rows, testApp } from '../helpers.ts';

/** The routes anyone may call; everything else must demand a key. */
const PUBLIC_ROUTES = [
  'OPTIONS *', 'OPTIONS /v1/responses', 'OPTIONS /v1/events',
  'POST /v1/responses', 'POST /v1/events', 'GET /v1/surveys/:id/public', 'HEAD /v1/surveys/:id/public',
  'GET /widget.js', 'HEAD /widget.js', 'GET /widget.:hash.js', 'HEAD /widget.:hash.js', 'GET /widget.json', 'HEAD /widget.json',
  'GET /widget-ui.:hash.js', 'HEAD /widget-ui.:hash.js',
  'GET /s/:surveyId', 'HEAD /s/:surveyId', 'POST /s/:surveyId',
  // The unsubscribe page of invitations: the personal link's token is the credential.
  'GET /s/:surveyId/unsubscribe', 'HEAD /s/:surveyId/unsubscribe', 'POST /s/:surveyId/unsubscribe',
  'GET /healthz', 'HEAD /healthz', 'GET /openapi.json', 'HEAD /openapi.json',
  // The interactive API reference (Swagger UI) and its files.
  'HEAD /docs/', ...['/docs', '/docs/json', '/docs/yaml', '/docs/static/*', '/docs/static/index.html', '/docs/static/swagger-initializer.js', '/docs/static/theme/narrow.css']
    .flatMap((url) => [`GET ${url}`, `HEAD ${url}`]),
  // The dashboard's static files; its data needs a key.
  'GET /dashboard', 'HEAD /dashboard', 'GET /dashboard/*', 'HEAD /dashboard/*',
];

function concreteUrl(url: string): string {
  return url.replace(/:(\w+)/g, 'demo').replace('*', 'anything');
}

function call(app: FastifyInstance, method: string, url: string, authorization?: string) {
  return app.inject({
    method: method as 'GET', url: concreteUrl(url),
    headers: authorization ? { authorization } : {},
    ...(['POST', 'PATCH', 'PUT'].includes(method) ? { payload: {} } : {}),
  });
}

describe('auth: the full route table', () => {
  it('lists exactly the intended public routes', async () => {
    const app = await testApp();
    const publicRoutes = app.routeCatalog.filter((route) => route.access === 'public').map((route) => `${route.method} ${route.url}`);
    expect(publicRoutes.sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('every non-public route refuses a missing, malformed, wrong or insufficient key', async () => {
    const app = await testApp();
    await createSurvey(app);
    const { secret: readKey } = await app.db.keys.create('read', 'reader');
    const { secret: adminKey } = await app.db.keys.create('admin', 'ops');
    const surveysBefore = await rows(app, 'surveys');
    const guarded = app.routeCatalog.filter((route) => route.access !== 'public');
    expect(guarded.length).toBeGreaterThanOrEqual(8);

    for (const route of guarded) {
      const label = `${route.method} ${route.url}`;
      for (const authorization of [undefined, 'Bearer', 'Basic dXNlcjpwYXNz', 'Bearer wrong-key', `Bearer ${readKey}x`]) {
        const response = await call(app, route.method, route.url, authorization);
        expect(response.statusCode, `${label} with ${authorization}`).toBe(401);
        if (route.method !== 'HEAD') expect(response.json().error.code, label).toBe('unauthorized');
        expect(response.headers['www-authenticate'], label).toBe('Bearer realm="npsloop"');
      }
      const withRead = await call(app, route.method, route.url, `Bearer ${readKey}`);
      if (route.access === 'admin') {
        expect(withRead.statusCode, `${label} with a read key`).toBe(403);
        if (route.method !== 'HEAD') expect(withRead.json().error.code).toBe('forbidden');
      } else {
        expect([401, 403], `${label} with a read key`).not.toContain(withRead.statusCode);
      }
      const withAdmin = await call(app, route.method, route.url, `Bearer ${adminKey}`);
      expect([401, 403], `${label} with an admin key`).not.toContain(withAdmin.statusCode);
    }
    expect((await rows(app, 'surveys')).map((row) => row.id)).toEqual(surveysBefore.map((row) => row.id));
  });

  it('stores keys hashed, never the secret', async () => {
    const app = await testApp();
    const { secret, key } = await app.db.keys.create('read', 'dashboard');
    expect(secret).toMatch(/^npsk_[A-Za-z0-9_-]{43}$/);
    const [row] = await rows(app, 'api_keys');
    expect(row).toMatchObject({ id: key.id, name: 'dashboard', scope: 'read' });
    expect(JSON.stringify(row)).not.toContain(secret.slice(10));
    const ok = await app.inject({ url: '/v1/surveys', headers: { authorization: `Bearer ${secret}` } });
    expect(ok.statusCode).toBe(200);
  });

  it('accepts the configured admin key exactly as given', async () => {
    const app = await testApp({ adminKey: 'npsloop_admin_Custom-Key.42' });
    const as = (key: string) => app.inject({ url: '/v1/surveys', headers: { authorization: `Bearer ${key}` } });
    expect((await as('npsloop_admin_Custom-Key.42')).statusCode).toBe(200);
    expect((await as('npsloop_admin_custom-key.42')).statusCode).toBe(401);
    expect((await as('npsloop_admin_Custom-Key.4')).statusCode).toBe(401);
    expect((await as('test-admin-key-0123456789')).statusCode).toBe(401);
  });
});
