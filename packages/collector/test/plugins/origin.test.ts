import { describe, expect, it } from 'vitest';
import { createSurvey, post, responseBody, rows, testApp } from '../helpers.ts';

const origins = ['https://shop.example', 'https://*.example.com', 'http://localhost:*', 'http://127.0.0.1:*'];

describe('origin enforcement and CORS on ingest', () => {
  it.each([
    'https://shop.example', 'https://www.example.com', 'https://a.b.example.com', 'http://localhost:5173', 'http://127.0.0.1:41234', 'http://localhost',
  ])('accepts %s with Access-Control-Allow-Origin and Vary', async (origin) => {
    const app = await testApp();
    await createSurvey(app, { allowedOrigins: origins });
    const response = await post(app, '/v1/responses', JSON.stringify(responseBody()), { 'content-type': 'text/plain', origin });
    expect(response.statusCode).toBe(201);
    expect(response.headers['access-control-allow-origin']).toBe(origin);
    expect(response.headers.vary).toContain('Origin');
    expect(response.headers['access-control-expose-headers']).toBe('Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset');
  });

  it.each([
    'https://evil.example', 'http://shop.example', 'https://shop.example:8443', 'https://example.com', 'https://example.com.evil.net',
    'https://evilexample.com', 'http://localhost.evil.net:80', 'null',
  ])('refuses %s with 403 and stores nothing', async (origin) => {
    const app = await testApp();
    await createSurvey(app, { allowedOrigins: origins });
    const response = await post(app, '/v1/responses', responseBody(), { origin });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('origin_not_allowed');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(await rows(app, 'responses')).toEqual([]);
  });

  it('lets an allowed origin read validation errors, so the widget drops a bad body instead of retrying it', async () => {
    const app = await testApp();
    await createSurvey(app, { allowedOrigins: origins });
    const invalid = await post(app, '/v1/responses', JSON.stringify({ id: 'x' }), { 'content-type': 'text/plain', origin: 'http://localhost:5173' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const stranger = await post(app, '/v1/responses', JSON.stringify({ id: 'x' }), { 'content-type': 'text/plain', origin: 'https://evil.example' });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('accepts requests without an Origin header (servers, curl)', async () => {
    const app = await testApp();
    await createSurvey(app, { allowedOrigins: [] });
    const response = await post(app, '/v1/events', { id: 'evt_server_1', surveyId: 'demo', type: 'shown' });
    expect(response.statusCode).toBe(201);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('checks the origin against the survey named in the body, not any survey', async () => {
    const app = await testApp();
    await createSurvey(app, { id: 'shop', allowedOrigins: ['https://shop.example'] });
    await createSurvey(app, { id: 'blog', allowedOrigins: ['https://blog.example'] });
    const response = await post(app, '/v1/responses', responseBody({ surveyId: 'blog' }), { origin: 'https://shop.example' });
    expect(response.statusCode).toBe(403);
  });

  it('answers the JSON preflight for origins an active survey allows, 403 otherwise', async () => {
    const app = await testApp();
    await createSurvey(app, { allowedOrigins: origins });
    const preflight = (origin: string, url = '/v1/responses') => app.inject({
      method: 'OPTIONS', url,
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    const allowed = await preflight('http://localhost:3000');
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers).toMatchObject({
      'access-control-allow-origin': 'http://localhost:3000', 'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'Content-Type', vary: 'Origin',
    });
    expect((await preflight('https://shop.example', '/v1/events')).statusCode).toBe(204);
    const refused = await preflight('https://evil.example');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('origin_not_allowed');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('gives the key-protected API CORS only for configured origins', async () => {
    const app = await testApp({ apiCorsOrigins: ['https://dash.example'] });
    const preflight = (origin: string) => app.inject({
      method: 'OPTIONS', url: '/v1/surveys', headers: { origin, 'access-control-request-method': 'GET' },
    });
    const allowed = await preflight('https://dash.example');
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-headers']).toBe('Authorization, Content-Type');
    // Every method the API takes (PUT replaces a journey from a separately hosted dashboard).
    expect(allowed.headers['access-control-allow-methods']).toBe('GET, POST, PUT, PATCH, DELETE, OPTIONS');
    expect((await preflight('https://shop.example')).statusCode).toBe(403);
    const list = await app.inject({ url: '/v1/surveys', headers: { origin: 'https://dash.example', authorization: 'Bearer test-admin-key-0123456789' } });
    expect(list.headers['access-control-allow-origin']).toBe('https://dash.example');
  });
});
