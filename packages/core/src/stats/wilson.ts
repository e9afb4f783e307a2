import { Z_95 } from '../normal.js';

/** A proportion's interval, as proportions from 0 to 1. */
export interface ProportionInterval {
  low: number;
  high: number;
}

/**
 * Wilson's score interval for `successes` out of `n` (Wilson 1927; Newcombe 1998, method 3),
 * without continuity correction; null when n = 0.
 */
export function wilsonInterval(successes: number, n: number, z = Z_95): ProportionInterval | null {
  if (!(n > 0)) return null;
  if (successes < 0 || successes > n) throw new RangeError(`successes must be from 0 to n (${n}), got ${successes}`);
  const share = successes / n;
  const zSquared = z * z;
  const denominator = 1 + zSquared / n;
  const centre = (share + zSquared / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((share * (1 - share)) / n + zSquared / (4 * n * n));
  // At 0 or n successes the formula meets the bound exactly; clamp away rounding noise.
  return { low: successes === 0 ? 0 : Math.max(0, centre - halfWidth), high: successes === n ? 1 : Math.min(1, centre + halfWidth) };
}
