import { describe, expect, it } from 'vitest';
import { summaryFromValues, welchTTest } from '../../src/index.js';

describe('welchTTest', () => {
  // The three worked examples of Welch's t-test on Wikipedia ("Welch's t-test", Examples), as published:
  // t to two decimals, ν to one, p to three (its rounding of 0.03548 to 0.036 is within a thousandth).
  it.each([
    {
      example: 1,
      a: [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4],
      b: [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4],
      t: 2.46, degreesOfFreedom: 25.0, p: 0.021,
    },
    {
      example: 2,
      a: [17.2, 20.9, 22.6, 18.1, 21.7, 21.4, 23.5, 24.2, 14.7, 21.8],
      b: [21.5, 22.8, 21.0, 23.0, 21.6, 23.6, 22.5, 20.7, 23.4, 21.8, 20.7, 21.7, 21.5, 22.5, 23.6, 21.5, 22.5, 23.5, 21.5, 21.8],
      t: 1.57, degreesOfFreedom: 9.9, p: 0.149,
    },
    {
      example: 3,
      a: [19.8, 20.4, 19.6, 17.8, 18.5, 18.9, 18.3, 18.9, 19.5, 22.0],
      b: [28.2, 26.6, 20.1, 23.3, 25.2, 22.1, 17.7, 27.6, 20.6, 13.7, 23.2, 17.5, 20.6, 18.0, 23.9, 21.6, 24.3, 20.4, 23.9, 13.3],
      t: 2.22, degreesOfFreedom: 24.5, p: 0.036,
    },
  ])('Wikipedia example $example: t = $t (b − a), ν = $degreesOfFreedom, p = $p', ({ a, b, t, degreesOfFreedom, p }) => {
    const test = welchTTest(summaryFromValues(a), summaryFromValues(b));
    expect(Math.abs((test?.t ?? 0) - t)).toBeLessThan(0.01);
    expect(Math.abs((test?.degreesOfFreedom ?? 0) - degreesOfFreedom)).toBeLessThan(0.05);
    expect(Math.abs((test?.p ?? 0) - p)).toBeLessThanOrEqual(0.001);
  });

  it("agrees with R's t.test(girls, boys): t = 1.6482, df = 9.7633, p-value = 0.1311", () => {
    const girls = summaryFromValues([9, 8, 3, 8, 10]);
    const boys = summaryFromValues([11, 1, 2, 6, 4, 3, 6]);
    const test = welchTTest(boys, girls);
    expect(test?.t).toBeCloseTo(1.6482, 4);
    expect(test?.degreesOfFreedom).toBeCloseTo(9.7633, 4);
    expect(test?.p).toBeCloseTo(0.1311, 4);
  });

  it("agrees with Minitab's Welch two-sample T from summaries (n 50, 100.0, 27.5 vs n 60, 108.1, 24.3): T = −1.62, P = 0.108, DF = 98", () => {
    const test = welchTTest({ n: 60, mean: 108.1, variance: 24.3 ** 2 }, { n: 50, mean: 100.0, variance: 27.5 ** 2 });
    expect(test?.t).toBeCloseTo(-1.62, 2);
    expect(test?.p).toBeCloseTo(0.108, 3);
    expect(Math.floor(test?.degreesOfFreedom ?? 0)).toBe(98);
  });

  it('cannot test with fewer than two answers a side or no variation at all', () => {
    expect(welchTTest(summaryFromValues([3]), summaryFromValues([4, 5]))).toBeNull();
    expect(welchTTest(summaryFromValues([4, 4]), summaryFromValues([6, 6, 6]))).toBeNull();
  });

  it('uses the varying side alone when the other does not vary', () => {
    const test = welchTTest(summaryFromValues([4, 4, 4]), summaryFromValues([5, 6, 7]));
    expect(test?.degreesOfFreedom).toBeCloseTo(2, 12);
    expect(test?.t).toBeCloseTo(2 / Math.sqrt(1 / 3), 12);
  });
});
