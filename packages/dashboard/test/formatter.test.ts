import { describe, expect, it } from 'vitest';
import { createFormatter, rateShare } from '../src/i18n/formatter.ts';
import { DICTIONARIES } from './support/render.ts';

const en = (timeZone = 'UTC') => createFormatter('en-GB', DICTIONARIES.en, timeZone);

describe('NPS, shares and p in English', () => {
  it.each([
    [42, '+42'], [-3.5, '\u22123.5'], [0, '0'], [0.04, '0'], [12.25, '+12.3'], [-100, '\u2212100'], [null, '–'], [undefined, '–'],
  ])('nps(%s) → %s', (value, text) => expect(en().nps(value)).toBe(text));
  it.each([[0.374, '37%'], [1, '100%'], [0, '0%'], [null, '–']])('share(%s) → %s', (share, text) => expect(en().share(share)).toBe(text));
  it.each([[0.45, 0.45], [45, 0.45], [null, null], [1, 1]])('rateShare(%s) → %s (older collectors sent percentages)', (rate, share) => expect(rateShare(rate)).toBe(share));
  it.each([[0.0421, 'p = 0.042'], [0.0004, 'p < 0.001'], [0.5, 'p = 0.500'], [null, '']])('p(%s) → %s', (p, text) => expect(en().p(p)).toBe(text));
  it('names the interval level and both bounds', () => {
    expect(en().interval({ interval: { low: -5.9, high: 15.5, level: 0.95, method: 'adjusted-wald' } })).toBe('95% CI \u22125.9 to +15.5');
    expect(en().interval({ interval: null })).toBe('no interval yet');
  });
  it.each([
    [{ n: 0, nps: null }, '–'], [{ n: 4, nps: 50 }, 'too few answers'], [{ n: 5, nps: 20 }, '+20'],
  ])('figure(%j) → %s', (figure, text) => expect(en().figure(figure)).toBe(text));
});

describe('the same numbers in each language', () => {
  it.each([
    ['nl', 'nl-NL', '+12,5', '1.204', '37%', 'p = 0,042', '95%-BI \u22125,9 tot +15,5'],
    ['de', 'de-DE', '+12,5', '1.204', '37\u00a0%', 'p = 0,042', '95-%-KI \u22125,9 bis +15,5'],
    ['fr', 'fr-FR', '+12,5', '1\u202f204', '37\u00a0%', 'p = 0,042', 'IC à 95\u00a0% \u22125,9 à +15,5'],
    ['es', 'es-ES', '+12,5', '1204', '37\u00a0%', 'p = 0,042', 'IC 95\u00a0% \u22125,9 a +15,5'],
  ] as const)('%s (%s)', (language, locale, nps, count, share, p, interval) => {
    const format = createFormatter(locale, DICTIONARIES[language], 'UTC');
    expect(format.nps(12.5)).toBe(nps);
    expect(format.count(1204)).toBe(count);
    expect(format.share(0.37)).toBe(share);
    expect(format.p(0.0421)).toBe(p);
    expect(format.interval({ interval: { low: -5.9, high: 15.5, level: 0.95, method: 'adjusted-wald' } })).toBe(interval);
  });
});

describe('dates in the viewer’s zone and locale', () => {
  it.each([
    ['2026-03-02T00:00:00+01:00', 'day', 'Europe/Amsterdam', '2 Mar'],
    ['2026-03-02T00:00:00+01:00', 'day', 'UTC', '1 Mar'],
    ['2026-03-02T00:00:00+05:45', 'week', 'Asia/Kathmandu', 'w/c 2 Mar'],
    ['2026-03-01T00:00:00-03:30', 'month', 'America/St_Johns', 'Mar 2026'],
  ] as const)('%s per %s in %s → %s', (start, interval, zone, label) => expect(en(zone).bucket(start, interval)).toBe(label));
  it('follows the locale: en-US puts the month first, German writes its own', () => {
    expect(createFormatter('en-US', DICTIONARIES.en, 'UTC').day('2026-03-02T12:00:00Z')).toBe('Mar 2');
    expect(createFormatter('de-DE', DICTIONARIES.de, 'UTC').bucket('2026-03-02T12:00:00Z', 'week')).toBe('Woche ab 2. März');
  });
  it('shows a calendar date without shifting it by the zone', () => {
    expect(en('America/Los_Angeles').date('2026-03-31')).toBe('31 Mar 2026');
  });
});

describe('durations and SLA timers', () => {
  it.each([[30 * 60_000, '30 min'], [5 * 3_600_000, '5 h'], [50 * 3_600_000, '2 d 2 h'], [72 * 3_600_000, '3 d']])('%s ms → %s', (ms, text) => expect(en().duration(ms)).toBe(text));
  it('counts down before the deadline and up after it', () => {
    const due = '2026-03-03T09:00:00Z';
    expect(en().sla(due, Date.parse('2026-03-03T04:00:00Z'))).toBe('due in 5 h');
    expect(en().sla(due, Date.parse('2026-03-05T12:00:00Z'))).toBe('overdue by 2 d 3 h');
    expect(createFormatter('de-DE', DICTIONARIES.de, 'UTC').sla(due, Date.parse('2026-03-05T12:00:00Z'))).toBe('2 T. 3 Std. überfällig');
  });
});

describe('labels of machine values', () => {
  it.each([['checkout-page', 'checkout page'], ['mobile_app', 'mobile app'], [null, '(none)'], ['', '(none)']])('%s → %s', (value, text) => expect(en().label(value)).toBe(text));
});
