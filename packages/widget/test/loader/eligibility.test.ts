import { beforeEach, describe, expect, it } from 'vitest';
import { loadRecord, quietReason, RECORD_KEY, sampleBucket, updateRecord, type VisitorRecord } from '../../src/loader/eligibility';

const DAY = 864e5;
const NOW = Date.UTC(2026, 10, 22);
const record = (change: Partial<VisitorRecord> = {}): VisitorRecord => ({ visitorId: 'v1', pageViews: 0, quiet: {}, cache: {}, ...change });
const answered = (daysAgo: number, windowDays: number) => ({ why: 'answered' as const, at: NOW - daysAgo * DAY, until: NOW + (windowDays - daysAgo) * DAY });
const dismissed = (daysAgo: number, windowDays: number) => ({ why: 'dismissed' as const, at: NOW - daysAgo * DAY, until: NOW + (windowDays - daysAgo) * DAY });
const rules = (change = {}) => ({ sample: 1, minPageviews: 0, ...change });

describe('quietReason', () => {
  it.each([
    ['a new visitor', record(), rules(), ''],
    ['answered 89 days ago, window 90', record({ quiet: { home: answered(89, 90) } }), rules(), 'answered'],
    ['answered 91 days ago, window 90', record({ quiet: { home: answered(91, 90) } }), rules(), ''],
    ['answered another survey yesterday', record({ quiet: { other: answered(1, 90) } }), rules(), ''],
    ['dismissed 29 days ago, window 30', record({ quiet: { home: dismissed(29, 30) } }), rules(), 'dismissed'],
    ['dismissed yesterday, window 0', record({ quiet: { home: dismissed(1, 0) } }), rules(), ''],
    ['too few page views', record({ pageViews: 2 }), rules({ minPageviews: 3 }), 'pageviews'],
    ['enough page views', record({ pageViews: 3 }), rules({ minPageviews: 3 }), ''],
    ['sample rate 0', record(), rules({ sample: 0 }), 'sampled'],
  ] as const)('%s → "%s"', (_name, stored, given, expected) => {
    expect(quietReason(stored, 'home', given, () => 'visitor-1', NOW)).toBe(expected);
  });

  it('samples a visitor the same way every time, and about the configured share of visitors', () => {
    const half = rules({ sample: 0.5 });
    const decide = (visitor: string, now: number) => quietReason(record(), 'home', half, () => visitor, now);
    expect(decide('visitor-7', NOW)).toBe(decide('visitor-7', NOW + DAY));
    let sampled = 0;
    for (let index = 0; index < 2000; index++) if (decide(`visitor-${index}`, NOW) === '') sampled++;
    expect(sampled / 2000).toBeGreaterThan(0.45);
    expect(sampled / 2000).toBeLessThan(0.55);
  });

  it('asks for the sampling key only when sampling applies (asking may store a visitor id)', () => {
    let asked = 0;
    quietReason(record(), 'home', rules(), () => String(++asked), NOW);
    expect(asked).toBe(0);
    quietReason(record(), 'home', rules({ sample: 0.3 }), () => String(++asked), NOW);
    expect(asked).toBe(1);
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
    const first = updateRecord((stored) => (stored.quiet.home = answered(0, 90)));
    expect(loadRecord()).toEqual(first);
    expect(Object.keys(localStorage)).toEqual([RECORD_KEY]);
  });

  it('starts afresh from a damaged record', () => {
    localStorage.setItem(RECORD_KEY, '{not json');
    expect(loadRecord()).toMatchObject({ pageViews: 0, quiet: {}, cache: {} });
  });
});
