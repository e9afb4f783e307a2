import { twoSidedP } from '../normal.js';

/** The pooled two-proportion z-test's statistic and two-sided p-value. */
export interface TwoProportionTest {
  z: number;
  p: number;
}

/**
 * Pooled two-proportion z-test of successesB/nB against successesA/nA:
 * z = (p̂b − p̂a) / √(p̂(1 − p̂)(1/na + 1/nb)) with the pooled share p̂. Null when a side is empty.
 */
export function twoProportionZTest(successesA: number, nA: number, successesB: number, nB: number): TwoProportionTest | null {
  if (!(nA > 0) || !(nB > 0)) return null;
  const pooled = (successesA + successesB) / (nA + nB);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
  // A pooled share of 0 or 1 means both sides are all one way: no difference at all.
  if (standardError === 0) return { z: 0, p: 1 };
  const z = (successesB / nB - successesA / nA) / standardError;
  return { z, p: twoSidedP(z) };
}
