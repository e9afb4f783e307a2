/** Flags which rows of a list changed significantly, corrected for the number of rows compared (Benjamini–Hochberg). */
import { benjaminiHochberg, compareMetric, type Metric } from '@npsloop/core';

/** The false discovery rate the lists are held to. */
export const LIST_ALPHA = 0.05;

/** How one row moved against its comparison: the difference (after − before, in the score's unit), its raw p and the BH-adjusted q. */
export interface RowChange {
  difference: number | null;
  p: number | null;
  /** p adjusted over every row of the list (Benjamini–Hochberg); significant when q ≤ alpha. */
  q: number | null;
  significant: boolean;
}

/** What a list says about its correction, so a reader knows "significant" is over all its rows. */
export interface MultipleComparisons {
  method: 'benjamini-hochberg';
  /** The false discovery rate controlled. */
  alpha: number;
  /** Rows that had a test (both sides with enough answers). */
  tests: number;
}

/**
 * Tests each row's `after` distribution against its `before` with the metric's own test, then corrects the
 * p-values over all rows together, so twenty touchpoints do not yield one "significant" change by chance.
 * A null pair (nothing to compare with) gives a null change and takes no part in the correction.
 */
export function flagChanges(
  metric: Metric, pairs: readonly ({ before: readonly number[]; after: readonly number[] } | null)[], alpha = LIST_ALPHA,
): { changes: (RowChange | null)[]; multipleComparisons: MultipleComparisons } {
  return flagMixedChanges(pairs.map((pair) => pair && { metric, ...pair }), alpha);
}

/** As `flagChanges`, for a list whose rows measure different metrics (a journey): each row its metric's test, one correction. */
export function flagMixedChanges(
  pairs: readonly ({ metric: Metric; before: readonly number[]; after: readonly number[] } | null)[], alpha = LIST_ALPHA,
): { changes: (RowChange | null)[]; multipleComparisons: MultipleComparisons } {
  const tests = pairs.map((pair) => pair && compareMetric(pair.metric, pair.before, pair.after, alpha));
  const correction = benjaminiHochberg(tests.map((test) => test?.p ?? null), alpha);
  const changes = tests.map((test, index) => test && {
    difference: test.difference,
    p: test.p,
    q: correction.qValues[index] === null ? null : Math.round(correction.qValues[index]! * 10_000) / 10_000,
    significant: correction.significant[index],
  });
  return { changes, multipleComparisons: { method: correction.method, alpha, tests: correction.tests } };
}
