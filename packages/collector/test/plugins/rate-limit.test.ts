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
    expect(limited.json().error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect((await from('198.51.100.1')).statusCode).toBe(201);
    expect(rows(app, 'responses')).toHaveLength(4);
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
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await send('other', '192.0.2.3')).statusCode).toBe(201);
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
