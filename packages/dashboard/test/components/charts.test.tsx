import { afterEach, describe, expect, it } from 'vitest';
import { Distribution } from '../../src/components/Distribution.tsx';
import { IntervalBar } from '../../src/components/IntervalBar.tsx';
import { NpsHeadline } from '../../src/components/NpsHeadline.tsx';
import { TrendChart } from '../../src/components/TrendChart.tsx';
import type { NpsFigure, Trend } from '../../src/types.ts';
import { mount } from '../support/render.ts';

const figure = (nps: number | null, low: number, high: number, n: number): NpsFigure => ({
  n, nps, interval: nps === null ? null : { low, high, level: 0.95, method: 'adjusted-wald' },
  promoters: { count: 5, percent: 50 }, passives: { count: 3, percent: 30 }, detractors: { count: 2, percent: 20 },
});

let view: ReturnType<typeof mount> | null = null;
afterEach(() => view?.unmount());

describe('NpsHeadline', () => {
  it('shows the NPS with its interval, n and the groups', () => {
    view = mount(<NpsHeadline figure={figure(30, 2.5, 51.2, 10)} label="NPS" />);
    expect(view.container.textContent).toContain('+30');
    expect(view.container.textContent).toContain('95% CI +2.5 to +51.2 · n = 10');
    expect(view.container.textContent).toContain('Promoters 50% (5)');
  });

  it('says "too few answers" instead of a score below the minimum n, and keeps n', () => {
    view = mount(<NpsHeadline figure={figure(100, -48.5, 98.5, 1)} label="NPS" />);
    expect(view.container.querySelector('[data-testid=nps]')!.textContent).toBe('Too few answers');
    expect(view.container.textContent).toContain('n = 1 · a score needs at least 5 answers');
    expect(view.container.textContent).not.toContain('+100');
  });

  it('explains when the adjusted interval leaves out the observed score', () => {
    view = mount(<NpsHeadline figure={figure(100, 40, 98.5, 6)} label="NPS" />);
    expect(view.container.querySelector('[data-testid=nps]')!.textContent).toBe('+100');
    expect(view.container.querySelector('[data-testid=interval-note]')!.textContent).toMatch(/leaves out the observed score/);
  });

  it('speaks Dutch with Dutch numbers', () => {
    view = mount(<NpsHeadline figure={figure(30.5, 2.5, 51.2, 1204)} label="NPS" />, { locale: 'nl' });
    expect(view.container.textContent).toContain('+30,5');
    expect(view.container.textContent).toContain('95%-BI +2,5 tot +51,2 · n = 1.204');
    expect(view.container.textContent).toContain('Promotors 50% (5)');
  });
});

describe('TrendChart', () => {
  const trend: Trend = {
    interval: 'day', tz: 'Europe/Amsterdam',
    buckets: [
      { start: '2026-03-01T00:00:00+01:00', ...figure(20, -10, 45, 12) },
      { start: '2026-03-02T00:00:00+01:00', ...figure(null, 0, 0, 0) },
      { start: '2026-03-03T00:00:00+01:00', ...figure(-5, -30, 22, 9) },
      { start: '2026-03-04T00:00:00+01:00', ...figure(100, -48.5, 98.5, 1) },
    ],
  };
  it('draws the interval band and a line with gaps for the empty day and the day with too few answers, labelled for screen readers', () => {
    view = mount(<TrendChart trend={trend} />, { timeZone: 'Europe/Amsterdam' });
    const svg = view.container.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('NPS per day: 1 Mar +20 (n 12); 3 Mar \u22125 (n 9); 4 Mar too few answers (n 1)');
    expect(svg.querySelector('.band')!.getAttribute('d')!.match(/Z/g)).toHaveLength(2);
    expect(svg.querySelector('.line')!.getAttribute('d')!.match(/M/g)).toHaveLength(2);
    expect(svg.querySelectorAll('circle.point')).toHaveLength(2);
  });
  it('draws at its own width (1 unit = 1 CSS pixel) and always labels the newest bucket', () => {
    view = mount(<TrendChart trend={trend} />, { timeZone: 'Europe/Amsterdam' });
    const svg = view.container.querySelector('svg')!;
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${svg.getAttribute('width')} 240`);
    const labels = [...svg.querySelectorAll('text.axis-label')].map((text) => text.textContent);
    expect(labels[labels.length - 1]).toBe('4 Mar');
  });
  it('says when there are no answers', () => {
    view = mount(<TrendChart trend={{ ...trend, buckets: [trend.buckets[1]] }} />);
    expect(view.container.querySelector('svg')!.getAttribute('aria-label')).toBe('No answers in this period');
  });
});

describe('Distribution', () => {
  it('draws eleven bars coloured by group with their counts', () => {
    view = mount(<Distribution counts={[1, 0, 0, 0, 0, 0, 2, 3, 0, 4, 5]} />);
    const bars = [...view.container.querySelectorAll('rect.bar')];
    expect(bars).toHaveLength(11);
    expect(bars.map((bar) => bar.getAttribute('class')!.replace('bar ', ''))).toEqual([
      ...Array(7).fill('detractor'), 'passive', 'passive', 'promoter', 'promoter',
    ]);
    expect(view.container.querySelector('svg')!.getAttribute('aria-label')).toContain('10: 5');
  });
});

describe('IntervalBar', () => {
  it('is decorative (the table has the numbers) and draws nothing for an empty segment', () => {
    view = mount(<IntervalBar figure={figure(null, 0, 0, 0)} />);
    expect(view.container.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
    expect(view.container.querySelector('.band')).toBeNull();
  });
});
