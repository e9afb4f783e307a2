import { describe, expect, it } from 'vitest';
import { pageTest } from '../support/app.ts';
import { choose, waitFor } from '../support/render.ts';

const setup = pageTest();
let sequence = 0;
const DAY = 86_400_000;

/** Stores answers of a survey `daysAgo` days before now through the real write path. */
async function answers(surveyId: string, scores: Record<number, number>, daysAgo: number, touchpoint: string) {
  const at = Date.now() - daysAgo * DAY;
  const all = Object.entries(scores).flatMap(([score, count]) => Array.from({ length: count }, () => Number(score)));
  await Promise.all(all.map((score) => setup.collector.app.db.ingestResponse({ id: `journey_${++sequence}`, surveyId, score, touchpoint }, at)));
}

const steps = () => [...setup.view.container.querySelectorAll('ol.journey-map > li')];
const stepText = (name: string) => steps().find((step) => step.querySelector('h3')?.textContent?.endsWith(name))?.textContent ?? '';

describe('journey page', { timeout: 60_000 }, () => {
  it('shows the steps left to right with each figure and interval, marks in words the step that moved, and says where there is nothing to compare', async () => {
    await setup.collector.admin('POST', '/v1/surveys', { id: 'shop-csat', name: 'Shop satisfaction', metric: 'csat', allowedOrigins: ['https://shop.example'] });
    await setup.collector.admin('POST', '/v1/surveys', { id: 'support-ces', name: 'Support effort', metric: 'ces', allowedOrigins: ['https://shop.example'] });
    await setup.collector.admin('POST', '/v1/journeys', {
      id: 'shop', name: 'Buying online', steps: [
        { name: 'Search', touchpoint: 'search', surveys: ['shop-csat'] },
        { name: 'Delivery', touchpoint: 'delivery', surveys: ['shop-csat'] },
        { name: 'Support', touchpoint: 'support', surveys: ['support-ces'] },
      ],
    });
    await answers('shop-csat', { 5: 2, 2: 1 }, 2, 'search');
    await answers('shop-csat', { 4: 10, 2: 30 }, 40, 'delivery');
    await answers('shop-csat', { 5: 35, 1: 5 }, 3, 'delivery');
    await answers('support-ces', { 6: 10, 3: 10 }, 45, 'support');
    await answers('support-ces', { 6: 11, 3: 9 }, 5, 'support');

    await setup.open('#/demo/journey');
    await waitFor(() => steps().length === 3, setup.view.container);
    const list = setup.view.container.querySelector('ol.journey-map')!;
    expect(list.getAttribute('aria-label')).toBe('Steps of Buying online, in order');
    expect(steps().map((step) => step.querySelector('h3')!.textContent)).toEqual(['1 Search', '2 Delivery', '3 Support']);

    expect(stepText('Delivery')).toContain('Moved significantly');
    expect(stepText('Delivery')).toContain('Shop satisfaction');
    expect(stepText('Delivery')).toContain('87.5%');
    expect(stepText('Delivery')).toMatch(/n = 40, 95% CI 73\.\d% to 94\.\d%/);
    expect(stepText('Delivery')).toContain('significantly up: +62.5 points (was 25%)');

    expect(stepText('Search')).not.toContain('Moved significantly');
    expect(stepText('Search')).toContain('too few answers');
    expect(stepText('Search')).toContain('small sample');
    expect(stepText('Search')).toContain('no answers in the 30 days before to compare with');

    expect(stepText('Support')).toContain('CES (1–7)');
    expect(stepText('Support')).toContain('no significant change: +0.15 (was 4.50)');
    expect(stepText('Support')).not.toContain('Moved significantly');
    expect(setup.view.container.textContent).toContain('corrected over the 2 figures compared on this journey (Benjamini–Hochberg');
  });

  it('picks among journeys, and explains how to make one when there is none', async () => {
    await setup.open('#/demo/journey');
    expect(setup.view.container.querySelector('.notice')!.textContent).toContain('POST /v1/journeys');
    await setup.collector.admin('POST', '/v1/journeys', { id: 'a', name: 'Alpha', steps: [{ name: 'Order', touchpoint: 'checkout', surveys: ['demo'] }] });
    await setup.collector.admin('POST', '/v1/journeys', { id: 'b', name: 'Beta', steps: [{ name: 'Return', journey: 'returns', surveys: ['demo'] }] });
    await setup.collector.answer('journey-answer-1', 9);
    await setup.open('#/demo/journey');
    await waitFor(() => steps().length === 1, setup.view.container);
    expect(stepText('Order')).toContain('Touchpoint: checkout');
    const picker = [...setup.view.container.querySelectorAll('label')].find((label) => label.textContent?.startsWith('Journey'))!.querySelector('select')!;
    choose(picker, 'b');
    await waitFor(() => stepText('Return').includes('Journey step: returns'), setup.view.container);
  });
});
