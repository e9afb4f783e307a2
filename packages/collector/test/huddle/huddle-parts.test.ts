import { describe, expect, it } from 'vitest';
import { huddlePeriods } from '../../src/huddle/huddle-period.ts';
import { changeVerdict } from '../../src/huddle/huddle-report.ts';
import { escapeMarkdown, signed } from '../../src/huddle/markdown-text.ts';

describe('huddle periods', () => {
  it.each([
    { now: '2026-03-02T09:00:00Z', days: 7, tz: 'UTC', current: ['2026-02-24T00:00:00+00:00', '2026-03-03T00:00:00+00:00'], previous: ['2026-02-17T00:00:00+00:00', '2026-02-24T00:00:00+00:00'] },
    { now: '2026-03-29T06:00:00Z', days: 7, tz: 'Europe/Amsterdam', current: ['2026-03-23T00:00:00+01:00', '2026-03-30T00:00:00+02:00'], previous: ['2026-03-16T00:00:00+01:00', '2026-03-23T00:00:00+01:00'] },
    { now: '2026-03-01T20:00:00Z', days: 1, tz: 'Asia/Kathmandu', current: ['2026-03-02T00:00:00+05:45', '2026-03-03T00:00:00+05:45'], previous: ['2026-03-01T00:00:00+05:45', '2026-03-02T00:00:00+05:45'] },
    { now: '2026-03-02T02:00:00Z', days: 1, tz: 'America/St_Johns', current: ['2026-03-01T00:00:00-03:30', '2026-03-02T00:00:00-03:30'], previous: ['2026-02-28T00:00:00-03:30', '2026-03-01T00:00:00-03:30'] },
  ])('the last $days days up to and including $now in $tz', ({ now, days, tz, current, previous }) => {
    const periods = huddlePeriods(Date.parse(now), days, tz);
    expect([periods.current.fromLocal, periods.current.toLocal]).toEqual(current);
    expect([periods.previous.fromLocal, periods.previous.toLocal]).toEqual(previous);
    expect(periods.previous.to).toBe(periods.current.from);
  });
});

describe('Markdown text', () => {
  it.each([
    ['plain words', 'plain words'],
    ['**bold** _it_ `code`', '\\*\\*bold\\*\\* \\_it\\_ \\`code\\`'],
    ['[click](https://evil.example)', '\\[click\\](https://evil.example)'],
    ['- not a list', '\\- not a list'],
    ['1. not a list', '\\1. not a list'],
    ['fine. 3 - 2 = 1!', 'fine. 3 - 2 = 1!'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['line one\n# heading\n> quote', 'line one \\# heading \\> quote'],
    ['@here @channel look', '@\u2060here @\u2060channel look'],
    ['| a | b |', '\\| a \\| b \\|'],
  ])('escapes %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('bounds length', () => {
    expect(escapeMarkdown('word '.repeat(100), 20)).toBe('word word word word…');
  });

  it.each([[12.5, '+12.5'], [-3, '−3.0'], [0, '0.0']])('signs %d as %s', (value, text) => {
    expect(signed(value)).toBe(text);
  });

  it.each([
    [{ difference: null, significant: false }, 'not enough data'],
    [{ difference: 20, significant: false }, 'no significant change'],
    [{ difference: 20, significant: true }, 'up'],
    [{ difference: -20, significant: true }, 'down'],
  ] as const)('calls %j %s', (change, verdict) => {
    expect(changeVerdict(change)).toBe(verdict);
  });
});
