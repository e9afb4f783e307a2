import { describe, expect, it } from 'vitest';
import { asAdmin, createSurvey, post, responseBody, testApp } from '../helpers.ts';

describe('operations routes', () => {
  it('/healthz answers ok', async () => {
    const app = await testApp();
    const response = await app.inject({ url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('/metrics exposes requests, latency, ingest counts and write batch sizes in Prometheus text', async () => {
    const app = await testApp();
    await createSurvey(app);
    await Promise.all(Array.from({ length: 5 }, () => post(app, '/v1/responses', responseBody())));
    await post(app, '/v1/responses', { nope: true });
    const response = await app.inject({ url: '/metrics', headers: asAdmin });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = response.body;
    expect(text).toContain('# TYPE npsloop_http_requests_total counter');
    expect(text).toContain('npsloop_http_requests_total{method="POST",route="/v1/responses",status="201"} 5');
    expect(text).toContain('npsloop_http_requests_total{method="POST",route="/v1/responses",status="400"} 1');
    expect(text).toContain('npsloop_ingest_total{kind="response",status="created"} 5');
    expect(text).toMatch(/npsloop_write_batch_size_count \d+/);
    expect(text).toContain('npsloop_write_batch_size_sum 5');
    expect(text).toContain('npsloop_http_request_duration_seconds_bucket{method="POST",route="/v1/responses",le="+Inf"} 6');
    expect(text).toContain('npsloop_write_queue_pending 0');
  });

  it('a 5xx reveals nothing internal', async () => {
    const app = await testApp();
    await createSurvey(app);
    await app.db.close();
    const response = await app.inject({ url: '/v1/surveys', headers: asAdmin });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'internal_error', message: 'Internal server error' } });
  });

  it('logs one structured JSON line per request, without the API key', async () => {
    const lines: string[] = [];
    const app = await testApp({ logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } } });
    await app.inject({ url: '/v1/surveys', headers: asAdmin });
    const entries = lines.map((line) => JSON.parse(line));
    expect(entries.filter((entry) => entry.reqId)).toHaveLength(1);
    const completed = entries.find((entry) => entry.msg === 'request completed');
    expect(completed).toMatchObject({ level: 30, req: { method: 'GET', url: '/v1/surveys' }, res: { statusCode: 200 } });
    expect(typeof completed.reqId).toBe('string');
    expect(typeof completed.responseTime).toBe('number');
    expect(lines.join('\n')).not.toContain('test-admin-key');
  });

  it.each(['/%zz', '/s/%ff', '/v1/surveys/%E0%A4%A'])('a URL that does not decode (%s) gets a 400 envelope', async (url) => {
    const app = await testApp();
    const response = await app.inject({ url });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'invalid_url', message: 'URL: not a valid percent-encoded path' } });
  });

  it('unknown routes get a 404 envelope', async () => {
    const app = await testApp();
    const response = await app.inject({ url: '/v2/nothing?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'not_found', message: 'GET /v2/nothing: no such route' } });
  });
});

describe('API documentation', () => {
  it('/openapi.json is OpenAPI 3.1 generated from the route schemas', async () => {
    const app = await testApp();
    const document = (await app.inject({ url: '/openapi.json' })).json();
    expect(document.openapi).toBe('3.1.0');
    const ingest = document.paths['/v1/responses'].post;
    expect(ingest.security).toEqual([]);
    expect(Object.keys(ingest.requestBody.content)).toEqual(['application/json', 'text/plain']);
    const body = ingest.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['id', 'surveyId', 'score']);
    expect(body.additionalProperties).toBe(false);
    expect(body.properties.score).toMatchObject({ type: 'integer', minimum: 0, maximum: 10 });
    expect(body.properties.comment.maxLength).toBe(5000);
    expect(document.paths['/v1/surveys/{id}'].patch.security).toEqual([{ bearer: ['admin'] }]);
    expect(document.paths['/v1/surveys/{id}/summary'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['id', 'from', 'to', 'touchpoint', 'channel', 'locale', 'journey', 'tz']);
    expect(document.paths['/v1/responses'].options).toBeUndefined();
  });

  it('/docs is a self-contained HTML page listing the operations', async () => {
    const app = await testApp();
    const page = await app.inject({ url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<code>/v1/responses</code>');
    expect(page.body).toContain('<code>/v1/surveys/{id}/summary</code>');
    expect(page.body).not.toMatch(/<script|https?:\/\/cdn/);
  });
});
