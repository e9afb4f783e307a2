import { describe, expect, it } from 'vitest';
import { bucketLabel, formatDuration, formatInterval, formatNps, formatP, formatShare, humanize, rateShare, slaText } from '../src/format.ts';

describe('formatNps', () => {
  it.each([
    [42, '+42'], [-3.5, '\u22123.5'], [0, '0'], [0.04, '0'], [12.25, '+12.3'], [-100, '\u2212100'], [null, '–'], [undefined, '–'],
  ])('%s → %s', (value, text) => expect(formatNps(value)).toBe(text));
});

describe('shares and rates', () => {
  it.each([[0.374, '37%'], [1, '100%'], [0, '0%'], [null, '–']])('formatShare(%s) → %s', (share, text) => expect(formatShare(share)).toBe(text));
  it.each([[0.45, 0.45], [45, 0.45], [null, null], [1, 1]])('rateShare(%s) → %s (older collectors sent percentages)', (rate, share) => expect(rateShare(rate)).toBe(share));
});

describe('formatInterval', () => {
  it('names the level and both bounds', () => {
    expect(formatInterval({ interval: { low: -5.9, high: 15.5, level: 0.95, method: 'adjusted-wald' } })).toBe('95% CI \u22125.9 to +15.5');
    expect(formatInterval({ interval: null })).toBe('no interval yet');
  });
});

describe('bucketLabel in a time zone', () => {
  it.each([
    ['2026-03-02T00:00:00+01:00', 'day', 'Europe/Amsterdam', '2 Mar'],
    ['2026-03-02T00:00:00+01:00', 'day', 'UTC', '1 Mar'],
    ['2026-03-02T00:00:00+05:45', 'week', 'Asia/Kathmandu', 'w/c 2 Mar'],
    ['2026-03-01T00:00:00-03:30', 'month', 'America/St_Johns', 'Mar 2026'],
  ] as const)('%s per %s in %s → %s', (start, interval, zone, label) => expect(bucketLabel(start, interval, zone)).toBe(label));
});

describe('durations and SLA timers', () => {
  it.each([[30 * 60_000, '30 min'], [5 * 3_600_000, '5 h'], [50 * 3_600_000, '2 d 2 h'], [72 * 3_600_000, '3 d']])('%s ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
  it('counts down before the deadline and up after it', () => {
    const due = '2026-03-03T09:00:00Z';
    expect(slaText(due, Date.parse('2026-03-03T04:00:00Z'))).toBe('due in 5 h');
    expect(slaText(due, Date.parse('2026-03-05T12:00:00Z'))).toBe('overdue by 2 d 3 h');
  });
});

describe('humanize', () => {
  it.each([['checkout-page', 'checkout page'], ['mobile_app', 'mobile app'], [null, '(none)'], ['', '(none)']])('%s → %s', (value, text) => expect(humanize(value)).toBe(text));
});

describe('formatP', () => {
  it.each([[0.0421, 'p = 0.042'], [0.0004, 'p < 0.001'], [0.5, 'p = 0.500'], [null, '']])('%s → %s', (p, text) => expect(formatP(p)).toBe(text));
});
