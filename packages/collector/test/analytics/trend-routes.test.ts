import { describe, expect, it } from 'vitest';
import { analyticsApp, answer, expectBadRequest, get } from './analytics-app.ts';

const summarize = (buckets: { start: string; n: number; nps: number | null }[]) => buckets.map(({ start, n, nps }) => [start, n, nps]);

describe('GET /v1/surveys/:id/trend', () => {
  it('splits days at local midnight in a quarter-hour zone (Asia/Kathmandu, +05:45)', async () => {
    const app = await analyticsApp();
    await answer(app, [
      { score: 10, at: '2026-01-01T18:14:59Z' }, // 23:59:59 on 1 January in Kathmandu
      { score: 0, at: '2026-01-01T18:15:00Z' }, // 00:00 on 2 January
      { score: 9, at: '2026-01-02T18:14:00Z' },
    ]);
    const { status, body } = await get(app, '/v1/surveys/demo/trend?interval=day&tz=Asia/Kathmandu&from=2026-01-01&to=2026-01-04');
    expect(status).toBe(200);
    expect(body).toMatchObject({ interval: 'day', tz: 'Asia/Kathmandu', from: '2025-12-31T18:15:00.000Z', to: '2026-01-03T18:15:00.000Z' });
    expect(summarize(body.buckets)).toEqual([
      ['2026-01-01T00:00:00+05:45', 1, 100],
      ['2026-01-02T00:00:00+05:45', 2, 0],
      ['2026-01-03T00:00:00+05:45', 0, null],
    ]);
    expect(body.buckets[0]).toMatchObject({ promoters: { count: 1, percent: 100 }, interval: { level: 0.95 } });
  });

  it('keeps days whole across the Amsterdam spring DST change (a 23-hour day)', async () => {
    const app = await analyticsApp();
    await answer(app, [
      { score: 10, at: '2026-03-28T22:59:00Z' }, // 23:59 CET on 28 March
      { score: 2, at: '2026-03-28T23:00:00Z' }, // 00:00 CET on 29 March
      { score: 8, at: '2026-03-29T21:59:00Z' }, // 23:59 CEST on 29 March
      { score: 9, at: '2026-03-29T22:00:00Z' }, // 00:00 CEST on 30 March
    ]);
    const { body } = await get(app, '/v1/surveys/demo/trend?tz=Europe/Amsterdam&from=2026-03-28&to=2026-03-31');
    expect(summarize(body.buckets)).toEqual([
      ['2026-03-28T00:00:00+01:00', 1, 100],
      ['2026-03-29T00:00:00+01:00', 2, -50],
      ['2026-03-30T00:00:00+02:00', 1, 100],
    ]);
  });

  it('starts weeks on Monday and months on the 1st in a half-hour zone (America/St_Johns)', async () => {
    const app = await analyticsApp();
    await answer(app, [
      { score: 10, at: '2026-03-01T03:29:00Z' }, // 23:59 on Saturday 28 February, NST (−03:30)
      { score: 0, at: '2026-03-01T03:30:00Z' }, // 00:00 on Sunday 1 March
      { score: 9, at: '2026-03-02T03:30:00Z' }, // 00:00 on Monday 2 March
    ]);
    const weeks = await get(app, '/v1/surveys/demo/trend?interval=week&tz=America/St_Johns&from=2026-02-23&to=2026-03-09');
    expect(summarize(weeks.body.buckets)).toEqual([
      ['2026-02-23T00:00:00-03:30', 2, 0],
      ['2026-03-02T00:00:00-03:30', 1, 100],
    ]);
    const months = await get(app, '/v1/surveys/demo/trend?interval=month&tz=America/St_Johns&from=2026-02-01&to=2026-05-01');
    expect(summarize(months.body.buckets)).toEqual([
      ['2026-02-01T00:00:00-03:30', 1, 100],
      ['2026-03-01T00:00:00-03:30', 2, 0],
      ['2026-04-01T00:00:00-02:30', 0, null],
    ]);
  });

  it('defaults to UTC days ending now, and honours filters', async () => {
    const app = await analyticsApp();
    const answeredAt = Date.now() - 1000;
    await answer(app, [{ score: 10, at: answeredAt, touchpoint: 'checkout' }, { score: 0, at: answeredAt, touchpoint: 'support' }]);
    const { body } = await get(app, '/v1/surveys/demo/trend?touchpoint=checkout');
    const askedBy = Date.now();
    const utcDay = (ms: number) => `${new Date(ms).toISOString().slice(0, 10)}T00:00:00+00:00`;
    expect(body.tz).toBe('UTC');
    expect(body.buckets.length).toBeGreaterThanOrEqual(30);
    // The last bucket is today when the server answered (near midnight the answer may sit in the one before).
    expect([utcDay(answeredAt), utcDay(askedBy)]).toContain(body.buckets.at(-1).start);
    expect(body.buckets.find((bucket: { start: string }) => bucket.start === utcDay(answeredAt))).toMatchObject({ n: 1, nps: 100 });
  });

  it.each([
    ['interval=hour', 'interval: must be one of day, week, month'],
    ['interval=day&from=2020-01-01&to=2026-01-01', 'from: the trend would have 2192 buckets, at most 1000'],
    ['tz=Europe%2FNowhere', 'tz: must be an IANA time zone'],
  ])('refuses %s', async (query, message) => {
    await expectBadRequest(await analyticsApp(), `/v1/surveys/demo/trend?${query}`, message);
  });
});
