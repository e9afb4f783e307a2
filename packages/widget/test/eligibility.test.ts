import { beforeEach, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { isEligible, loadRecord, RECORD_KEY, sampleBucket, updateRecord, type EligibilityRecord } from '../src/eligibility';

const DAY = 864e5;
const NOW = Date.UTC(2026, 10, 22);
const config = (attributes: Record<string, string> = {}) => readConfig({ survey: 'home', ...attributes }, 'https://c.test/widget.js', 'acme.test');
const record = (change: Partial<EligibilityRecord> = {}): EligibilityRecord => ({ visitorId: 'v1', pageViews: 0, answeredAt: {}, dismissedAt: {}, ...change });

describe('isEligible', () => {
  it.each([
    ['a new visitor', record(), {}, true],
    ['answered 89 days ago', record({ answeredAt: { home: NOW - 89 * DAY } }), {}, false],
    ['answered 91 days ago', record({ answeredAt: { home: NOW - 91 * DAY } }), {}, true],
    ['answered another survey yesterday', record({ answeredAt: { other: NOW - DAY } }), {}, true],
    ['answered 20 days ago, re-survey after 14', record({ answeredAt: { home: NOW - 20 * DAY } }), { resurveyDays: '14' }, true],
    ['dismissed 29 days ago', record({ dismissedAt: { home: NOW - 29 * DAY } }), {}, false],
    ['dismissed 31 days ago', record({ dismissedAt: { home: NOW - 31 * DAY } }), {}, true],
    ['dismissed yesterday, dismiss window 0', record({ dismissedAt: { home: NOW - DAY } }), { dismissDays: '0' }, true],
    ['too few page views', record({ pageViews: 2 }), { minPageviews: '3' }, false],
    ['enough page views', record({ pageViews: 3 }), { minPageviews: '3' }, true],
    ['sample rate 0', record(), { sample: '0' }, false],
  ] as const)('%s → %s', (_name, stored, attributes, expected) => {
    expect(isEligible(stored, config(attributes), 'visitor-1', NOW)).toBe(expected);
  });

  it('samples a visitor the same way every time, and about the configured share of visitors', () => {
    const half = config({ sample: '0.5' });
    expect(isEligible(record(), half, 'visitor-7', NOW)).toBe(isEligible(record(), half, 'visitor-7', NOW + DAY));
    let sampled = 0;
    for (let index = 0; index < 2000; index++) if (isEligible(record(), half, `visitor-${index}`, NOW)) sampled++;
    expect(sampled / 2000).toBeGreaterThan(0.45);
    expect(sampled / 2000).toBeLessThan(0.55);
  });

  it('hashes into [0, 1)', () => {
    for (const key of ['', 'a', 'visitor:home', 'x'.repeat(500)]) {
      expect(sampleBucket(key)).toBeGreaterThanOrEqual(0);
      expect(sampleBucket(key)).toBeLessThan(1);
    }
  });
});

describe('the stored record', () => {
  beforeEach(() => localStorage.clear());

  it('keeps one record with a stable visitor id', () => {
    const first = updateRecord((stored) => (stored.answeredAt.home = NOW));
    expect(loadRecord()).toEqual(first);
    expect(Object.keys(localStorage)).toEqual([RECORD_KEY]);
  });

  it('starts afresh from a damaged record', () => {
    localStorage.setItem(RECORD_KEY, '{not json');
    expect(loadRecord()).toMatchObject({ pageViews: 0, answeredAt: {}, dismissedAt: {} });
  });
});
