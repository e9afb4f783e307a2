import { compareNps } from '@npsloop/core';
import { describe, expect, it } from 'vitest';
import { analyticsApp, answer, expectBadRequest, get, type Answer } from './analytics-app.ts';

const times = (count: number, answer: Answer) => Array.from({ length: count }, () => ({ ...answer }));

describe('GET /v1/surveys/:id/segments', () => {
  it('gives a figure per touchpoint, biggest first, flagging small samples', async () => {
    const app = await analyticsApp();
    await answer(app, [
      ...times(3, { score: 10, at: '2026-01-10T09:00:00Z', touchpoint: 'checkout', properties: { plan: 'pro' } }),
      ...times(1, { score: 0, at: '2026-01-10T09:07:00Z', touchpoint: 'checkout', properties: { plan: 'free' } }),
      ...times(2, { score: 7, at: '2026-01-11T23:59:00Z', touchpoint: 'support', properties: { plan: 'free' } }),
      { score: 5, at: '2026-01-12T00:00:00Z' },
    ]);
    const { status, body } = await get(app, '/v1/surveys/demo/segments?by=touchpoint&minN=3');
    expect(status).toBe(200);
    expect(body.by).toBe('touchpoint');
    expect(body.segments.map((s: { value: string | null; n: number; nps: number; smallSample: boolean }) => [s.value, s.n, s.nps, s.smallSample])).toEqual([
      ['checkout', 4, 50, false],
      ['support', 2, 0, true],
      [null, 1, -100, true],
    ]);
    expect(body.segments[0].interval).toMatchObject({ method: 'adjusted-wald' });

    const byPlan = await get(app, '/v1/surveys/demo/segments?by=property.plan&from=2026-01-10T09:05:00Z');
    expect(byPlan.body.segments.map((s: { value: string | null; n: number; smallSample: boolean }) => [s.value, s.n, s.smallSample])).toEqual([
      ['free', 3, true],
      [null, 1, true],
    ]);
    const narrowed = await get(app, '/v1/surveys/demo/segments?by=touchpoint&channel=web');
    expect(narrowed.body.segments).toEqual([]);
  });

  it.each([
    ['', 'by: '],
    ['by=colour', 'by: must be one of touchpoint, channel, locale, journey, property.NAME'],
    ['by=touchpoint&minN=0', 'minN: must be an integer from 1 to 1000000'],
    ['by=touchpoint&minN=ten', 'minN: must be an integer from 1 to 1000000'],
  ])('refuses "%s"', async (query, message) => {
    await expectBadRequest(await analyticsApp(), `/v1/surveys/demo/segments?${query}`, message);
  });
});

describe('GET /v1/surveys/:id/compare', () => {
  it('compares two periods with the two-sample z-test', async () => {
    const app = await analyticsApp();
    await answer(app, [
      ...times(20, { score: 10, at: '2026-01-05T12:00:00Z' }), ...times(20, { score: 3, at: '2026-01-06T12:00:00Z' }),
      ...times(35, { score: 9, at: '2026-02-05T12:00:00Z' }), ...times(5, { score: 6, at: '2026-02-06T12:00:00Z' }),
    ]);
    const { status, body } = await get(app, '/v1/surveys/demo/compare?aFrom=2026-01-01&aTo=2026-02-01&bFrom=2026-02-01&bTo=2026-03-01');
    expect(status).toBe(200);
    expect(body.a).toMatchObject({ n: 40, nps: 0 });
    expect(body.b).toMatchObject({ n: 40, nps: 75 });
    const expected = compareNps({ promoters: 20, passives: 0, detractors: 20 }, { promoters: 35, passives: 0, detractors: 5 });
    expect(body).toMatchObject({ difference: 75, z: expected.z, p: expected.p, significant: true });
    expect(body.z).toBeGreaterThan(3);
  });

  it('compares two segments over the shared range, and says when a difference is not significant', async () => {
    const app = await analyticsApp();
    await answer(app, [
      ...times(3, { score: 10, at: '2026-01-05T12:00:00Z', touchpoint: 'checkout' }), { score: 8, at: '2026-01-05T12:00:00Z', touchpoint: 'checkout' },
      ...times(2, { score: 10, at: '2026-01-05T12:00:00Z', touchpoint: 'support' }), ...times(2, { score: 0, at: '2026-01-05T12:00:00Z', touchpoint: 'support' }),
      ...times(9, { score: 0, at: '2026-03-05T12:00:00Z', touchpoint: 'support' }),
    ]);
    const { body } = await get(app, '/v1/surveys/demo/compare?to=2026-02-01&a.touchpoint=checkout&b.touchpoint=support');
    expect(body.a).toMatchObject({ n: 4, nps: 75 });
    expect(body.b).toMatchObject({ n: 4, nps: 0 });
    expect(body).toMatchObject({ difference: -75, significant: false });
    expect(body.p).toBeGreaterThan(0.05);
  });

  it('refuses two identical sides and bad side parameters', async () => {
    const app = await analyticsApp();
    const same = await get(app, '/v1/surveys/demo/compare?touchpoint=checkout');
    expect(same.status).toBe(400);
    expect(same.body.error.message).toContain('compare: the two sides are the same');
    const bad = await get(app, '/v1/surveys/demo/compare?aFrom=2026-02-01&aTo=2026-01-01&b.touchpoint=x');
    expect(bad.body.error.message).toContain('aTo: must be later than aFrom');
    const unknown = await get(app, '/v1/surveys/demo/compare?c.touchpoint=x');
    expect(unknown.body.error.message).toContain('c.touchpoint: unknown parameter');
  });
});
