import { describe, expect, it } from 'vitest';
import { beforeAfter, effectWindows, themeShare } from '../../src/actions/before-after.ts';

const DAY = 86_400_000;

describe('before and after, pure', () => {
  it.each([
    ['a whole after window', 70, 58],
    ['cut at now while it runs', 45, 45],
    ['empty when done this instant', 30, 30],
  ])('effectWindows: %s', (_, nowDay, afterEndDay) => {
    const windows = effectWindows({ createdAt: 10 * DAY, doneAt: 30 * DAY }, 28, nowDay * DAY);
    expect(windows.before).toEqual({ from: -18 * DAY, to: 10 * DAY });
    expect(windows.after).toEqual({ from: 30 * DAY, to: afterEndDay * DAY });
  });

  it('themeShare: percent with Wilson\'s interval in percent, nothing without answers', () => {
    expect(themeShare(0, 0)).toEqual({ n: 0, mentions: 0, percent: null, interval: null });
    // Wilson for 8 of 24: 0.1797 to 0.5329 (Newcombe 1998, method 3).
    expect(themeShare(8, 24)).toEqual({ n: 24, mentions: 8, percent: 33.3, interval: { low: 18, high: 53.3, level: 0.95, method: 'wilson' } });
  });

  it('beforeAfter: no test where a side has no answers, and the correction counts only the tests made', () => {
    const result = beforeAfter([
      { subject: 'theme', theme: 'slow delivery', touchpoint: null, before: { mentions: 3, n: 10 }, after: { mentions: 0, n: 0 } },
      { subject: 'touchpoint', touchpoint: 'checkout', metric: 'csat', before: [5, 5, 0, 0, 0], after: [0, 0, 0, 5, 5] },
    ]);
    expect(result.multipleComparisons).toEqual({ method: 'benjamini-hochberg', alpha: 0.05, tests: 1 });
    expect(result.effects[0].change).toEqual({ difference: null, test: 'two-proportion-z', p: null, q: null, significant: false });
    expect(result.effects[1]).toMatchObject({ subject: 'touchpoint', before: { n: 10, score: 0 }, after: { n: 10, score: 100 }, change: { test: 'two-proportion-z', significant: true } });
  });
});
