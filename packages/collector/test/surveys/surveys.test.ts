import { describe, expect, it } from 'vitest';
import { asAdmin, createSurvey, post, responseBody, rows, testApp } from '../helpers.ts';

describe('surveys API', () => {
  it('creates a survey with defaults and reads it back', async () => {
    const app = await testApp();
    const created = await post(app, '/v1/surveys', { id: 'homepage', name: 'Homepage', allowedOrigins: ['https://shop.example'] }, asAdmin);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      id: 'homepage', name: 'Homepage', brand: null, wording: {}, followUp: {}, allowedOrigins: ['https://shop.example'],
      sampling: 1, resurveyDays: 90, dismissDays: 30, askConsent: true, active: true,
    });
    const read = await app.inject({ url: '/v1/surveys/homepage', headers: asAdmin });
    expect(read.json()).toEqual(created.json());
    const list = await app.inject({ url: '/v1/surveys', headers: asAdmin });
    expect(list.json().surveys.map((survey: { id: string }) => survey.id)).toEqual(['homepage']);
  });

  it('stores wording, follow-up prompts, sampling and throttles', async () => {
    const app = await testApp();
    const survey = await createSurvey(app, {
      wording: { nl: { question: 'Zou je {brand} aanraden?' } }, followUp: { detractor: 'What should we improve?' },
      sampling: 0.25, resurveyDays: 120, dismissDays: 14, askConsent: false,
    });
    expect(survey).toMatchObject({ wording: { nl: { question: 'Zou je {brand} aanraden?' } }, followUp: { detractor: 'What should we improve?' }, sampling: 0.25, resurveyDays: 120, dismissDays: 14, askConsent: false });
  });

  it('refuses a duplicate id with 409 and invalid fields with 400', async () => {
    const app = await testApp();
    await createSurvey(app);
    const duplicate = await post(app, '/v1/surveys', { id: 'demo', name: 'Again', allowedOrigins: [] }, asAdmin);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('survey_exists');
    const cases: [Record<string, unknown>, string][] = [
      [{ id: 'x y', name: 'A', allowedOrigins: [] }, 'id: must be a slug'],
      [{ id: 'ok', name: '', allowedOrigins: [] }, 'name: must not be empty'],
      [{ id: 'ok', name: 'A', allowedOrigins: ['shop.example'] }, 'allowedOrigins.0: must be an origin'],
      [{ id: 'ok', name: 'A', allowedOrigins: ['https://shop.example/path'] }, 'allowedOrigins.0: must be an origin'],
      [{ id: 'ok', name: 'A', allowedOrigins: [], sampling: 2 }, 'sampling: must be a share from 0 to 1'],
      [{ id: 'ok', name: 'A', allowedOrigins: [], wording: { en: { title: 'x' } } }, 'wording.en.title: unknown field'],
      [{ id: 'ok', name: 'A' }, 'allowedOrigins: Invalid input'],
    ];
    for (const [body, message] of cases) {
      const response = await post(app, '/v1/surveys', body, asAdmin);
      expect(response.statusCode, message).toBe(400);
      expect(response.json().error.message).toContain(message);
    }
    expect(await rows(app, 'surveys')).toHaveLength(1);
  });

  it('updates with PATCH, pauses, and 404s an unknown survey', async () => {
    const app = await testApp();
    await createSurvey(app);
    const patch = (id: string, payload: unknown) => app.inject({ method: 'PATCH', url: `/v1/surveys/${id}`, headers: asAdmin, payload: payload as object });
    const updated = await patch('demo', { name: 'Renamed', brand: null, allowedOrigins: ['https://*.example.com'] });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ id: 'demo', name: 'Renamed', brand: null, allowedOrigins: ['https://*.example.com'], active: true });
    const paused = await patch('demo', { active: false });
    expect(paused.json()).toMatchObject({ name: 'Renamed', active: false });
    expect((await post(app, '/v1/responses', responseBody())).statusCode).toBe(403);
    expect((await patch('missing', { active: true })).statusCode).toBe(404);
    expect((await patch('demo', { id: 'renamed' })).statusCode).toBe(400);
    expect((await app.inject({ url: '/v1/surveys/missing', headers: asAdmin })).json().error.code).toBe('survey_not_found');
  });

  it('serves public settings without origins, cacheable, with CORS for allowed origins', async () => {
    const app = await testApp();
    await createSurvey(app, { followUp: { promoter: 'What do you like most?' } });
    const response = await app.inject({ url: '/v1/surveys/demo/public', headers: { origin: 'https://shop.example' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    expect(response.headers['access-control-allow-origin']).toBe('https://shop.example');
    expect(response.json()).toEqual({
      id: 'demo', brand: 'Acme', wording: {}, followUp: { promoter: 'What do you like most?' },
      sampling: 1, resurveyDays: 90, dismissDays: 30, askConsent: true, active: true, metric: 'nps',
      scale: { lowest: 0, highest: 10, passiveFrom: 7, promoterFrom: 9 },
    });
    expect((await app.inject({ url: '/v1/surveys/demo/public', headers: { origin: 'https://evil.example' } })).statusCode).toBe(403);
    expect((await app.inject({ url: '/v1/surveys/nope/public' })).statusCode).toBe(404);
  });
});
