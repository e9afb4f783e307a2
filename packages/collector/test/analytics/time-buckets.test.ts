import { describe, expect, it } from 'vitest';
import { countBuckets, localBuckets } from '../../src/lib/time-buckets.ts';
import { formatInZone, wallToUtc, zoneOffsetMs } from '../../src/lib/time-zone.ts';

const HOUR = 3_600_000;
const utc = (text: string) => Date.parse(text);
const labels = (...args: Parameters<typeof localBuckets>) => localBuckets(...args).map((bucket) => bucket.label);
const lengths = (...args: Parameters<typeof localBuckets>) => localBuckets(...args).map((bucket) => (bucket.end - bucket.start) / HOUR);

describe('zone offsets and formatting', () => {
  it.each([
    ['UTC', '2026-01-01T00:00:00Z', 0, '2026-01-01T00:00:00+00:00'],
    ['Asia/Kathmandu', '2026-01-01T00:00:00Z', 5.75, '2026-01-01T05:45:00+05:45'],
    ['America/St_Johns', '2026-01-01T00:00:00Z', -3.5, '2025-12-31T20:30:00-03:30'],
    ['America/St_Johns', '2026-07-01T00:00:00Z', -2.5, '2026-06-30T21:30:00-02:30'],
    ['Europe/Amsterdam', '2026-03-29T00:59:59Z', 1, '2026-03-29T01:59:59+01:00'],
    ['Europe/Amsterdam', '2026-03-29T01:00:00Z', 2, '2026-03-29T03:00:00+02:00'],
  ])('%s at %s is %d h, shown as %s', (zone, instant, hours, shown) => {
    expect(zoneOffsetMs(zone, utc(instant))).toBe(hours * HOUR);
    expect(formatInZone(zone, utc(instant))).toBe(shown);
  });

  it('maps wall times to instants: normal, skipped by DST, and repeated', () => {
    expect(wallToUtc('Asia/Kathmandu', utc('2026-01-01T00:00:00Z'))).toBe(utc('2025-12-31T18:15:00Z'));
    // 02:30 does not exist in Amsterdam on 29 March 2026: the first instant after the gap.
    expect(wallToUtc('Europe/Amsterdam', utc('2026-03-29T02:30:00Z'))).toBe(utc('2026-03-29T01:00:00Z'));
    // 02:30 happens twice on 25 October 2026: the first one.
    expect(wallToUtc('Europe/Amsterdam', utc('2026-10-25T02:30:00Z'))).toBe(utc('2026-10-25T00:30:00Z'));
  });
});

describe('localBuckets', () => {
  it('starts days at local midnight across the spring DST change in Amsterdam (a 23-hour day)', () => {
    const args = ['day', 'Europe/Amsterdam', utc('2026-03-27T23:00:00Z'), utc('2026-03-30T22:00:00Z')] as const;
    expect(labels(...args)).toEqual(['2026-03-28T00:00:00+01:00', '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00']);
    expect(lengths(...args)).toEqual([24, 23, 24]);
  });

  it('has a 25-hour day when Amsterdam falls back', () => {
    expect(lengths('day', 'Europe/Amsterdam', utc('2026-10-24T12:00:00Z'), utc('2026-10-26T12:00:00Z'))).toEqual([24, 25, 24]);
  });

  it('handles half-hour and quarter-hour zones', () => {
    expect(labels('day', 'America/St_Johns', utc('2026-03-07T12:00:00Z'), utc('2026-03-09T12:00:00Z'))).toEqual([
      '2026-03-07T00:00:00-03:30', '2026-03-08T00:00:00-03:30', '2026-03-09T00:00:00-02:30',
    ]);
    const kathmandu = localBuckets('day', 'Asia/Kathmandu', utc('2026-01-01T00:00:00Z'), utc('2026-01-02T00:00:00Z'));
    expect(kathmandu.map((bucket) => new Date(bucket.start).toISOString())).toEqual(['2025-12-31T18:15:00.000Z', '2026-01-01T18:15:00.000Z']);
  });

  it('starts the day at the end of a DST gap that swallows midnight (Santiago)', () => {
    expect(labels('day', 'America/Santiago', utc('2026-09-05T12:00:00Z'), utc('2026-09-07T12:00:00Z'))).toEqual([
      '2026-09-05T00:00:00-04:00', '2026-09-06T01:00:00-03:00', '2026-09-07T00:00:00-03:00',
    ]);
  });

  it('starts weeks on Monday and months on the 1st, contiguously', () => {
    expect(labels('week', 'Asia/Kathmandu', utc('2026-01-01T00:00:00Z'), utc('2026-01-15T00:00:00Z'))).toEqual([
      '2025-12-29T00:00:00+05:45', '2026-01-05T00:00:00+05:45', '2026-01-12T00:00:00+05:45',
    ]);
    const months = localBuckets('month', 'Europe/Amsterdam', utc('2026-02-15T00:00:00Z'), utc('2026-05-01T00:00:00Z'));
    expect(months.map((bucket) => bucket.label)).toEqual([
      '2026-02-01T00:00:00+01:00', '2026-03-01T00:00:00+01:00', '2026-04-01T00:00:00+02:00', '2026-05-01T00:00:00+02:00',
    ]);
    for (let index = 1; index < months.length; index++) expect(months[index].start).toBe(months[index - 1].end);
  });

  it('counts buckets without building them', () => {
    for (const interval of ['day', 'week', 'month'] as const) {
      const from = utc('2025-11-03T10:00:00Z');
      const to = utc('2026-11-03T10:00:00Z');
      expect(countBuckets(interval, 'Europe/Amsterdam', from, to)).toBe(localBuckets(interval, 'Europe/Amsterdam', from, to).length);
    }
    expect(countBuckets('day', 'UTC', 10, 10)).toBe(0);
  });
});
