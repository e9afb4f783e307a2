import { describe, expect, it } from 'vitest';
import { createSurvey, responseBody, rows, testApp } from '../helpers.ts';

describe('rate limits', () => {
  it('limits each client IP with 429 and Retry-After, independently of other IPs', async () => {
    const app = await testApp({ rateLimit: { perIp: 3, perSurvey: 0, windowMs: 60_000 } });
    await createSurvey(app);
    const from = (ip: string) => app.inject({ method: 'POST', url: '/v1/responses', payload: responseBody(), remoteAddress: ip });
    for (let i = 0; i < 3; i += 1) expect((await from('203.0.113.7')).statusCode).toBe(201);
    const limited = await from('203.0.113.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toEqual({ code: 'rate_limited', message: expect.stringMatching(/^client: too many requests; retry after \d+ s$/) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.headers).toMatchObject({ 'ratelimit-limit': '3', 'ratelimit-remaining': '0', 'ratelimit-reset': limited.headers['retry-after'] });
    expect((await from('198.51.100.1')).statusCode).toBe(201);
    expect(await rows(app, 'responses')).toHaveLength(4);
  });

  it('limits each survey across clients', async () => {
    const app = await testApp({ rateLimit: { perIp: 0, perSurvey: 2, windowMs: 60_000 } });
    await createSurvey(app);
    await createSurvey(app, { id: 'other' });
    const send = (surveyId: string, ip: string) =>
      app.inject({ method: 'POST', url: '/v1/events', payload: { id: `evt_${Math.random().toString(36).slice(2, 10)}`, surveyId, type: 'shown' }, remoteAddress: ip });
    expect((await send('demo', '192.0.2.1')).statusCode).toBe(201);
    expect((await send('demo', '192.0.2.2')).statusCode).toBe(201);
    const limited = await send('demo', '192.0.2.3');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.message).toMatch(/^survey demo: too many requests; retry after \d+ s$/);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.headers['ratelimit-limit']).toBe('2');
    expect((await send('other', '192.0.2.3')).statusCode).toBe(201);
    expect(await rows(app, 'events')).toHaveLength(3);
  });

  it('puts the budget headers on the 429 only, not on every answer', async () => {
    const app = await testApp({ rateLimit: { perIp: 2, perSurvey: 100, windowMs: 60_000 } });
    await createSurvey(app);
    const from = () => app.inject({ method: 'POST', url: '/v1/responses', payload: responseBody(), remoteAddress: '203.0.113.9' });
    const first = await from();
    expect(first.statusCode).toBe(201);
    for (const header of ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after']) expect(first.headers[header]).toBeUndefined();
    expect((await from()).statusCode).toBe(201);
    const limited = await from();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers).toMatchObject({ 'ratelimit-limit': '2', 'ratelimit-remaining': '0' });
    expect(Number(limited.headers['ratelimit-reset'])).toBeGreaterThan(0);
  });

  it('limits the hosted survey page per survey too, with an HTML page for people', async () => {
    const app = await testApp({ rateLimit: { perIp: 0, perSurvey: 1, windowMs: 60_000 } });
    await createSurvey(app);
    expect((await app.inject({ url: '/s/demo', remoteAddress: '192.0.2.1' })).statusCode).toBe(200);
    const limited = await app.inject({ url: '/s/demo', remoteAddress: '192.0.2.2' });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(limited.body).toContain('too many requests');
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('counts IPv6 clients by their /64 network, so one host cannot hop addresses, and IPv4-mapped ones by their IPv4 address', async () => {
    const app = await testApp({ rateLimit: { perIp: 1, perSurvey: 0, windowMs: 60_000 } });
    await createSurvey(app);
    const from = (ip: string) => app.inject({ method: 'POST', url: '/v1/responses', payload: responseBody(), remoteAddress: ip });
    expect((await from('2001:db8:1:2::1')).statusCode).toBe(201);
    expect((await from('2001:db8:1:2::ffff')).statusCode).toBe(429);
    expect((await from('2001:db8:1:3::1')).statusCode).toBe(201);
    // An IPv4 client seen through an IPv6 socket is the same client.
    expect((await from('::ffff:192.0.2.1')).statusCode).toBe(201);
    expect((await from('192.0.2.1')).statusCode).toBe(429);
  });

  it('0 turns a limit off', async () => {
    const app = await testApp({ rateLimit: { perIp: 0, perSurvey: 0, windowMs: 60_000 } });
    await createSurvey(app);
    const answers = await Promise.all(Array.from({ length: 5 }, () => app.inject({ method: 'POST', url: '/v1/responses', payload: responseBody() })));
    expect(answers.map((answer) => answer.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(answers[0].headers['ratelimit-limit']).toBeUndefined();
  });

  it('uses X-Forwarded-For only when the proxy is trusted', async () => {
    const trusting = await testApp({ trustProxy: true, rateLimit: { perIp: 1, perSurvey: 0, windowMs: 60_000 } });
    await createSurvey(trusting);
    const via = (app: typeof trusting, client: string) => app.inject({
      method: 'POST', url: '/v1/responses', payload: responseBody(), remoteAddress: '10.0.0.1', headers: { 'x-forwarded-for': client },
    });
    expect((await via(trusting, '203.0.113.1')).statusCode).toBe(201);
    expect((await via(trusting, '203.0.113.2')).statusCode).toBe(201);
    const direct = await testApp({ rateLimit: { perIp: 1, perSurvey: 0, windowMs: 60_000 } });
    await createSurvey(direct);
    expect((await via(direct, '203.0.113.1')).statusCode).toBe(201);
    expect((await via(direct, '203.0.113.2')).statusCode).toBe(429);
  });
});
