/** The result of correcting a list of p-values for multiple comparisons. */
export interface MultipleComparisonCorrection {
  method: 'benjamini-hochberg';
  /** The false discovery rate controlled, e.g. 0.05. */
  alpha: number;
  /** How many p-values took part (nulls do not count). */
  tests: number;
  /** Adjusted p-values (q-values), in the input's order; null where the input was null. */
  qValues: (number | null)[];
  /** q ≤ alpha, in the input's order. */
  significant: boolean[];
}

/**
 * Benjamini–Hochberg (1995) step-up correction: q(i) = min over j ≥ i of p(j)·m/j on the sorted
 * p-values, capped at 1. Rows with q ≤ alpha are significant with the false discovery rate at alpha.
 * Nulls (rows that were not tested) are kept in place and do not count in m.
 */
export function benjaminiHochberg(pValues: readonly (number | null)[], alpha = 0.05): MultipleComparisonCorrection {
  const tested = pValues
    .map((p, index) => ({ p, index }))
    .filter((entry): entry is { p: number; index: number } => entry.p !== null);
  for (const { p } of tested) if (!(p >= 0 && p <= 1)) throw new RangeError(`p-values must be from 0 to 1, got ${p}`);
  const ascending = [...tested].sort((left, right) => left.p - right.p);
  const qValues: (number | null)[] = pValues.map(() => null);
  let runningMinimum = 1;
  for (let rank = ascending.length; rank >= 1; rank--) {
    const entry = ascending[rank - 1];
    runningMinimum = Math.min(runningMinimum, (entry.p * ascending.length) / rank);
    qValues[entry.index] = runningMinimum;
  }
  return {
    method: 'benjamini-hochberg',
    alpha,
    tests: tested.length,
    qValues,
    significant: qValues.map((q) => q !== null && q <= alpha),
  };
}
