import { describe, expect, it } from 'vitest';
import { DEFAULT_DIGEST_SCHEDULE, digestPeriodEnd, nextDigestAt } from '../../src/webhooks/digest-schedule.ts';

const at = (iso: string) => Date.parse(iso);
const schedule = (weekday: string, time: string, timeZone: string) => ({ weekday, time, timeZone, days: 7 });

describe('nextDigestAt', () => {
  it.each([
    ['a minute before Monday 09:00 in Amsterdam (CET)', schedule('monday', '09:00', 'Europe/Amsterdam'), '2026-03-02T07:59:00Z', '2026-03-02T08:00:00.000Z'],
    ['exactly at the slot: the next week', schedule('monday', '09:00', 'Europe/Amsterdam'), '2026-03-02T08:00:00Z', '2026-03-09T08:00:00.000Z'],
    ['the Monday after clocks went forward (CEST)', schedule('monday', '09:00', 'Europe/Amsterdam'), '2026-03-28T12:00:00Z', '2026-03-30T07:00:00.000Z'],
    ['a local time the jump skips: the end of the gap', schedule('sunday', '02:30', 'Europe/Amsterdam'), '2026-03-28T00:00:00Z', '2026-03-29T01:00:00.000Z'],
    ['a zone 5:45 ahead', schedule('friday', '17:45', 'Asia/Kathmandu'), '2026-03-02T00:00:00Z', '2026-03-06T12:00:00.000Z'],
    ['midnight west of UTC, a minute before', schedule('wednesday', '00:00', 'America/Los_Angeles'), '2026-03-04T07:59:00Z', '2026-03-04T08:00:00.000Z'],
    ['the default: Monday 09:00 UTC', DEFAULT_DIGEST_SCHEDULE, '2026-03-03T00:00:00Z', '2026-03-09T09:00:00.000Z'],
  ])('%s', (_name, digest, after, expected) => {
    expect(new Date(nextDigestAt(digest, at(after))).toISOString()).toBe(expected);
  });
});

describe('digestPeriodEnd', () => {
  it('ends the digest at the last local midnight, so a Monday digest covers the week to Sunday', () => {
    expect(new Date(digestPeriodEnd(schedule('monday', '09:00', 'Europe/Amsterdam'), at('2026-03-09T08:00:00Z'))).toISOString()).toBe('2026-03-08T22:59:59.999Z');
    expect(new Date(digestPeriodEnd(DEFAULT_DIGEST_SCHEDULE, at('2026-03-09T09:00:10Z'))).toISOString()).toBe('2026-03-08T23:59:59.999Z');
  });
});
