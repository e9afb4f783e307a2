import { describe, expect, it } from 'vitest';
import { analyticsApp, answer, expectBadRequest, get, prompt, type Answer } from './analytics-app.ts';

const JAN = '2026-01-15T10:00:00Z';
// Scores 10 10 9 9 9 | 8 7 6 3 0: 5 promoters, 2 passives, 3 detractors → NPS 20.
const ANSWERS: Answer[] = [
  { score: 10, at: JAN, touchpoint: 'checkout', channel: 'web', comment: 'Fast', properties: { plan: 'pro' } },
  { score: 10, at: JAN, touchpoint: 'checkout', channel: 'web', properties: { plan: 'pro', seats: 3 } },
  { score: 9, at: JAN, touchpoint: 'checkout', channel: 'web', properties: { plan: 'free' } },
  { score: 9, at: JAN, touchpoint: 'checkout', channel: 'web', journey: 'buy' },
  { score: 9, at: JAN, touchpoint: 'checkout', channel: 'web', comment: 'Good' },
  { score: 8, at: JAN, touchpoint: 'support', channel: 'web', properties: { team: 'Ops "Zürich" \\ Nord' } },
  { score: 7, at: JAN, touchpoint: 'support', channel: 'web', journey: 'buy', comment: 'Fine' },
  { score: 6, at: JAN, touchpoint: 'support', channel: 'web', properties: { plan: 'pro', trial: true } },
  { score: 3, at: JAN, touchpoint: 'support', channel: 'email', comment: 'Slow' },
  { score: 0, at: JAN, touchpoint: 'support', channel: 'email', journey: 'buy' },
];

async function seeded() {
  const app = await analyticsApp();
  await answer(app, ANSWERS);
  await prompt(app, 'shown', JAN, 6, { touchpoint: 'checkout' });
  await prompt(app, 'shown', JAN, 6, { touchpoint: 'support' });
  await prompt(app, 'dismissed', JAN, 2, { touchpoint: 'support' });
  return app;
}

describe('GET /v1/surveys/:id/summary', () => {
  it('gives the figure, distribution, comment and response rates, computed by hand', async () => {
    const app = await seeded();
    const { status, body } = await get(app, '/v1/surveys/demo/summary');
    expect(status).toBe(200);
    expect(body).toEqual({
      surveyId: 'demo', from: null, to: null, metric: 'nps', n: 10, score: 20, nps: 20,
      // Adjusted Wald: n' = 13, p'P = 5.75/13, p'D = 3.75/13 → 15.38 ± 1.96 · 23.32.
      interval: { low: -30.3, high: 61.1, level: 0.95, method: 'adjusted-wald' },
      promoters: { count: 5, percent: 50 }, passives: { count: 2, percent: 20 }, detractors: { count: 3, percent: 30 },
      distribution: [1, 0, 0, 1, 0, 0, 1, 1, 1, 3, 2],
      comments: 4, commentRate: 0.4,
      // Eight web answers to twelve shown prompts; email answers had no prompt.
      shown: 12, dismissed: 2, responseRate: 0.6667,
    });
  });

  it.each([
    ['touchpoint=checkout', { n: 5, nps: 100, shown: 6, responseRate: 0.8333 }],
    ['touchpoint=support&channel=email', { n: 2, nps: -100, shown: 0, responseRate: null }],
    ['property.plan=pro', { n: 3, nps: 33.3, shown: null, responseRate: null }],
    ['property.seats=3', { n: 1, nps: 100 }],
    ['property.trial=true', { n: 1, nps: -100 }],
    // A value JSON must escape (quotes, a backslash) and one beyond ASCII, matched as stored.
    [`property.team=${encodeURIComponent('Ops "Zürich" \\ Nord')}`, { n: 1, nps: 0 }],
    ['journey=buy', { n: 3, nps: 0, shown: null, dismissed: null, responseRate: null }],
    ['channel=email&from=2026-01-15T10:00:00Z&to=2026-01-15T10:00:00.001Z', { n: 2, nps: -100 }],
    ['from=2026-01-15T10:00:00.001Z', { n: 0, nps: null, interval: null, commentRate: null }],
  ])('filters by %s', async (query, expected) => {
    const app = await seeded();
    const { status, body } = await get(app, `/v1/surveys/demo/summary?${query}`);
    expect(status).toBe(200);
    expect(body).toMatchObject(expected);
  });

  it.each([
    ['colour=red', 'colour: unknown parameter'],
    ['touchpoint=' + 'x'.repeat(65), 'touchpoint: must be at most 64 characters'],
    ['touchpoint=%3Cscript%3E', 'touchpoint: must be a slug'],
    ['tz=Mars/Olympus', 'tz: must be an IANA time zone'],
    ['from=2026-02-30', 'from: must be an ISO 8601 date'],
    ['from=2026-02-01&to=2026-01-01', 'to: must be later than from'],
    ['property.pl%24n=pro', 'property.pl$n: unknown parameter'],
  ])('refuses %s with 400 naming the parameter', async (query, message) => {
    await expectBadRequest(await analyticsApp(), `/v1/surveys/demo/summary?${query}`, message);
  });

  it('answers 404 for an unknown survey', async () => {
    const app = await analyticsApp();
    expect((await get(app, '/v1/surveys/nope/summary')).status).toBe(404);
  });
});
