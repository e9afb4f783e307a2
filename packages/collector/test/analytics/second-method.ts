/**
 * The statistics again, written from their textbook formulas by a different route than core takes (core uses
 * the regularised incomplete beta and its own quantile search): the tests check the API against these.
 */

/** Standard normal upper-tail probability by Simpson's rule on the density (not an erf approximation). */
export function normalTwoSidedP(z: number): number {
  const density = (x: number) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
  return 2 * (0.5 - simpson(density, 0, Math.abs(z), 4000));
}

function simpson(f: (x: number) => number, from: number, to: number, steps: number): number {
  const h = (to - from) / steps;
  let sum = f(from) + f(to);
  for (let i = 1; i < steps; i++) sum += f(from + i * h) * (i % 2 ? 4 : 2);
  return (sum * h) / 3;
}

/**
 * Two-sided p of Student's t with ν degrees of freedom (any real ν > 0): with x = √ν·tan θ the density is
 * proportional to cos^(ν−1) θ on [0, π/2), so p = ∫_θ0^{π/2} cos^(ν−1) / ∫_0^{π/2} cos^(ν−1), θ0 = atan(|t|/√ν).
 */
export function studentTwoSidedP(t: number, degreesOfFreedom: number): number {
  const kernel = (theta: number) => Math.cos(theta) ** (degreesOfFreedom - 1);
  const theta0 = Math.atan(Math.abs(t) / Math.sqrt(degreesOfFreedom));
  return simpson(kernel, theta0, Math.PI / 2, 20_000) / simpson(kernel, 0, Math.PI / 2, 20_000);
}

/** The t with two-sided p = 0.05 (the 97.5% quantile), by bisection on `studentTwoSidedP`. */
export function studentQuantile975(degreesOfFreedom: number): number {
  let low = 0;
  let high = 100;
  for (let i = 0; i < 80; i++) {
    const middle = (low + high) / 2;
    if (studentTwoSidedP(middle, degreesOfFreedom) > 0.05) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

const Z975 = 1.959963984540054;

/** Wilson score interval of `successes` of `n` (Wilson 1927), in percent. */
export function wilsonPercent(successes: number, n: number): { low: number; high: number } {
  const share = successes / n;
  const centre = (share + Z975 ** 2 / (2 * n)) / (1 + Z975 ** 2 / n);
  const half = (Z975 * Math.sqrt(share * (1 - share) / n + Z975 ** 2 / (4 * n * n))) / (1 + Z975 ** 2 / n);
  return { low: 100 * (centre - half), high: 100 * (centre + half) };
}

/** Mean, sample variance and n of a list of answers. */
export function sample(values: readonly number[]): { n: number; mean: number; variance: number } {
  const n = values.length;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
  return { n, mean, variance };
}

/** Student-t 95% interval of the mean of the answers. */
export function meanInterval(values: readonly number[]): { low: number; high: number } {
  const { n, mean, variance } = sample(values);
  const margin = studentQuantile975(n - 1) * Math.sqrt(variance / n);
  return { low: mean - margin, high: mean + margin };
}

/** Pooled two-proportion z-test: two-sided p of b's share against a's. */
export function twoProportionP(successesA: number, nA: number, successesB: number, nB: number): number {
  const pooled = (successesA + successesB) / (nA + nB);
  const z = (successesB / nB - successesA / nA) / Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
  return normalTwoSidedP(z);
}

/** Welch's t-test of b's mean against a's: t, Welch–Satterthwaite degrees of freedom, two-sided p. */
export function welch(a: readonly number[], b: readonly number[]): { t: number; degreesOfFreedom: number; p: number } {
  const sa = sample(a);
  const sb = sample(b);
  const ea = sa.variance / sa.n;
  const eb = sb.variance / sb.n;
  const t = (sb.mean - sa.mean) / Math.sqrt(ea + eb);
  const degreesOfFreedom = (ea + eb) ** 2 / (ea ** 2 / (sa.n - 1) + eb ** 2 / (sb.n - 1));
  return { t, degreesOfFreedom, p: studentTwoSidedP(t, degreesOfFreedom) };
}

/** Benjamini–Hochberg q-values by the definition: q(i) = min over p(j) ≥ p(i) of p(j)·m / rank(j). */
export function benjaminiHochbergByDefinition(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const ranked = [...pValues].sort((a, b) => a - b);
  return pValues.map((p) => Math.min(1, ...ranked.map((other, index) => (other >= p ? (other * m) / (index + 1) : Infinity))));
}

/** n copies of a score (answers for a distribution). */
export function repeat(score: number, times: number): number[] {
  return Array.from({ length: times }, () => score);
}
