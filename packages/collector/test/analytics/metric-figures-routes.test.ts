import { describe, expect, it } from 'vitest';
import { createSurvey, testApp } from '../helpers.ts';
import { answer, get, type Answer } from './analytics-app.ts';
import {
  benjaminiHochbergByDefinition, meanInterval, repeat, sample, twoProportionP, welch, wilsonPercent,
} from './second-method.ts';

/** A fresh app whose `demo` survey measures the metric. */
async function metricApp(metric: 'nps' | 'csat' | 'ces') {
  const app = await testApp();
  await createSurvey(app, { metric });
  return app;
}

const at = (scores: readonly number[], when: string, fields: Partial<Answer> = {}): Answer[] => scores.map((score) => ({ score, at: when, ...fields }));
const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

describe('CSAT figures in the analytics API', () => {
  it('summary: % satisfied (4–5) with its Wilson interval, the mean and the 1–5 distribution', async () => {
    const app = await metricApp('csat');
    const scores = [...repeat(1, 3), ...repeat(2, 2), ...repeat(3, 5), ...repeat(4, 12), ...repeat(5, 8)];
    await answer(app, at(scores, '2026-01-10T12:00:00Z'));
    const { status, body } = await get(app, '/v1/surveys/demo/summary');
    expect(status).toBe(200);
    const wilson = wilsonPercent(20, 30);
    expect(body).toMatchObject({
      metric: 'csat', n: 30, score: 66.7, distribution: [3, 2, 5, 12, 8],
      interval: { low: round(wilson.low, 1), high: round(wilson.high, 1), level: 0.95, method: 'wilson' },
      mean: round(sample(scores).mean, 2), satisfied: { count: 20, percent: 66.7 }, neutral: { count: 5 }, dissatisfied: { count: 5 },
    });
    expect(body).not.toHaveProperty('nps');
  });

  it('compare: the two-proportion z-test of the satisfied shares', async () => {
    const app = await metricApp('csat');
    await answer(app, [...at([...repeat(5, 20), ...repeat(2, 20)], '2026-01-10T12:00:00Z'), ...at([...repeat(4, 29), ...repeat(3, 11)], '2026-02-10T12:00:00Z')]);
    const { body } = await get(app, '/v1/surveys/demo/compare?aFrom=2026-01-01&aTo=2026-02-01&bFrom=2026-02-01&bTo=2026-03-01');
    expect(body).toMatchObject({ metric: 'csat', test: 'two-proportion-z', a: { n: 40, score: 50 }, b: { n: 40, score: 72.5 }, difference: 22.5, significant: true });
    expect(body.p).toBeCloseTo(twoProportionP(20, 40, 29, 40), 3);
  });

  it('segments against the previous period: Benjamini–Hochberg over the rows shown, and it says so', async () => {
    const app = await metricApp('csat');
    const before = '2026-01-15T12:00:00Z';
    const now = '2026-02-15T12:00:00Z';
    await answer(app, [
      ...at([...repeat(4, 10), ...repeat(2, 30)], before, { touchpoint: 'checkout' }), ...at([...repeat(5, 35), ...repeat(1, 5)], now, { touchpoint: 'checkout' }),
      ...at([...repeat(4, 20), ...repeat(3, 20)], before, { touchpoint: 'delivery' }), ...at([...repeat(4, 29), ...repeat(3, 11)], now, { touchpoint: 'delivery' }),
      ...at([...repeat(5, 15), ...repeat(1, 15)], before, { touchpoint: 'support' }), ...at([...repeat(5, 16), ...repeat(1, 14)], now, { touchpoint: 'support' }),
    ]);
    const { status, body } = await get(app, '/v1/surveys/demo/segments?by=touchpoint&from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z&compare=previous');
    expect(status).toBe(200);
    expect(body.multipleComparisons).toEqual({ method: 'benjamini-hochberg', alpha: 0.05, tests: 3 });
    const pValues = [twoProportionP(10, 40, 35, 40), twoProportionP(20, 40, 29, 40), twoProportionP(15, 30, 16, 30)];
    const qValues = benjaminiHochbergByDefinition(pValues);
    expect(body.segments.map((row: { value: string }) => row.value)).toEqual(['checkout', 'delivery', 'support']);
    body.segments.forEach((row: { metric: string; previous: { n: number }; change: { p: number; q: number; significant: boolean } }, index: number) => {
      expect(row.metric).toBe('csat');
      expect(row.previous.n).toBe(index === 2 ? 30 : 40);
      expect(row.change.p).toBeCloseTo(pValues[index], 3);
      expect(row.change.q).toBeCloseTo(qValues[index], 3);
      expect(row.change.significant).toBe(qValues[index] <= 0.05);
    });
    // Delivery moved with p < 0.05 on its own, but not once three rows are compared.
    expect(pValues[1]).toBeLessThan(0.05);
    expect(body.segments[1].change).toMatchObject({ difference: 22.5, significant: false });
    expect(body.segments[0].change.significant).toBe(true);

    const plain = await get(app, '/v1/surveys/demo/segments?by=touchpoint');
    expect(plain.body).not.toHaveProperty('multipleComparisons');
    expect(plain.body.segments[0]).not.toHaveProperty('change');
    const noFrom = await get(app, '/v1/surveys/demo/segments?by=touchpoint&compare=previous');
    expect(noFrom.status).toBe(400);
    expect(noFrom.body.error.message).toContain('from: needed with compare=previous');
  });
});

