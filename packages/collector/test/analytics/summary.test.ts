import { describe, expect, it } from 'vitest';
import { asAdmin, createSurvey, post, testApp } from '../helpers.ts';

async function answer(app: Awaited<ReturnType<typeof testApp>>, scores: number[], extra: Record<string, unknown> = {}) {
  for (const [index, score] of scores.entries()) {
    const response = await post(app, '/v1/responses', { id: `resp_${score}_${index}_${Math.random().toString(36).slice(2, 8)}`, surveyId: 'demo', score, ...extra });
    expect(response.statusCode).toBe(201);
  }
}

describe('GET /v1/surveys/:id/summary', () => {
  it('counts nothing as n = 0 with nps and interval null', async () => {
    const app = await testApp();
    await createSurvey(app);
    const response = await app.inject({ url: '/v1/surveys/demo/summary', headers: asAdmin });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      surveyId: 'demo', n: 0, nps: null, interval: null, distribution: new Array(11).fill(0),
      promoters: { count: 0, percent: 0 }, commentRate: null, responseRate: null,
    });
  });

  it('computes NPS, groups, distribution, interval, comment and response rates', async () => {
    const app = await testApp();
    await createSurvey(app);
    await answer(app, [10, 9, 9, 8, 7, 6, 0], { channel: 'web' });
    await answer(app, [10], { channel: 'web', comment: 'Love it' });
    for (let i = 0; i < 16; i += 1) await post(app, '/v1/events', { id: `shown_${String(i).padStart(4, '0')}`, surveyId: 'demo', type: 'shown' });
    await post(app, '/v1/events', { id: 'dismissed_1', surveyId: 'demo', type: 'dismissed' });
    const summary = (await app.inject({ url: '/v1/surveys/demo/summary', headers: asAdmin })).json();
    expect(summary).toMatchObject({
      surveyId: 'demo', n: 8, nps: 25,
      promoters: { count: 4, percent: 50 }, passives: { count: 2, percent: 25 }, detractors: { count: 2, percent: 25 },
      distribution: [1, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2], comments: 1, commentRate: 0.125, shown: 16, dismissed: 1, responseRate: 0.5,
    });
    expect(summary.interval).toMatchObject({ level: 0.95, method: 'adjusted-wald' });
    expect(summary.interval.low).toBeLessThan(25);
    expect(summary.interval.high).toBeGreaterThan(25);
  });

  it('filters by from/to and rejects bad dates naming the parameter', async () => {
    const app = await testApp();
    await createSurvey(app);
    await answer(app, [9, 3]);
    const future = await app.inject({ url: '/v1/surveys/demo/summary?from=2999-01-01', headers: asAdmin });
    expect(future.json()).toMatchObject({ n: 0, from: '2999-01-01T00:00:00.000Z' });
    const all = await app.inject({ url: '/v1/surveys/demo/summary?from=2020-01-01T00:00:00Z&to=2999-01-01T00:00:00%2B02:00', headers: asAdmin });
    expect(all.json()).toMatchObject({ n: 2, nps: 0 });
    const bad = await app.inject({ url: '/v1/surveys/demo/summary?from=yesterday', headers: asAdmin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('from: must be an ISO 8601 date');
    const reversed = await app.inject({ url: '/v1/surveys/demo/summary?from=2026-02-01&to=2026-01-01', headers: asAdmin });
    expect(reversed.json().error.message).toBe('to: must be later than from');
    expect((await app.inject({ url: '/v1/surveys/nope/summary', headers: asAdmin })).statusCode).toBe(404);
  });
});
