import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { get } from '../analytics/analytics-app.ts';
import { benjaminiHochbergByDefinition, repeat, sample, twoProportionP, welch, wilsonPercent } from '../analytics/second-method.ts';
import { asAdmin, createSurvey, testApp } from '../helpers.ts';

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
const BEFORE = '2026-01-20T12:00:00Z';
const NOW = '2026-02-10T12:00:00Z';
const PERIOD = 'from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z';

let sequence = 0;

/** Stores answers of one survey through the real write path. */
async function answers(app: FastifyInstance, surveyId: string, scores: readonly number[], at: string, fields: { touchpoint?: string; journey?: string }) {
  await Promise.all(scores.map((score) => app.db.ingestResponse({ id: `journey_${++sequence}`, surveyId, score, ...fields }, Date.parse(at))));
}

function send(app: FastifyInstance, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) {
  return app.inject({ method, url, headers: asAdmin, ...(payload === undefined ? {} : { payload: payload as object }) });
}

const shopJourney = {
  id: 'shop', name: 'Buying online',
  steps: [
    { name: 'Search', touchpoint: 'search', surveys: ['shop-csat'] },
    { name: 'Order', touchpoint: 'order', surveys: ['shop-csat', 'shop-nps'] },
    { name: 'Delivery', journey: 'delivery', surveys: ['shop-csat'] },
    { name: 'Support', touchpoint: 'support', surveys: ['shop-csat', 'support-ces'] },
  ],
};

/** A collector with a CSAT, an NPS and a CES survey. */
async function journeyApp() {
  const app = await testApp();
  await createSurvey(app, { id: 'shop-csat', name: 'Shop satisfaction', metric: 'csat' });
  await createSurvey(app, { id: 'shop-nps', name: 'Shop NPS' });
  await createSurvey(app, { id: 'support-ces', name: 'Support effort', metric: 'ces' });
  return app;
}

describe('journeys: create, read, replace, delete', () => {
  it('keeps the steps in order and answers them back', async () => {
    const app = await journeyApp();
    const created = await send(app, 'POST', '/v1/journeys', shopJourney);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'shop', name: 'Buying online', steps: shopJourney.steps });
    expect((await get(app, '/v1/journeys')).body.journeys.map((journey: { id: string }) => journey.id)).toEqual(['shop']);

    const again = await send(app, 'POST', '/v1/journeys', shopJourney);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toEqual({ code: 'journey_exists', message: 'id: a journey with id "shop" already exists' });

    const replaced = await send(app, 'PUT', '/v1/journeys/shop', { name: 'Shop', steps: shopJourney.steps.slice(2) });
    expect(replaced.statusCode).toBe(200);
    expect((await get(app, '/v1/journeys/shop')).body).toMatchObject({ name: 'Shop', steps: shopJourney.steps.slice(2) });

    expect((await send(app, 'DELETE', '/v1/journeys/shop')).statusCode).toBe(204);
    const gone = await get(app, '/v1/journeys/shop');
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('journey_not_found');
    expect((await get(app, '/v1/journeys')).body.journeys).toEqual([]);
  });

  it.each([
    ['a step with both keys', { steps: [{ name: 'Search', touchpoint: 'search', journey: 'search', surveys: ['shop-csat'] }] }, 'steps.0: must have exactly one of touchpoint or journey'],
    ['a step without a survey', { steps: [{ name: 'Search', touchpoint: 'search', surveys: [] }] }, 'steps.0.surveys: must name at least one survey'],
    ['a survey named twice', { steps: [{ name: 'Search', touchpoint: 'search', surveys: ['shop-csat', 'shop-csat'] }] }, 'steps.0.surveys: must not name a survey twice'],
    ['no steps', { steps: [] }, 'steps: must have at least one step'],
    ['an unknown survey', { steps: [shopJourney.steps[0], { name: 'Pay', touchpoint: 'pay', surveys: ['nope'] }] }, 'steps.1.surveys.0: no survey with id "nope"'],
    ['an unknown field', { colour: 'red' }, 'colour: unknown field'],
  ])('refuses %s with a 400 naming the field, and stores nothing', async (_case, change, message) => {
    const app = await journeyApp();
    const response = await send(app, 'POST', '/v1/journeys', { ...shopJourney, ...change });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_request');
    expect(response.json().error.message).toContain(message);
    expect((await get(app, '/v1/journeys')).body.journeys).toEqual([]);
  });

  it('answers 404 for a journey that does not exist', async () => {
    const app = await journeyApp();
    expect((await send(app, 'PUT', '/v1/journeys/nope', { name: 'x', steps: shopJourney.steps })).statusCode).toBe(404);
    expect((await send(app, 'DELETE', '/v1/journeys/nope')).statusCode).toBe(404);
    expect((await get(app, '/v1/journeys/nope/figures')).status).toBe(404);
  });
});

