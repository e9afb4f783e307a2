import { describe, expect, it } from 'vitest';
import { createSurvey, post, responseBody, rows, testApp } from '../helpers.ts';

describe('POST /v1/responses', () => {
  it('stores a score with 201, then the comment and consent on the same row with 200', async () => {
    const app = await testApp();
    await createSurvey(app);
    const first = await post(app, '/v1/responses', { id: 'resp_0001', surveyId: 'demo', score: 3, touchpoint: 'checkout', channel: 'web' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ id: 'resp_0001', status: 'created' });

    const second = await post(app, '/v1/responses', { id: 'resp_0001', surveyId: 'demo', score: 3, comment: 'Slow delivery', consent: true });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({ id: 'resp_0001', status: 'updated' });

    const stored = await rows(app, 'responses');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: 'resp_0001', survey_id: 'demo', score: 3, comment: 'Slow delivery', consent: 1, touchpoint: 'checkout', channel: 'web' });
  });

  it('stores every field of the wire contract', async () => {
    const app = await testApp();
    await createSurvey(app);
    const body = {
      id: 'resp_full_01', surveyId: 'demo', score: 10, comment: 'Fast', consent: false,
      respondent: { userId: 'u-42', email: 'ann@example.com' }, touchpoint: 'support', channel: 'app', journey: 'onboarding.step-2',
      locale: 'nl-BE', page: '/pricing', device: 'mobile', properties: { plan: 'pro', seats: 3, trial: false },
    };
    expect((await post(app, '/v1/responses', body)).statusCode).toBe(201);
    expect((await rows(app, 'responses'))[0]).toMatchObject({
      score: 10, comment: 'Fast', consent: 0, user_id: 'u-42', email: 'ann@example.com', touchpoint: 'support', channel: 'app',
      journey: 'onboarding.step-2', locale: 'nl-BE', page: '/pricing', device: 'mobile', properties: '{"plan":"pro","seats":3,"trial":false}',
    });
  });

  it('answers a repeated identical request with 200 unchanged and writes nothing', async () => {
    const app = await testApp();
    await createSurvey(app);
    const body = responseBody({ comment: 'Great' });
    expect((await post(app, '/v1/responses', body)).statusCode).toBe(201);
    const before = await rows(app, 'responses');
    const again = await post(app, '/v1/responses', body);
    expect(again.statusCode).toBe(200);
    expect(again.json().status).toBe('unchanged');
    expect(await rows(app, 'responses')).toEqual(before);
  });

  it('uses server time: created_at is now, whatever the client sends', async () => {
    const app = await testApp();
    await createSurvey(app);
    const before = Date.now();
    await post(app, '/v1/responses', responseBody());
    const createdAt = (await rows(app, 'responses'))[0].created_at as number;
    expect(createdAt).toBeGreaterThanOrEqual(before);
    expect(createdAt).toBeLessThanOrEqual(Date.now());
    const backdated = await post(app, '/v1/responses', responseBody({ createdAt: '2020-01-01T00:00:00Z' }));
    expect(backdated.statusCode).toBe(400);
    expect(backdated.json().error.message).toContain('createdAt: unknown field');
  });

  it('accepts a changed score within 30 minutes and refuses it after with 409', async () => {
    const app = await testApp();
    await createSurvey(app);
    const recent = await post(app, '/v1/responses', { id: 'recent_01', surveyId: 'demo', score: 6 });
    expect(recent.statusCode).toBe(201);
    const changed = await post(app, '/v1/responses', { id: 'recent_01', surveyId: 'demo', score: 8 });
    expect(changed.json()).toEqual({ id: 'recent_01', status: 'updated' });

    await app.db.ingestResponse({ id: 'old_resp_1', surveyId: 'demo', score: 6 }, Date.now() - 31 * 60 * 1000);
    const late = await post(app, '/v1/responses', { id: 'old_resp_1', surveyId: 'demo', score: 9 });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('score_locked');
    const sameScoreLate = await post(app, '/v1/responses', { id: 'old_resp_1', surveyId: 'demo', score: 6, comment: 'late why' });
    expect(sameScoreLate.statusCode).toBe(200);
    expect((await rows(app, 'responses')).map((row) => [row.id, row.score])).toEqual([['recent_01', 8], ['old_resp_1', 6]]);
  });

  it('refuses the same id for another survey with 409 and keeps the first row', async () => {
    const app = await testApp();
    await createSurvey(app);
    await createSurvey(app, { id: 'other' });
    await post(app, '/v1/responses', { id: 'shared_id', surveyId: 'demo', score: 7 });
    const clash = await post(app, '/v1/responses', { id: 'shared_id', surveyId: 'other', score: 7 });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({ code: 'id_conflict' });
    expect(await rows(app, 'responses')).toMatchObject([{ id: 'shared_id', survey_id: 'demo' }]);
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['text/plain with charset', 'text/plain;charset=UTF-8'],
    ['JSON with charset', 'application/json; charset=utf-8'],
  ])('accepts %s', async (_name, contentType) => {
    const app = await testApp();
    await createSurvey(app);
    const response = await post(app, '/v1/responses', JSON.stringify(responseBody()), { 'content-type': contentType });
    expect(response.statusCode).toBe(201);
    expect(await rows(app, 'responses')).toHaveLength(1);
  });

  it('answers 404 for an unknown survey and 403 for a paused one, storing nothing', async () => {
    const app = await testApp();
    await createSurvey(app, { id: 'paused', active: false });
    const unknown = await post(app, '/v1/responses', responseBody({ surveyId: 'nope' }));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toEqual({ code: 'survey_not_found', message: 'surveyId: no survey with id "nope"' });
    const paused = await post(app, '/v1/responses', responseBody({ surveyId: 'paused' }));
    expect(paused.statusCode).toBe(403);
    expect(paused.json().error.code).toBe('survey_inactive');
    expect(await rows(app, 'responses')).toEqual([]);
  });
});

describe('POST /v1/events', () => {
  it('records shown and dismissed once per id', async () => {
    const app = await testApp();
    await createSurvey(app);
    const shown = { id: 'evt_shown_1', surveyId: 'demo', type: 'shown', touchpoint: 'home', channel: 'web', locale: 'en', page: '/' };
    expect((await post(app, '/v1/events', shown)).statusCode).toBe(201);
    const again = await post(app, '/v1/events', JSON.stringify(shown), { 'content-type': 'text/plain' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ id: 'evt_shown_1', status: 'unchanged' });
    expect((await post(app, '/v1/events', { id: 'evt_dism_1', surveyId: 'demo', type: 'dismissed' })).statusCode).toBe(201);
    expect((await rows(app, 'events')).map((row) => [row.id, row.type, row.page])).toEqual([['evt_shown_1', 'shown', '/'], ['evt_dism_1', 'dismissed', null]]);
  });

  it('refuses an id reused with another type (409) and unknown types (400)', async () => {
    const app = await testApp();
    await createSurvey(app);
    await post(app, '/v1/events', { id: 'evt_000001', surveyId: 'demo', type: 'shown' });
    expect((await post(app, '/v1/events', { id: 'evt_000001', surveyId: 'demo', type: 'dismissed' })).statusCode).toBe(409);
    const badType = await post(app, '/v1/events', { id: 'evt_000002', surveyId: 'demo', type: 'clicked' });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().error.message).toBe('type: must be "shown" or "dismissed"');
    expect(await rows(app, 'events')).toHaveLength(1);
  });
});
