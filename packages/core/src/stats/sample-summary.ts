/** A sample's size, mean and unbiased (n − 1) variance. */
export interface SampleSummary {
  n: number;
  mean: number;
  variance: number;
}

/**
 * Summarises a sample given as counts per scale point, lowest first (`lowestPoint` is the
 * first point's value); mean NaN when empty, variance NaN below two answers.
 */
export function summaryFromDistribution(distribution: readonly number[], lowestPoint: number): SampleSummary {
  let n = 0;
  let total = 0;
  distribution.forEach((count, index) => {
    n += count;
    total += count * (lowestPoint + index);
  });
  const mean = n === 0 ? Number.NaN : total / n;
  let squaredDeviations = 0;
  distribution.forEach((count, index) => {
    squaredDeviations += count * (lowestPoint + index - mean) ** 2;
  });
  return { n, mean, variance: n < 2 ? Number.NaN : squaredDeviations / (n - 1) };
}

/** Summarises a list of values (for tests and raw samples). */
export function summaryFromValues(values: readonly number[]): SampleSummary {
  const n = values.length;
  const mean = n === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / n;
  const squaredDeviations = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return { n, mean, variance: n < 2 ? Number.NaN : squaredDeviations / (n - 1) };
}