describe('GET /v1/journeys/:id/figures', () => {
  const search = { before: [...repeat(4, 20), ...repeat(2, 20)], now: [...repeat(4, 29), ...repeat(2, 11)] };
  const order = { before: [...repeat(5, 30), ...repeat(1, 10)], now: [...repeat(5, 31), ...repeat(1, 9)] };
  const delivery = { before: [...repeat(4, 10), ...repeat(2, 30)], now: [...repeat(5, 35), ...repeat(1, 5)] };
  const effort = { before: [...repeat(6, 20), ...repeat(2, 20)], now: [...repeat(3, 20), ...repeat(2, 20)] };

  async function filled() {
    const app = await journeyApp();
    await send(app, 'POST', '/v1/journeys', shopJourney);
    await answers(app, 'shop-csat', search.before, BEFORE, { touchpoint: 'search' });
    await answers(app, 'shop-csat', search.now, NOW, { touchpoint: 'search' });
    await answers(app, 'shop-csat', order.before, BEFORE, { touchpoint: 'order' });
    await answers(app, 'shop-csat', order.now, NOW, { touchpoint: 'order' });
    await answers(app, 'shop-nps', [...repeat(10, 10), ...repeat(0, 10)], BEFORE, { touchpoint: 'order' });
    await answers(app, 'shop-nps', [...repeat(10, 10), ...repeat(0, 10)], NOW, { touchpoint: 'order' });
    await answers(app, 'shop-csat', delivery.before, BEFORE, { journey: 'delivery' });
    await answers(app, 'shop-csat', delivery.now, NOW, { journey: 'delivery' });
    await answers(app, 'shop-csat', [5, 5, 4, 2, 1], NOW, { touchpoint: 'support' });
    await answers(app, 'support-ces', effort.before, BEFORE, { touchpoint: 'support' });
    await answers(app, 'support-ces', effort.now, NOW, { touchpoint: 'support' });
    // Outside the journey: another touchpoint, and answers after the period.
    await answers(app, 'shop-csat', repeat(1, 7), NOW, { touchpoint: 'homepage' });
    await answers(app, 'shop-csat', repeat(1, 7), '2026-03-05T12:00:00Z', { touchpoint: 'search' });
    return app;
  }

  it("shows every step's figures and intervals beside the period before, marking moves corrected over the whole journey", async () => {
    const app = await filled();
    const { status, body } = await get(app, `/v1/journeys/shop/figures?${PERIOD}&minN=10`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      journeyId: 'shop', name: 'Buying online', from: '2026-02-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z',
      previous: { from: '2026-01-04T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' }, minN: 10,
    });
    expect(body.steps.map((step: { position: number; name: string; touchpoint: string | null; journey: string | null }) => [step.position, step.name, step.touchpoint, step.journey]))
      .toEqual([[1, 'Search', 'search', null], [2, 'Order', 'order', null], [3, 'Delivery', null, 'delivery'], [4, 'Support', 'support', null]]);

    const [searchStep, orderStep, deliveryStep, supportStep] = body.steps;
    const wilson = wilsonPercent(29, 40);
    expect(searchStep.figures[0]).toMatchObject({
      surveyId: 'shop-csat', surveyName: 'Shop satisfaction', metric: 'csat', n: 40, score: 72.5, distribution: [0, 11, 0, 29, 0],
      interval: { low: round(wilson.low, 1), high: round(wilson.high, 1), method: 'wilson' }, previous: { n: 40, score: 50 }, smallSample: false,
    });
    expect(orderStep.figures.map((figure: { surveyId: string; metric: string; score: number }) => [figure.surveyId, figure.metric, figure.score]))
      .toEqual([['shop-csat', 'csat', 77.5], ['shop-nps', 'nps', 0]]);
    expect(deliveryStep.figures[0]).toMatchObject({ n: 40, score: 87.5, previous: { n: 40, score: 25 } });
    const ces = sample(effort.now);
    expect(supportStep.figures[0]).toMatchObject({ metric: 'csat', n: 5, smallSample: true, previous: null, change: null });
    expect(supportStep.figures[1]).toMatchObject({ metric: 'ces', n: 40, score: round(ces.mean, 2), previous: { n: 40, score: 4 } });

    // Five figures had a period before to be tested against; their p-values are corrected together.
    const pValues = [twoProportionP(20, 40, 29, 40), twoProportionP(30, 40, 31, 40), 1, twoProportionP(10, 40, 35, 40), welch(effort.before, effort.now).p];
    const qValues = benjaminiHochbergByDefinition(pValues);
    expect(body.multipleComparisons).toEqual({ method: 'benjamini-hochberg', alpha: 0.05, tests: 5 });
    const tested = [searchStep.figures[0], orderStep.figures[0], orderStep.figures[1], deliveryStep.figures[0], supportStep.figures[1]];
    tested.forEach((figure: { change: { p: number; q: number; significant: boolean } }, index) => {
      expect(figure.change.p).toBeCloseTo(pValues[index], 3);
      expect(figure.change.q).toBeCloseTo(qValues[index], 3);
      expect(figure.change.significant).toBe(qValues[index] <= 0.05);
    });
    // Search moved with p < 0.05 on its own, but not once the journey's five figures are compared.
    expect(pValues[0]).toBeLessThan(0.05);
    expect(searchStep.figures[0].change.significant).toBe(false);
    expect(body.steps.map((step: { moved: boolean }) => step.moved)).toEqual([false, false, true, true]);
    expect(deliveryStep.figures[0].change.difference).toBe(62.5);
    expect(supportStep.figures[1].change.difference).toBe(round(ces.mean - 4, 2));
  });

  it('defaults to the 30 days before now, and refuses a bad period', async () => {
    const app = await testApp({ now: () => Date.parse('2026-02-20T00:00:00Z') });
    await createSurvey(app, { id: 'shop-csat', name: 'Shop satisfaction', metric: 'csat' });
    await send(app, 'POST', '/v1/journeys', { id: 'short', name: 'Short', steps: [shopJourney.steps[0]] });
    await answers(app, 'shop-csat', [5, 4, 1], NOW, { touchpoint: 'search' });
    const { body } = await get(app, '/v1/journeys/short/figures');
    expect(body).toMatchObject({ from: '2026-01-21T00:00:00.000Z', to: '2026-02-20T00:00:00.000Z' });
    expect(body.steps[0].figures[0]).toMatchObject({ n: 3, smallSample: true, change: null });
    for (const [query, message] of [['from=yesterday', 'from: must be an ISO 8601 date'], ['from=2026-02-02&to=2026-02-01', 'to: must be later than from'], ['minN=0', 'minN: must be an integer from 1'], ['touchpoint=x', 'touchpoint: unknown field']]) {
      const refused = await get(app, `/v1/journeys/short/figures?${query}`);
      expect(refused.status, query).toBe(400);
      expect(refused.body.error.message, query).toContain(message);
    }
  });
});
