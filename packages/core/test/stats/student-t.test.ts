import { describe, expect, it } from 'vitest';
import { logGamma, regularizedIncompleteBeta, studentTCdf, studentTQuantile, studentTTwoSidedP, Z_95 } from '../../src/index.js';

describe('studentTQuantile against a standard t table', () => {
  // Critical values as printed in standard t tables (three decimals), one-tailed 0.05, 0.025 and 0.005.
  it.each([
    [1, 6.314, 12.706, 63.657],
    [2, 2.920, 4.303, 9.925],
    [5, 2.015, 2.571, 4.032],
    [10, 1.812, 2.228, 3.169],
    [30, 1.697, 2.042, 2.750],
    [100, 1.660, 1.984, 2.626],
  ])('df %d: t.95 = %d, t.975 = %d, t.995 = %d', (degreesOfFreedom, t95, t975, t995) => {
    expect(studentTQuantile(0.95, degreesOfFreedom)).toBeCloseTo(t95, 3);
    expect(studentTQuantile(0.975, degreesOfFreedom)).toBeCloseTo(t975, 3);
    expect(studentTQuantile(0.995, degreesOfFreedom)).toBeCloseTo(t995, 3);
  });

  it('matches the tables to more places where they give them (df 1, 2: exact closed forms)', () => {
    // df 1 is the Cauchy distribution: t_p = tan(π(p − ½)); df 2: t_p = (2p − 1)·√(2 / (4p(1 − p))).
    for (const p of [0.6, 0.9, 0.975, 0.999]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 9);
      expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) * Math.sqrt(2 / (4 * p * (1 - p))), 9);
    }
  });

  it('tends to the normal 1.96 as df grows', () => {
    expect(studentTQuantile(0.975, 1000)).toBeCloseTo(1.962, 3);
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(Z_95, 5);
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.96, 2);
  });

  it('works for fractional degrees of freedom (Welch) and is symmetric', () => {
    expect(studentTQuantile(0.975, 9.904741248650831)).toBeCloseTo(2.231047, 5);
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 12);
    expect(studentTQuantile(0.5, 3)).toBe(0);
  });

  it('refuses impossible arguments', () => {
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.975, 0)).toThrow(RangeError);
    expect(() => studentTQuantile(0.975, Number.NaN)).toThrow(RangeError);
  });
});

describe('studentTCdf and studentTTwoSidedP', () => {
  it('inverts the quantile', () => {
    for (const degreesOfFreedom of [1, 3.5, 12, 250]) {
      for (const p of [0.01, 0.3, 0.9, 0.995]) {
        expect(studentTCdf(studentTQuantile(p, degreesOfFreedom), degreesOfFreedom)).toBeCloseTo(p, 10);
      }
    }
  });

  it('gives two-sided p-values: 0.05 at the 97.5% quantile, 1 at zero, tiny far out', () => {
    expect(studentTTwoSidedP(2.228138851986274, 10)).toBeCloseTo(0.05, 10);
    expect(studentTTwoSidedP(-2.228138851986274, 10)).toBeCloseTo(0.05, 10);
    expect(studentTTwoSidedP(0, 4)).toBe(1);
    expect(studentTTwoSidedP(40, 3)).toBeCloseTo(3.438068e-5, 9);
  });
});

describe('the special functions underneath', () => {
  it('logGamma matches factorials and Γ(½) = √π', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 11);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });

  it.each([
    // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 − (1 − x)^b; I_0.5(2, 3) = 11/16.
    [0.3, 1, 1, 0.3],
    [0.4, 3, 1, 0.064],
    [0.2, 1, 4, 1 - 0.8 ** 4],
    [0.5, 2, 3, 0.6875],
    [0, 2, 3, 0],
    [1, 2, 3, 1],
  ])('I_%d(%d, %d) = %d', (x, a, b, expected) => {
    expect(regularizedIncompleteBeta(x, a, b)).toBeCloseTo(expected, 12);
  });
});
