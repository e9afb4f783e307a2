import { describe, expect, it } from 'vitest';
import { pageTest } from '../support/app.ts';
import { pick, waitFor } from '../support/render.ts';

const setup = pageTest();

const text = (selector: string) => setup.view.container.querySelector(selector)?.textContent ?? '';

describe('overview page', { timeout: 60_000 }, () => {
  it('counts today’s answers in "the last 7 days", and says "too few answers" instead of a score from two of them', async () => {
    await setup.collector.answer('today-00001', 10);
    await setup.collector.answer('today-00002', 9);
    await setup.open('#/demo/overview');
    pick(setup.view.container, '7 days');
    await waitFor(() => text('.headline-label') === 'NPS, last 7 days' && text('.headline').includes('n = 2'), setup.view.container);
    expect(text('[data-testid=nps]')).toBe('Too few answers');
    expect(text('.headline-meta')).toBe('n = 2 · a score needs at least 5 answers');
    expect(text('[data-testid=change]')).toMatch(/^– vs previous 7 days \(–, n = 0\): too few answers to compare \(n = 0; n = 2\)$/);
  });

  it('shows the score with its interval and n once there are enough answers, the distribution, rates and open loops', async () => {
    for (const [index, score] of [10, 10, 9, 8, 3, 2].entries()) await setup.collector.answer(`answer-${index}0000`, score, score < 7 ? 'Too slow' : undefined);
    await setup.open('#/demo/overview');
    await waitFor(() => text('[data-testid=nps]') === '+16.7', setup.view.container);
    expect(text('.headline-meta')).toMatch(/^95% CI [+\u2212]\d+(\.\d)? to \+\d+(\.\d)? · n = 6$/);
    expect(setup.view.container.querySelector('svg[aria-label^="Answers per score"]')!.getAttribute('aria-label')).toContain('10: 2');
    expect([...setup.view.container.querySelectorAll('.stat h2')].map((node) => node.textContent)).toEqual(['Response rate', 'Comment rate', 'Open loops']);
    expect(text('.stat:last-child .stat-value')).toBe('2');
    expect(setup.view.container.querySelectorAll('.quotes blockquote')).toHaveLength(2);
    expect(setup.view.container.querySelector('svg.trend')!.getAttribute('aria-label')).toMatch(/^NPS per day: .* \+16\.7 \(n 6\)$/);
  });
});
