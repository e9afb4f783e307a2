import { describe, expect, it } from 'vitest';
import { asAdmin, createSurvey, testApp } from '../helpers.ts';

// GET /v1/surveys/:id/public, which the widget's loader asks before it shows:
// the origin checked as ingest checks it, and every answer readable by the
// page, refusals included, so the widget can tell the site owner why.

describe('public survey settings', () => {
  it.each([
    ['an allowed origin', 200, 'https://shop.example', 'demo', undefined],
    ['a foreign origin', 403, 'https://evil.example', 'demo', 'origin_not_allowed'],
    ['an unknown survey', 404, 'https://shop.example', 'nope', 'survey_not_found'],
  ])('%s: %i, readable cross-origin', async (_name, status, origin, survey, code) => {
    const app = await testApp();
    await createSurvey(app);
    const response = await app.inject({ url: `/v1/surveys/${survey}/public`, headers: { origin } });
    expect(response.statusCode).toBe(status);
    expect(response.headers['access-control-allow-origin']).toBe(origin);
    expect(response.headers.vary).toContain('Origin');
    if (code) expect(response.json().error.code).toBe(code);
    else expect(response.json()).toMatchObject({ id: 'demo', brand: 'Acme', active: true });
  });

  it('tells a paused survey by `active: false` (the widget shows nothing), with no secrets', async () => {
    const app = await testApp();
    await createSurvey(app, { sampling: 0.25 });
    await app.inject({ method: 'PATCH', url: '/v1/surveys/demo', headers: asAdmin, payload: { active: false } });
    const response = await app.inject({ url: '/v1/surveys/demo/public', headers: { origin: 'https://shop.example' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id: 'demo', brand: 'Acme', wording: {}, followUp: {}, sampling: 0.25, resurveyDays: 90, dismissDays: 30, askConsent: true, active: false,
      metric: 'nps', scale: { lowest: 0, highest: 10, passiveFrom: 7, promoterFrom: 9 },
    });
  });

  it('needs no preflight: a plain GET without headers', async () => {
    const app = await testApp();
    await createSurvey(app);
    const response = await app.inject({ url: '/v1/surveys/demo/public' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});
