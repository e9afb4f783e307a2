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

    const stored = rows(app, 'responses');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: 'resp_0001', survey_id: 'demo', score: 3, comment: 'Slow delivery', consent: 1, touchpoint: 'checkout', channel: 'web' });
  });

  it('answers a repeated identical request with 200 unchanged and writes nothing', async () => {
    const app = await testApp();
    await createSurvey(app);
    const body = responseBody({ comment: 'Great' });
    expect((await post(app, '/v1/responses', body)).statusCode).toBe(201);
    const before = rows(app, 'responses');
    const again = await post(app, '/v1/responses', body);
    expect(again.statusCode).toBe(200);
    expect(again.json().status).toBe('unchanged');
    expect(rows(app, 'responses')).toEqual(before);
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
    expect(rows(app, 'responses')).toHaveLength(1);
  });
});
