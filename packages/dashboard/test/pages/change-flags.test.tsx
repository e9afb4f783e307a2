import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { pageTest } from '../support/app.ts';
import { click, waitFor } from '../support/render.ts';

const setup = pageTest();
let sequence = 0;
const DAY = 86_400_000;

/** Stores `count` answers of `score` in a survey `daysAgo` days before now through the real write path. */
async function answers(surveyId: string, score: number, count: number, daysAgo: number, touchpoint: string) {
  const at = Date.now() - daysAgo * DAY;
  await Promise.all(Array.from({ length: count }, () => setup.collector.app.db.ingestResponse({ id: `flag_${++sequence}`, surveyId, score, touchpoint }, at)));
}

const rows = () => [...setup.view.container.querySelectorAll('table.segments tbody tr')].map((row) => [row.querySelector('th')!.textContent, ...[...row.querySelectorAll('td')].map((cell) => cell.textContent)]);

describe('change flags in the dashboard, in words', { timeout: 60_000 }, () => {
  it('touchpoints of a CSAT survey: the score column sorts by % satisfied, each row says how it moved since the 30 days before', async () => {
    await setup.collector.admin('POST', '/v1/surveys', { id: 'shop', name: 'Shop', metric: 'csat', allowedOrigins: ['https://shop.example'] });
    // delivery: 10 of 40 satisfied before, 35 of 40 now; checkout: 30 of 40 before and 31 of 40 now; support: only now.
    await answers('shop', 4, 10, 40, 'delivery'); await answers('shop', 2, 30, 40, 'delivery');
    await answers('shop', 5, 35, 3, 'delivery'); await answers('shop', 1, 5, 3, 'delivery');
    await answers('shop', 5, 30, 45, 'checkout'); await answers('shop', 1, 10, 45, 'checkout');
    await answers('shop', 5, 31, 5, 'checkout'); await answers('shop', 1, 9, 5, 'checkout');
    await answers('shop', 5, 12, 2, 'support');
    await setup.open('#/shop/touchpoints');
    const headers = [...setup.view.container.querySelectorAll('table.segments thead th')].map((cell) => cell.textContent);
    expect(headers).toEqual(['Touchpoint ↕', 'Answers ▼', 'CSAT ↕', '95% interval', 'Change vs the 30 days before', '0 · 50 · 100%']);
    click(setup.view.container, 'CSAT ↕');
    await waitFor(() => rows()[0][0]!.startsWith('support'), setup.view.container);
    expect(rows().map((row) => [row[0], row[2], row[4]])).toEqual([
      ['supportsmall sample', '100%', 'no answers before'],
      ['delivery', '87.5%', '▲ significantly up (+62.5 points)'],
      ['checkout', '77.5%', 'no significant change (+2.5 points)'],
    ]);
    expect(setup.view.container.textContent).toContain('“Significantly” is corrected over the 2 rows compared (Benjamini–Hochberg, false discovery rate 5%).');
    const allTime = [...setup.view.container.querySelectorAll('label')].find((label) => label.textContent === 'All time')!.querySelector('input')!;
    act(() => allTime.click());
    await waitFor(() => !setup.view.container.textContent!.includes('Change vs the'), setup.view.container);
    expect(rows().find((row) => row[0] === 'delivery')!.slice(1, 3)).toEqual(['80', '56.3%']);
  });

  it('the overview names, under the trend, each day that changed significantly from the day before', async () => {
    await answers('demo', 0, 20, 3, 'checkout');
    await answers('demo', 10, 20, 2, 'checkout');
    await setup.open('#/demo/overview');
    const changes = await waitFor(() => setup.view.container.querySelector('[data-testid=trend-changes]')?.textContent, setup.view.container);
    expect(changes).toMatch(/^Significant changes from the bucket before \(corrected over 1 compared, Benjamini–Hochberg\):▲ [^:]+: significantly up \(\+200\)$/);
  });
});
