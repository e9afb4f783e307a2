import { describe, expect, it } from 'vitest';
import { asAdmin, createSurvey, post, testApp } from '../helpers.ts';
import { dbRows } from '../support/db-rows.ts';

type App = Awaited<ReturnType<typeof testApp>>;

const call = (app: App, method: 'GET' | 'PATCH', url: string, payload?: Record<string, unknown>) => app.inject({ method, url, headers: asAdmin, payload });
const loopScores = async (app: App) =>
  (await dbRows(app, 'SELECT r.score FROM loops l JOIN responses r ON r.id = l.response_id ORDER BY r.score')).map((row) => Number(row.score));

/** Posts one answer per point of the scale through the public ingest route. */
async function answerEveryPoint(app: App, points: number[], prefix: string) {
  for (const score of points) expect((await post(app, '/v1/responses', { id: `${prefix}_${score}`, surveyId: 'demo', score })).statusCode).toBe(201);
}

describe('loop thresholds follow the survey metric', () => {
  it.each([
    ['csat', [1, 2, 3, 4, 5], [1, 2], 2],
    ['ces', [1, 2, 3, 4, 5, 6, 7], [1, 2, 3], 3],
    ['nps', [0, 5, 6, 7, 8, 9, 10], [0, 5, 6], 6],
  ])('%s: loops open at or below the default threshold', async (metric, points, opened, threshold) => {
    const app = await testApp();
    await createSurvey(app, { metric });
    await answerEveryPoint(app, points, 'resp_default');
    expect(await loopScores(app)).toEqual(opened);
    expect((await call(app, 'GET', '/v1/surveys/demo/loop-settings')).json()).toMatchObject({ metric, detractorThreshold: threshold, includePassives: false });
  });

  it('the threshold is a loop setting, bounded by the metric scale', async () => {
    const app = await testApp();
    await createSurvey(app, { metric: 'csat' });
    const changed = await call(app, 'PATCH', '/v1/surveys/demo/loop-settings', { detractorThreshold: 3, slaHours: 24 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ metric: 'csat', detractorThreshold: 3, slaHours: 24 });
    await answerEveryPoint(app, [1, 2, 3, 4, 5], 'resp_set');
    expect(await loopScores(app)).toEqual([1, 2, 3]);

    const tooHigh = await call(app, 'PATCH', '/v1/surveys/demo/loop-settings', { detractorThreshold: 5 });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().error).toEqual({ code: 'invalid_request', message: 'detractorThreshold: must be an integer from 0 to 4 (the survey measures CSAT)' });
    const passives = await call(app, 'PATCH', '/v1/surveys/demo/loop-settings', { includePassives: true });
    expect(passives.statusCode).toBe(400);
    expect(passives.json().error.message).toContain('includePassives: only NPS has passives');
    expect((await call(app, 'GET', '/v1/surveys/demo/loop-settings')).json()).toMatchObject({ detractorThreshold: 3, includePassives: false, slaHours: 24 });
  });

  it('a survey switched to another metric before its first answer takes that metric default', async () => {
    const app = await testApp();
    await createSurvey(app);
    await call(app, 'PATCH', '/v1/surveys/demo/loop-settings', { slaHours: 12 });
    expect((await call(app, 'GET', '/v1/surveys/demo/loop-settings')).json()).toMatchObject({ metric: 'nps', detractorThreshold: 6 });
    expect((await call(app, 'PATCH', '/v1/surveys/demo', { metric: 'ces' })).statusCode).toBe(200);
    expect((await call(app, 'GET', '/v1/surveys/demo/loop-settings')).json()).toMatchObject({ metric: 'ces', detractorThreshold: 3, slaHours: 12 });
    await answerEveryPoint(app, [3, 4], 'resp_switched');
    expect(await loopScores(app)).toEqual([3]);
  });
});
