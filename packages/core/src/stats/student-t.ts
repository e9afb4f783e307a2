import { logGamma, regularizedIncompleteBeta } from './incomplete-beta.js';

function checkDegreesOfFreedom(degreesOfFreedom: number): void {
  if (!(degreesOfFreedom > 0) || !Number.isFinite(degreesOfFreedom)) {
    throw new RangeError(`degrees of freedom must be a positive finite number, got ${degreesOfFreedom}`);
  }
}

/** P(T > t) for Student's t with the given (possibly fractional) degrees of freedom. */
export function studentTUpperTail(t: number, degreesOfFreedom: number): number {
  checkDegreesOfFreedom(degreesOfFreedom);
  if (Number.isNaN(t)) return Number.NaN;
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  // P(|T| > |t|) = I_{ν/(ν+t²)}(ν/2, 1/2).
  const bothTails = regularizedIncompleteBeta(degreesOfFreedom / (degreesOfFreedom + t * t), degreesOfFreedom / 2, 0.5);
  return t >= 0 ? bothTails / 2 : 1 - bothTails / 2;
}

/** P(T ≤ t), the cumulative distribution function of Student's t. */
export function studentTCdf(t: number, degreesOfFreedom: number): number {
  return 1 - studentTUpperTail(t, degreesOfFreedom);
}

/** Two-sided p-value of a t statistic: P(|T| ≥ |t|). */
export function studentTTwoSidedP(t: number, degreesOfFreedom: number): number {
  if (Number.isNaN(t)) return 1;
  return Math.min(1, 2 * studentTUpperTail(Math.abs(t), degreesOfFreedom));
}

/** Density of Student's t. */
export function studentTDensity(t: number, degreesOfFreedom: number): number {
  checkDegreesOfFreedom(degreesOfFreedom);
  const logNormaliser = logGamma((degreesOfFreedom + 1) / 2) - logGamma(degreesOfFreedom / 2) - 0.5 * Math.log(degreesOfFreedom * Math.PI);
  return Math.exp(logNormaliser - ((degreesOfFreedom + 1) / 2) * Math.log1p((t * t) / degreesOfFreedom));
}

/**
 * The quantile t_p of Student's t (e.g. p = 0.975 gives the 95% two-sided critical value):
 * the root of P(T > t) = 1 − p, bracketed and then found by Newton steps that fall back to bisection.
 */
export function studentTQuantile(probability: number, degreesOfFreedom: number): number {
  checkDegreesOfFreedom(degreesOfFreedom);
  if (!(probability > 0 && probability < 1)) throw new RangeError(`probability must be strictly between 0 and 1, got ${probability}`);
  if (probability === 0.5) return 0;
  if (probability < 0.5) return -studentTQuantile(1 - probability, degreesOfFreedom);
  const upperTail = 1 - probability;
  let low = 0;
  let high = 1;
  while (studentTUpperTail(high, degreesOfFreedom) > upperTail) {
    low = high;
    high *= 2;
  }
  let t = (low + high) / 2;
  for (let step = 0; step < 200; step++) {
    const excess = studentTUpperTail(t, degreesOfFreedom) - upperTail;
    if (excess > 0) low = t;
    else high = t;
    // The tail falls as t grows, so Newton's step is t + excess / density.
    const newton = t + excess / studentTDensity(t, degreesOfFreedom);
    const next = newton > low && newton < high ? newton : (low + high) / 2;
    if (Math.abs(next - t) <= 1e-13 * Math.max(1, Math.abs(t))) return next;
    t = next;
  }
  return t;
}