describe('the responses list and the export carry the metric', () => {
  it('CSAT: each response says its metric and its group on the 1–5 scale; group filters follow the scale', async () => {
    const app = await metricApp('csat');
    await answer(app, [1, 2, 3, 4, 5].map((score, index) => ({ id: `csat_${score}`, score, at: `2026-01-1${index}T12:00:00Z` })));
    const list = (await get(app, '/v1/surveys/demo/responses')).body;
    expect(list.responses.map((response: { score: number; metric: string; group: string }) => [response.score, response.metric, response.group])).toEqual([
      [5, 'csat', 'promoter'], [4, 'csat', 'promoter'], [3, 'csat', 'passive'], [2, 'csat', 'detractor'], [1, 'csat', 'detractor'],
    ]);
    const low = (await get(app, '/v1/surveys/demo/responses?group=detractor')).body;
    expect(low.responses.map((response: { score: number }) => response.score)).toEqual([2, 1]);
    const csv = (await get(app, '/v1/surveys/demo/export?format=csv')).body as string;
    const [header, first] = csv.trim().split('\r\n');
    expect(header.split(',').slice(0, 4)).toEqual(['id', 'surveyId', 'score', 'metric']);
    expect(first.split(',').slice(0, 4)).toEqual(['csat_1', 'demo', '1', 'csat']);
  });
});

describe('CES figures in the analytics API', () => {
  const january = [3, 4, 4, 5, 5, 5, 6, 2, 3, 4];
  const february = [5, 6, 6, 7, 7, 6, 5, 7, 6, 6];

  it('summary: the mean with its Student-t interval, % agree (5–7) and the 1–7 distribution', async () => {
    const app = await metricApp('ces');
    const scores = [2, 3, 4, 5, 5, 6, 6, 6, 7, 7];
    await answer(app, at(scores, '2026-01-10T12:00:00Z'));
    const { body } = await get(app, '/v1/surveys/demo/summary');
    const interval = meanInterval(scores);
    expect(body).toMatchObject({
      metric: 'ces', n: 10, score: 5.1, mean: 5.1, distribution: [0, 1, 1, 1, 2, 3, 2],
      interval: { low: round(interval.low, 2), high: round(interval.high, 2), level: 0.95, method: 'student-t' },
      agree: { count: 7, percent: 70 }, neutral: { count: 1 }, disagree: { count: 2 },
    });
  });

  it("compare: Welch's t-test of the means", async () => {
    const app = await metricApp('ces');
    await answer(app, [...at(january, '2026-01-10T12:00:00Z'), ...at(february, '2026-02-10T12:00:00Z')]);
    const { body } = await get(app, '/v1/surveys/demo/compare?aFrom=2026-01-01&aTo=2026-02-01&bFrom=2026-02-01&bTo=2026-03-01');
    const expected = welch(january, february);
    expect(body).toMatchObject({ metric: 'ces', test: 'welch-t', difference: round(sample(february).mean - sample(january).mean, 2), significant: true });
    expect(body.t).toBeCloseTo(expected.t, 2);
    expect(body.degreesOfFreedom).toBeCloseTo(expected.degreesOfFreedom, 1);
    expect(body.p).toBeCloseTo(expected.p, 3);
  });

  it('trend: a figure per month, each change against the month before, corrected over the buckets', async () => {
    const app = await metricApp('ces');
    await answer(app, [...at(january, '2026-01-10T12:00:00Z'), ...at(february, '2026-02-10T12:00:00Z'), ...at(february, '2026-03-10T12:00:00Z')]);
    const { status, body } = await get(app, '/v1/surveys/demo/trend?interval=month&from=2026-01-01T00:00:00Z&to=2026-04-01T00:00:00Z');
    expect(status).toBe(200);
    expect(body.metric).toBe('ces');
    expect(body.multipleComparisons).toEqual({ method: 'benjamini-hochberg', alpha: 0.05, tests: 2 });
    expect(body.buckets.map((bucket: { score: number; n: number }) => [bucket.n, bucket.score])).toEqual([
      [10, round(sample(january).mean, 2)], [10, round(sample(february).mean, 2)], [10, round(sample(february).mean, 2)],
    ]);
    const interval = meanInterval(february);
    expect(body.buckets[1].interval).toMatchObject({ low: round(interval.low, 2), high: round(interval.high, 2) });
    expect(body.buckets[0].change).toBeNull();
    const pValues = [welch(january, february).p, 1];
    const qValues = benjaminiHochbergByDefinition(pValues);
    expect(body.buckets[1].change.q).toBeCloseTo(qValues[0], 3);
    expect(body.buckets[1].change.significant).toBe(true);
    expect(body.buckets[2].change).toMatchObject({ difference: 0, p: 1, q: 1, significant: false });
  });
});

