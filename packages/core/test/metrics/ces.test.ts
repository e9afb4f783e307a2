import { describe, expect, it } from 'vitest';
import { cesFigure, compareCes, summaryFromValues, welchTTest } from '../../src/index.js';

/** The answers behind a 1–7 distribution, one number per answer: the second method the figures are checked by. */
function answersOf(distribution: number[]): number[] {
  return distribution.flatMap((count, index) => Array(count).fill(index + 1));
}

describe('cesFigure', () => {
  it('is the mean with its Student-t interval (table t for df 10 = 2.228), the % of 5–7 and the groups', () => {
    const distribution = [0, 0, 1, 2, 3, 2, 3];
    const { n, mean, variance } = summaryFromValues(answersOf(distribution));
    const margin = 2.228 * Math.sqrt(variance / n);
    const figure = cesFigure(distribution);
    expect(figure).toEqual({
      metric: 'ces',
      n: 11,
      score: 5.36,
      interval: { low: expect.closeTo(mean - margin, 2), high: expect.closeTo(mean + margin, 2), level: 0.95, method: 'student-t' },
      distribution,
      mean: 5.36,
      agree: { count: 8, percent: 72.7 },
      neutral: { count: 2, percent: 18.2 },
      disagree: { count: 1, percent: 9.1 },
    });
    expect(figure.interval).toMatchObject({ low: 4.45, high: 6.28 });
  });

  it('matches a second computation on a larger sample (df 84)', () => {
    const distribution = [2, 3, 5, 10, 20, 30, 15];
    expect(cesFigure(distribution)).toMatchObject({ n: 85, score: 5.27, interval: { low: 4.96, high: 5.58 }, agree: { count: 65, percent: 76.5 } });
  });

  it('keeps the interval on the 1–7 scale', () => {
    expect(cesFigure([0, 0, 0, 0, 0, 1, 9]).interval).toMatchObject({ high: 7 });
    expect(cesFigure([9, 1, 0, 0, 0, 0, 0]).interval).toMatchObject({ low: 1 });
  });

  it('has a mean but no interval with one answer, and nothing without answers', () => {
    expect(cesFigure([0, 0, 0, 0, 1, 0, 0])).toMatchObject({ n: 1, score: 5, mean: 5, interval: null });
    expect(cesFigure([0, 0, 0, 0, 0, 0, 0])).toMatchObject({ n: 0, score: null, mean: null, interval: null });
  });
});

describe("compareCes (Welch's t-test on the means)", () => {
  it('agrees with Welch computed from the individual answers', () => {
    const before = [2, 3, 5, 10, 20, 30, 15];
    const after = [1, 1, 3, 6, 15, 35, 25];
    const direct = welchTTest(summaryFromValues(answersOf(before)), summaryFromValues(answersOf(after)));
    expect(compareCes(before, after)).toEqual({
      difference: 0.5,
      t: Math.round((direct?.t ?? 0) * 1000) / 1000,
      degreesOfFreedom: Math.round((direct?.degreesOfFreedom ?? 0) * 100) / 100,
      p: Math.round((direct?.p ?? 0) * 10000) / 10000,
      significant: true,
    });
    // The same figures from a standard statistics package: t = 2.435, df = 164.32, p = 0.0159.
    expect(compareCes(before, after)).toMatchObject({ t: 2.435, degreesOfFreedom: 164.32, p: 0.0159 });
  });

  it('is not significant for a small change on few answers', () => {
    expect(compareCes([0, 0, 1, 2, 3, 2, 3], [0, 0, 1, 1, 3, 3, 3])).toMatchObject({ significant: false });
  });

  it('gives the difference but no test below two answers a side or without any variation', () => {
    expect(compareCes([0, 0, 0, 1, 0, 0, 0], [0, 0, 0, 0, 2, 3, 0])).toEqual({ difference: 1.6, t: null, degreesOfFreedom: null, p: null, significant: false });
    expect(compareCes([0, 0, 0, 4, 0, 0, 0], [0, 0, 0, 0, 0, 0, 5])).toEqual({ difference: 3, t: null, degreesOfFreedom: null, p: null, significant: false });
    expect(compareCes(Array(7).fill(0), [0, 0, 0, 0, 2, 3, 0]).difference).toBeNull();
  });
});
