import { beforeEach, describe, expect, it } from 'vitest';
import { viewerTimeZone } from '../../src/i18n/formatter.ts';
import { localDate } from '../../src/periods.ts';
import { pageTest } from '../support/app.ts';
import { choose, field, waitFor } from '../support/render.ts';

const setup = pageTest();

beforeEach(async () => {
  // checkout: one promoter (the "+100 at n = 1" case); delivery: six answers; support: five.
  await setup.collector.answer('tp-checkout-1', 10);
  for (const [index, score] of [10, 9, 9, 3, 2, 8].entries()) await setup.collector.answer(`tp-delivery-${index}`, score, undefined, undefined, { touchpoint: 'delivery' });
  for (const [index, score] of [10, 10, 9, 9, 7].entries()) await setup.collector.answer(`tp-support-0${index}`, score, undefined, undefined, { touchpoint: 'support' });
});

const row = (name: string) => [...setup.view.container.querySelectorAll('table.segments tbody tr')].find((tr) => tr.querySelector('th')?.textContent?.startsWith(name));
const cells = (name: string) => [...row(name)!.querySelectorAll('td')].map((td) => td.textContent);

describe('touchpoints page', { timeout: 60_000 }, () => {
  it('shows "too few answers" for one answer instead of +100, keeps its honest interval, and the scores of larger segments', async () => {
    await setup.open('#/demo/touchpoints');
    expect(cells('checkout').slice(0, 3)).toEqual(['1', 'too few answers', '\u221248.5 to +98.5']);
    expect(row('checkout')!.textContent).not.toContain('+100');
    expect(cells('delivery').slice(0, 2)).toEqual(['6', '+16.7']);
    expect(cells('support').slice(0, 2)).toEqual(['5', '+80']);
    expect(row('checkout')!.querySelector('.badge')!.textContent).toBe('small sample');
  });

  it('compares two touchpoints, and says when one side has too few answers to compare', async () => {
    await setup.open('#/demo/touchpoints');
    const result = () => setup.view.container.querySelector('[data-testid=compare-result]')?.textContent ?? '';
    await waitFor(() => result() !== '', setup.view.container);
    choose(field<HTMLSelectElement>(setup.view.container, 'A'), 'delivery');
    choose(field<HTMLSelectElement>(setup.view.container, 'B'), 'support');
    await waitFor(() => result().startsWith('support +80 (n = 5'), setup.view.container);
    expect(result()).toMatch(/vs delivery \+16\.7 \(n = 6, 95% CI .*\): \+63\.3, (no significant difference|significantly higher)/);
    choose(field<HTMLSelectElement>(setup.view.container, 'B'), 'checkout');
    await waitFor(() => result().includes('too few answers to compare (n = 6; n = 1)'), setup.view.container);
    expect(result()).toMatch(/^checkout too few answers \(n = 1, .*\): –, too few answers to compare/);
  });

  it('compares the last 30 days, today included, with the 30 before by default', async () => {
    await setup.open('#/demo/touchpoints');
    const periods = await waitFor(() => setup.view.container.querySelector('[data-testid=compare-periods]')?.textContent, setup.view.container);
    expect(periods).toMatch(/^B \+50 \(n = 12, 95% CI .*\) vs A – \(n = 0, no interval yet\): –, too few answers to compare/);
    expect(field(setup.view.container, 'B to (included)').value).toBe(localDate(Date.now(), viewerTimeZone()));
  });
});
