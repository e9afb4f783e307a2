import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.ts';
import { serveProcess } from '../support/serve-process.ts';

const ADMIN = { authorization: 'Bearer log-test-admin-key' };

describe('the request log of a running collector', () => {
  it('never writes the email or user id of an erase request, and keeps other query strings', { timeout: 30_000 }, async () => {
    const server = await serveProcess(['--port', '0', '--db', join(tempDir(), 'npsloop.db'), '--log-level', 'info'], { NPSLOOP_ADMIN_KEY: 'log-test-admin-key' });
    const json = { ...ADMIN, 'content-type': 'application/json' };
    const survey = await fetch(`${server.url}/v1/surveys`, { method: 'POST', headers: json, body: JSON.stringify({ id: 'demo', name: 'Demo', allowedOrigins: ['https://shop.example'] }) });
    expect(survey.status).toBe(201);
    const answer = { id: 'resp_logged001', surveyId: 'demo', score: 3, respondent: { email: 'Ophelia.Private@example.com', userId: 'crm-77431' } };
    const ingested = await fetch(`${server.url}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://shop.example' }, body: JSON.stringify(answer) });
    expect(ingested.status).toBe(201);

    const byEmail = await fetch(`${server.url}/v1/respondents?email=${encodeURIComponent('Ophelia.Private@example.com')}`, { method: 'DELETE', headers: ADMIN });
    expect((await byEmail.json()).erased.responses).toBe(1);
    expect((await fetch(`${server.url}/v1/respondents?userId=crm-77431`, { method: 'DELETE', headers: ADMIN })).status).toBe(200);
    expect((await fetch(`${server.url}/v1/respondents?email=bad&email=Ophelia.Private%40example.com`, { method: 'DELETE', headers: ADMIN })).status).toBe(400);
    expect((await fetch(`${server.url}/v1/surveys/demo/summary?touchpoint=checkout`, { headers: ADMIN })).status).toBe(200);

    const output = await server.waitForOutput(/"url":"\/v1\/surveys\/demo\/summary[^"]*"/);
    const completed = output.split('\n').filter((line) => line.includes('"request completed"')).map((line) => JSON.parse(line));
    expect(completed.filter((entry) => entry.req.method === 'DELETE').map((entry) => [entry.req.url, entry.res.statusCode])).toEqual([
      ['/v1/respondents?[redacted]', 200], ['/v1/respondents?[redacted]', 200], ['/v1/respondents?[redacted]', 400],
    ]);
    expect(completed.find((entry) => entry.req.method === 'DELETE').req).toMatchObject({ host: expect.stringMatching(/^127\.0\.0\.1:\d+$/), remoteAddress: '127.0.0.1' });
    expect(completed.at(-1).req.url).toBe('/v1/surveys/demo/summary?touchpoint=checkout');
    for (const secret of ['ophelia', 'crm-77431', 'log-test-admin-key']) expect(output.toLowerCase()).not.toContain(secret);
  });
});
