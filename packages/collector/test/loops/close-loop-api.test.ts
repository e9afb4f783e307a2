import { describe, expect, it } from 'vitest';
import { closeLoopApp } from './close-loop-app.ts';

const ROUTES = [
  ['PATCH', '/v1/responses/:id', 'admin'], ['GET', '/v1/responses/:id/loop', 'read'], ['POST', '/v1/responses/:id/notes', 'admin'],
  ['GET', '/v1/loops', 'read'], ['GET', '/v1/surveys/:id/loops/stats', 'read'], ['GET', '/v1/surveys/:id/loop-settings', 'read'],
  ['PATCH', '/v1/surveys/:id/loop-settings', 'admin'], ['POST', '/v1/webhooks', 'admin'], ['GET', '/v1/webhooks', 'admin'],
  ['GET', '/v1/webhooks/:id', 'admin'], ['DELETE', '/v1/webhooks/:id', 'admin'], ['GET', '/v1/webhooks/:id/deliveries', 'admin'],
  ['POST', '/v1/actions', 'admin'], ['GET', '/v1/actions', 'read'], ['GET', '/v1/actions/:id', 'read'], ['PATCH', '/v1/actions/:id', 'admin'],
  ['DELETE', '/v1/respondents', 'admin'], ['GET', '/v1/surveys/:id/huddle', 'read'],
] as const;

describe('close-the-loop API surface', () => {
  it('registers every route with its access rule and documents it in /openapi.json', async () => {
    const app = await closeLoopApp();
    const catalog = new Map(app.routeCatalog.map((route) => [`${route.method} ${route.url}`, route.access]));
    for (const [method, url, access] of ROUTES) expect(catalog.get(`${method} ${url}`), `${method} ${url}`).toBe(access);
    const spec = (await app.inject({ url: '/openapi.json' })).json();
    for (const [method, url] of ROUTES) {
      expect(spec.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()], `${method} ${url}`).toBeDefined();
    }
  });

  it.each(ROUTES)('%s %s needs a key, and an admin key when it writes', async (method, url, access) => {
    const app = await closeLoopApp();
    const { secret: readKey } = await app.db.keys.create('read');
    const path = url.replace(':id', url.startsWith('/v1/surveys') ? 'demo' : 'resp_anything1');
    const call = (authorization?: string) => app.inject({ method, url: path, headers: authorization ? { authorization } : {}, ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }) });
    expect((await call()).statusCode).toBe(401);
    expect((await call('Bearer wrong')).json().error.code).toBe('unauthorized');
    expect((await call(`Bearer ${readKey}`)).statusCode === 403).toBe(access === 'admin');
  });
});
