import type { SampleSummary } from './sample-summary.js';
import { studentTTwoSidedP } from './student-t.js';

/** Welch's t statistic, its Welch–Satterthwaite degrees of freedom and the two-sided p-value. */
export interface WelchTest {
  t: number;
  degreesOfFreedom: number;
  p: number;
}

/**
 * Welch's unequal-variances t-test of mean b against mean a: t = (x̄b − x̄a) / √(sa²/na + sb²/nb),
 * ν = (sa²/na + sb²/nb)² / ((sa²/na)²/(na − 1) + (sb²/nb)²/(nb − 1)).
 * Null when a side has fewer than two answers or neither side varies (no variance to test against).
 */
export function welchTTest(a: SampleSummary, b: SampleSummary): WelchTest | null {
  if (a.n < 2 || b.n < 2) return null;
  const varianceOfMeanA = a.variance / a.n;
  const varianceOfMeanB = b.variance / b.n;
  const varianceOfDifference = varianceOfMeanA + varianceOfMeanB;
  if (!(varianceOfDifference > 0)) return null;
  const t = (b.mean - a.mean) / Math.sqrt(varianceOfDifference);
  const degreesOfFreedom = varianceOfDifference ** 2 / (varianceOfMeanA ** 2 / (a.n - 1) + varianceOfMeanB ** 2 / (b.n - 1));
  return { t, degreesOfFreedom, p: studentTTwoSidedP(t, degreesOfFreedom) };
}
