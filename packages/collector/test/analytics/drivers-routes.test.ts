import { describe, expect, it } from 'vitest';
import { asAdmin } from '../helpers.ts';
import { analyticsApp, answer, expectBadRequest, get, type Answer } from './analytics-app.ts';

const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T10:00:00Z`;
const many = (scores: number[], fields: Omit<Answer, 'score' | 'at'>, day = 2): Answer[] => scores.map((score) => ({ score, at: at(day), ...fields }));

// Complaints at checkout (English and Dutch), praise for support, and many answers without a comment.
const ANSWERS: Answer[] = [
  ...many([2, 3, 5, 6, 1, 9], { touchpoint: 'checkout', locale: 'en-GB', comment: 'Slow delivery, the parcel was late' }),
  ...many([0, 4, 6, 3, 7], { touchpoint: 'checkout', locale: 'en-GB', comment: 'Checkout kept failing on my card' }),
  ...many([3, 4, 9, 2, 5], { touchpoint: 'checkout', locale: 'nl-NL', comment: 'Trage levering, pakket kwam te laat' }),
  ...many([10, 9, 10, 9, 8, 10], { touchpoint: 'support', locale: 'en-US', comment: 'Friendly support staff' }),
  ...many([10, 9, 8, 7, 10, 9, 10, 3, 9, 10, 8, 10], { touchpoint: 'support' }),
  ...many([9, 10, 6, 8], { touchpoint: 'checkout' }),
  // Outside the time filter below.
  ...many([0, 0, 0, 0, 0, 0], { touchpoint: 'checkout', comment: 'Checkout kept failing on my card' }, 20),
];

// The second computation: which answers mention a theme, read off the comment text.
const MENTIONS: Record<string, RegExp> = {
  'slow delivery': /slow delivery/i, 'checkout kept failing on my card': /checkout kept failing/i,
  'trage levering': /trage levering/i, 'friendly support staff': /friendly support/i,
  'parcel was late': /parcel was late/i, 'pakket kwam te laat': /pakket kwam te laat/i,
};

const nps = (scores: readonly number[]) => (100 * (scores.filter((score) => score >= 9).length - scores.filter((score) => score <= 6).length)) / scores.length;

/** The impact's 95% interval, written out: adjusted-Wald shares (+3/4 promoters and detractors, +3 answers) in the delta method on w·D. */
function impactInterval(mentioning: number[], others: number[]): [number, number] {
  const adjusted = (scores: number[]) => {
    const n = scores.length + 3;
    const promoters = (scores.filter((score) => score >= 9).length + 0.75) / n;
    const detractors = (scores.filter((score) => score <= 6).length + 0.75) / n;
    return { n, score: promoters - detractors, variance: promoters + detractors - (promoters - detractors) ** 2 };
  };
  const m = adjusted(mentioning);
  const r = adjusted(others);
  const w = m.n / (m.n + r.n);
  const gap = m.score - r.score;
  const se = Math.sqrt(w * w * (m.variance / m.n + r.variance / r.n) + (gap * gap * w * (1 - w)) / (m.n + r.n));
  return [100 * (w * gap - 1.959964 * se), 100 * (w * gap + 1.959964 * se)];
}

/** Checks every driver against the answers the filter holds, by the second computation. */
function expectDriversOf(drivers: { theme: string; n: number; nps: number; impact: number; interval: { low: number; high: number } }[], inFilter: Answer[]) {
  const all = inFilter.map((item) => item.score);
  for (const driver of drivers) {
    const pattern = MENTIONS[driver.theme];
    expect(pattern, driver.theme).toBeDefined();
    const mentioning = inFilter.filter((item) => pattern.test(item.comment ?? '')).map((item) => item.score);
    const others = inFilter.filter((item) => !pattern.test(item.comment ?? '')).map((item) => item.score);
    expect(driver.n, driver.theme).toBe(mentioning.length);
    expect(driver.nps, driver.theme).toBeCloseTo(nps(mentioning), 1);
    expect(driver.impact, driver.theme).toBeCloseTo(nps(all) - nps(others), 1);
    const [low, high] = impactInterval(mentioning, others);
    expect(driver.interval.low, driver.theme).toBeCloseTo(low, 1);
    expect(driver.interval.high, driver.theme).toBeCloseTo(high, 1);
  }
  const impacts = drivers.map((driver) => driver.impact);
  expect(impacts).toEqual([...impacts].sort((a, b) => a - b));
}

describe('GET /v1/surveys/:id/drivers', () => {
  it('weighs each recurring theme against every answer in the filter, as a second computation does, worst first', async () => {
    const app = await analyticsApp();
    await answer(app, ANSWERS);
    const { status, body } = await get(app, '/v1/surveys/demo/drivers?from=2026-03-01&to=2026-03-10');
    expect(status).toBe(200);
    const inFilter = ANSWERS.filter((item) => item.at < at(10));
    expect(body).toMatchObject({ surveyId: 'demo', from: '2026-03-01T00:00:00.000Z', to: '2026-03-10T00:00:00.000Z', truncated: false, language: 'en', n: inFilter.length });
    expect(body.nps).toBeCloseTo(nps(inFilter.map((item) => item.score)), 1);
    expect(body.drivers.map((driver: { theme: string }) => driver.theme))
      .toEqual(['parcel was late', 'slow delivery', 'checkout kept failing on my card', 'pakket kwam te laat', 'trage levering', 'friendly support staff']);
    expectDriversOf(body.drivers, inFilter);
    // Impacts are NPS points: late parcels hold the score back most, friendly support lifts it.
    expect(body.drivers[0].impact).toBeLessThan(0);
    expect(body.drivers.at(-1).impact).toBeGreaterThan(0);
    expect(body.drivers.at(-1).interval.low).toBeGreaterThan(0);
  });

  it('honours the usual filters: open range, touchpoint, property, and how many mentions make a driver', async () => {
    const app = await analyticsApp();
    await answer(app, [...ANSWERS, ...many([9, 10, 2, 10, 9], { touchpoint: 'support', comment: 'Friendly support staff', properties: { plan: 'pro' } })]);
    const everything = await get(app, '/v1/surveys/demo/drivers');
    expect(everything.status).toBe(200);
    expect(everything.body.from).toBeNull();
    expectDriversOf(everything.body.drivers, [...ANSWERS, ...many([9, 10, 2, 10, 9], { comment: 'Friendly support staff' })]);
    expect(everything.body.drivers[0]).toMatchObject({ theme: 'checkout kept failing on my card', n: 11 });

    const checkout = await get(app, '/v1/surveys/demo/drivers?touchpoint=checkout&to=2026-03-10');
    const inCheckout = ANSWERS.filter((item) => item.touchpoint === 'checkout' && item.at < at(10));
    expect(checkout.body.n).toBe(inCheckout.length);
    expect(checkout.body.drivers.map((driver: { theme: string }) => driver.theme).sort()).toEqual(['checkout kept failing on my card', 'pakket kwam te laat', 'parcel was late', 'slow delivery', 'trage levering']);
    expectDriversOf(checkout.body.drivers, inCheckout);

    const pro = await get(app, '/v1/surveys/demo/drivers?property.plan=pro&minMentions=2');
    expect(pro.body).toMatchObject({ n: 5, drivers: [{ theme: 'friendly support staff', n: 5, nps: 60, impact: null, interval: null }] });

    const strict = await get(app, '/v1/surveys/demo/drivers?to=2026-03-10&minMentions=6');
    expect(strict.body.drivers.map((driver: { theme: string }) => driver.theme)).toEqual(['parcel was late', 'slow delivery', 'friendly support staff']);
  });

  it('refuses bad input by field and rule, and unknown surveys', async () => {
    const app = await analyticsApp();
    await expectBadRequest(app, '/v1/surveys/demo/drivers?minMentions=1', 'minMentions: must be an integer from 2 to 100000');
    await expectBadRequest(app, '/v1/surveys/demo/drivers?limit=abc', 'limit: must be an integer from 1 to 50');
    await expectBadRequest(app, '/v1/surveys/demo/drivers?from=yesterday', 'from: must be an ISO 8601 date');
    await expectBadRequest(app, '/v1/surveys/demo/drivers?colour=red', 'colour: unknown parameter');
    const missing = await app.inject({ url: '/v1/surveys/nope/drivers', headers: asAdmin });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('survey_not_found');
    const empty = await get(app, '/v1/surveys/demo/drivers');
    expect(empty.body).toMatchObject({ n: 0, nps: null, comments: 0, drivers: [] });
  });

  it('is in the API reference with its filters, body and example', async () => {
    const app = await analyticsApp();
    const document = (await app.inject({ url: '/openapi.json' })).json();
    const drivers = document.paths['/v1/surveys/{id}/drivers'].get;
    expect(drivers.security).toEqual([{ bearer: ['read'] }]);
    expect(drivers.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(expect.arrayContaining(['from', 'to', 'touchpoint', 'journey', 'limit', 'minMentions']));
    const body = drivers.responses['200'].content['application/json'];
    expect(body.schema.properties.drivers.items.required).toEqual(['theme', 'n', 'nps', 'impact', 'interval']);
    expect(body.example.drivers[0]).toMatchObject({ theme: 'slow delivery', impact: -6.3 });
  });
});
