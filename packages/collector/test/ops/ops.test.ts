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
    expect(text).toContain('npsloop_http_request_duration_seconds_bucket{le="+Inf",method="POST",route="/v1/responses"} 6');
    expect(text).toContain('npsloop_write_queue_pending 0');
  });

  it('/metrics adds the Node.js and process metrics: event-loop lag, heap, GC, CPU', async () => {
    const app = await testApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const response = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: asAdmin });
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const name of ['nodejs_eventloop_lag_seconds', 'nodejs_eventloop_lag_p99_seconds', 'nodejs_heap_size_used_bytes', 'nodejs_gc_duration_seconds', 'process_cpu_seconds_total', 'process_resident_memory_bytes']) {
      expect(text, name).toMatch(new RegExp(`^# TYPE ${name} `, 'm'));
    }
    expect(text).toMatch(/^process_cpu_seconds_total \d/m);
  });

  it('keeps each app\'s metrics apart (one registry per app)', async () => {
    const first = await testApp();
    const second = await testApp();
    await first.inject({ url: '/healthz' });
    const text = (await second.inject({ url: '/metrics', headers: asAdmin })).body;
    expect(text).not.toContain('route="/healthz"');
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
    expect(document.paths['/v1/surveys/{id}/summary'].get.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['channel', 'from', 'id', 'journey', 'locale', 'to', 'touchpoint', 'tz']);
    expect(document.paths['/v1/responses'].options).toBeUndefined();
  });

  it('/openapi.json carries response schemas, the error envelope and examples', async () => {
    const app = await testApp();
    const document = (await app.inject({ url: '/openapi.json' })).json();
    const summary = document.paths['/v1/surveys/{id}/summary'].get;
    // One shape per metric: every variant has its interval.
    const variants = summary.responses['200'].content['application/json'].schema.oneOf;
    expect(variants.map((variant: { properties: { metric: { enum: string[] }; interval: { anyOf: { properties?: { method: { enum: string[] } } }[] } } }) =>
      [variant.properties.metric.enum[0], variant.properties.interval.anyOf[0].properties!.method.enum[0]])).toEqual([['nps', 'adjusted-wald'], ['csat', 'wilson'], ['ces', 'student-t']]);
    expect(summary.responses['200'].description).toBe('OK');
    expect(summary.responses['200'].content['application/json'].example).toMatchObject({ metric: 'nps', score: 20, nps: 20, n: 10 });
    expect(summary.responses['401'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    expect(document.components.schemas.Error.required).toEqual(['error']);
    const ingest = document.paths['/v1/responses'].post;
    expect(ingest.requestBody.content['application/json'].example).toMatchObject({ surveyId: 'homepage', score: 9 });
    expect(Object.keys(ingest.responses).sort()).toEqual(['200', '201', '400', '403', '409', '413', '415', '429', '500']);
    expect(document.paths['/v1/keys'].post.responses['201'].content['application/json'].schema.required).toContain('secret');
    expect(document.paths['/v1/keys/{id}'].delete.responses['204'].description).toBe('Done; no body');
    expect(document.paths['/v1/surveys/{id}/export'].get.responses['200'].content).toHaveProperty('text/csv');
    expect(document.paths['/docs']).toBeUndefined();
    const operationIds = Object.values(document.paths).flatMap((methods) => Object.values(methods as Record<string, { operationId: string }>).map((op) => op.operationId));
    expect(new Set(operationIds).size).toBe(operationIds.length);
  });

  it('/docs is the interactive reference, served from the package under a CSP, with nothing from a CDN', async () => {
    const app = await testApp();
    const page = await app.inject({ url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const scripts = [...page.body.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1]);
    expect(scripts).toContain('/docs/static/swagger-ui-bundle.js');
    expect(page.body).not.toMatch(/https?:\/\//);
    for (const url of scripts) expect((await app.inject({ url })).statusCode, url).toBe(200);
    const spec = await app.inject({ url: '/docs/json' });
    expect(spec.json().openapi).toBe('3.1.0');
  });
});