describe('NPS keeps its figures in the shared shape', () => {
  it('summary, trend, segments and compare carry metric, score = nps and the 0–10 distribution', async () => {
    const app = await metricApp('nps');
    await answer(app, [...at([10, 10, 9, 7, 3], '2026-01-10T12:00:00Z', { touchpoint: 'checkout' }), ...at([9, 2, 0], '2026-02-10T12:00:00Z', { touchpoint: 'support' })]);
    const summary = (await get(app, '/v1/surveys/demo/summary')).body;
    // 4 promoters and 3 detractors of 8, by the definition of NPS.
    expect(summary).toMatchObject({ metric: 'nps', n: 8, nps: 12.5, score: 12.5, interval: { method: 'adjusted-wald' }, promoters: { count: 4 }, detractors: { count: 3 } });
    expect(summary.distribution).toEqual([1, 0, 1, 1, 0, 0, 0, 1, 0, 2, 2]);
    const trend = (await get(app, '/v1/surveys/demo/trend?interval=month&from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z')).body;
    expect(trend.buckets.map((bucket: { score: number; nps: number }) => [bucket.score, bucket.nps])).toEqual([[40, 40], [-33.3, -33.3]]);
    const segments = (await get(app, '/v1/surveys/demo/segments?by=touchpoint')).body;
    expect(segments.segments.map((row: { value: string; score: number; metric: string }) => [row.value, row.metric, row.score])).toEqual([['checkout', 'nps', 40], ['support', 'nps', -33.3]]);
    const compare = (await get(app, '/v1/surveys/demo/compare?a.touchpoint=checkout&b.touchpoint=support')).body;
    expect(compare).toMatchObject({ metric: 'nps', test: 'two-sample-z', difference: -73.3, significant: false });
  });
});

describe('themes on a CSAT survey count by its own groups', () => {
  it("groups comments as 1–2 / 3 / 4–5, gives each theme the CSAT figure of those mentioning it, and the huddle digest's themes follow", async () => {
    const app = await metricApp('csat');
    const now = Date.now();
    await answer(app, [
      ...at(repeat(5, 3), new Date(now - 86_400_000).toISOString(), { comment: 'Fast delivery, friendly driver' }),
      ...at(repeat(1, 2), new Date(now - 86_400_000).toISOString(), { comment: 'Slow delivery and no updates' }),
      ...at([2], new Date(now - 86_400_000).toISOString(), { comment: 'Slow delivery again' }),
    ]);
    const { body } = await get(app, '/v1/surveys/demo/themes');
    expect(body.comments).toEqual({ all: 6, detractors: 3, passives: 0, promoters: 3 });
    const slow = body.themes.find((theme: { theme: string }) => theme.theme === 'slow delivery');
    expect(slow.mentions).toEqual({ all: 3, detractors: 3, passives: 0, promoters: 0 });
    expect(slow.figure).toMatchObject({ metric: 'csat', n: 3, score: 0, distribution: [2, 1, 0, 0, 0] });
    expect(slow.nps).toBeNull();
    const fast = body.themes.find((theme: { theme: string }) => theme.theme === 'fast delivery');
    expect(fast.figure).toMatchObject({ metric: 'csat', n: 3, score: 100 });

    const digest = (await get(app, '/v1/surveys/demo/huddle?days=7')).body;
    expect(digest.themes.detractor.map((theme: { theme: string }) => theme.theme)).toContain('slow delivery');
    expect(digest.themes.promoter.map((theme: { theme: string }) => theme.theme)).toContain('fast delivery');
    expect(digest.themes.promoter.map((theme: { theme: string }) => theme.theme)).not.toContain('slow delivery');
  });
});
