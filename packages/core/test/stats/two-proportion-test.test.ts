import { describe, expect, it } from 'vitest';
import { twoProportionZTest } from '../../src/index.js';

describe('twoProportionZTest (pooled)', () => {
  it('reproduces OpenStax Introductory Statistics (hives, 20/200 vs 12/200): p-value = 0.1404', () => {
    const test = twoProportionZTest(20, 200, 12, 200);
    expect(test?.p).toBeCloseTo(0.1404, 4);
    expect(test?.z).toBeCloseTo(-1.474, 3);
  });

  it('agrees with R prop.test(c(40, 200), c(200, 800), correct = FALSE): X-squared = 2.193, p = 0.1386', () => {
    // Second method: without continuity correction the 2×2 chi-squared statistic is z².
    const test = twoProportionZTest(40, 200, 200, 800);
    expect((test?.z ?? 0) ** 2).toBeCloseTo(2.193, 3);
    expect(test?.p).toBeCloseTo(0.1386, 4);
  });

  it('equals the chi-squared statistic of the 2×2 table computed from expected counts', () => {
    const [successesA, nA, successesB, nB] = [37, 90, 61, 110];
    const observed = [successesA, nA - successesA, successesB, nB - successesB];
    const total = nA + nB;
    const successes = successesA + successesB;
    const expected = [nA * successes / total, nA * (total - successes) / total, nB * successes / total, nB * (total - successes) / total];
    const chiSquared = observed.reduce((sum, count, index) => sum + (count - expected[index]) ** 2 / expected[index], 0);
    expect((twoProportionZTest(successesA, nA, successesB, nB)?.z ?? 0) ** 2).toBeCloseTo(chiSquared, 10);
  });

  it('calls identical all-or-nothing sides equal and an empty side untestable', () => {
    expect(twoProportionZTest(10, 10, 20, 20)).toEqual({ z: 0, p: 1 });
    expect(twoProportionZTest(0, 10, 0, 20)).toEqual({ z: 0, p: 1 });
    expect(twoProportionZTest(0, 0, 3, 5)).toBeNull();
  });
});
