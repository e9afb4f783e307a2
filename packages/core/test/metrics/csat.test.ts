import { describe, expect, it } from 'vitest';
import { compareCsat, csatFigure } from '../../src/index.js';

/** The answers behind a 1–5 distribution, one number per answer: the second method the figures are checked by. */
function answersOf(distribution: number[]): number[] {
  return distribution.flatMap((count, index) => Array(count).fill(index + 1));
}

describe('csatFigure', () => {
  it('is the % of 4–5 with its Wilson interval, the mean and the three groups', () => {
    const distribution = [10, 12, 20, 80, 90];
    const answers = answersOf(distribution);
    const satisfied = answers.filter((score) => score >= 4).length;
    expect(csatFigure(distribution)).toEqual({
      metric: 'csat',
      n: 212,
      score: Math.round((satisfied / answers.length) * 1000) / 10,
      interval: { low: expect.any(Number), high: expect.any(Number), level: 0.95, method: 'wilson' },
      distribution,
      mean: Math.round((answers.reduce((sum, score) => sum + score, 0) / answers.length) * 100) / 100,
      satisfied: { count: 170, percent: 80.2 },
      neutral: { count: 20, percent: 9.4 },
      dissatisfied: { count: 22, percent: 10.4 },
    });
    expect(csatFigure(distribution).score).toBe(80.2);
    expect(csatFigure(distribution).mean).toBe(4.08);
  });

  it.each([
    // Newcombe (1998) Table II, method 3, as CSAT percentages: the satisfied count is x of n.
    [[100, 82, 0, 40, 41], 25.5, 36.6],
    [[133, 0, 0, 15, 0], 6.2, 16], // 0.16049 → 16.0,
    [[20, 0, 0, 0, 0], 0, 16.1],
    [[0, 0, 28, 0, 1], 0.6, 17.2],
  ])('%j has the Wilson interval [%d, %d] of Newcombe 1998', (distribution, low, high) => {
    expect(csatFigure(distribution).interval).toMatchObject({ low, high });
  });

  it('keeps the interval inside 0–100 when everyone is satisfied', () => {
    expect(csatFigure([0, 0, 0, 3, 26]).interval).toMatchObject({ low: 88.3, high: 100 });
  });

  it('has no score, interval or mean without answers', () => {
    expect(csatFigure([0, 0, 0, 0, 0])).toMatchObject({ n: 0, score: null, interval: null, mean: null, satisfied: { count: 0, percent: 0 } });
  });

  it('refuses a distribution that is not 1–5', () => {
    expect(() => csatFigure([1, 2, 3])).toThrow(RangeError);
  });
});

describe('compareCsat (two-proportion z-test on the satisfied share)', () => {
  it('reproduces OpenStax (20/200 vs 12/200): p-value = 0.1404, not significant', () => {
    // Satisfied 20 of 200 against 12 of 200.
    expect(compareCsat([180, 0, 0, 0, 20], [188, 0, 0, 0, 12])).toEqual({ difference: -4, z: -1.474, p: 0.1404, significant: false });
  });

  it('calls a large change significant, and is antisymmetric', () => {
    const before = [20, 20, 30, 70, 60];
    const after = [10, 10, 20, 80, 80];
    const forward = compareCsat(before, after);
    expect(forward).toMatchObject({ difference: 15, significant: true });
    const backward = compareCsat(after, before);
    expect(backward).toEqual({ difference: -15, z: -(forward.z as number), p: forward.p, significant: true });
  });

  it('cannot compare an empty side', () => {
    expect(compareCsat([0, 0, 0, 0, 0], [1, 0, 0, 0, 1])).toEqual({ difference: null, z: null, p: null, significant: false });
  });
});
