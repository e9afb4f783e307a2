import type { GroupShare } from '../nps.js';
import { roundTwoDecimals } from '../rounding.js';
import { summaryFromDistribution } from '../stats/sample-summary.js';
import { studentTQuantile } from '../stats/student-t.js';
import { welchTTest } from '../stats/welch-test.js';
import { countBetween, groupShare, type FigureBase, type ScoreInterval } from './figure-shape.js';
import { assertDistribution, METRIC_SCALES } from './metric-scales.js';

/** CES: the mean answer on 1–7 with its Student-t interval, and the share that agrees (5–7). */
export interface CesFigure extends FigureBase<'ces'> {
  /** The mean answer (two decimals); null without answers. */
  score: number | null;
  /** Null below two answers (no variance to estimate). */
  interval: (ScoreInterval & { method: 'student-t' }) | null;
  /** The same as `score`, named for what it is. */
  mean: number | null;
  agree: GroupShare;
  neutral: GroupShare;
  disagree: GroupShare;
}

/** The result of comparing two CES means with Welch's t-test. */
export interface CesComparison {
  /** Mean b − mean a in scale points (two decimals). */
  difference: number | null;
  t: number | null;
  /** Welch–Satterthwaite degrees of freedom (two decimals). */
  degreesOfFreedom: number | null;
  p: number | null;
  significant: boolean;
}

/** The CES figure of a 1–7 distribution (counts for 1 … 7). */
export function cesFigure(distribution: readonly number[]): CesFigure {
  assertDistribution('ces', distribution);
  const { n, mean, variance } = summaryFromDistribution(distribution, 1);
  const { lowest, highest } = METRIC_SCALES.ces;
  const margin = n < 2 ? null : studentTQuantile(0.975, n - 1) * Math.sqrt(variance / n);
  return {
    metric: 'ces',
    n,
    score: n === 0 ? null : roundTwoDecimals(mean),
    interval: margin === null ? null : {
      low: roundTwoDecimals(Math.max(lowest, mean - margin)),
      high: roundTwoDecimals(Math.min(highest, mean + margin)),
      level: 0.95,
      method: 'student-t',
    },
    distribution: [...distribution],
    mean: n === 0 ? null : roundTwoDecimals(mean),
    agree: groupShare(countBetween(distribution, 4, 6), n),
    neutral: groupShare(distribution[3], n),
    disagree: groupShare(countBetween(distribution, 0, 2), n),
  };
}

/**
 * Welch's t-test of b's mean against a's; the difference is b − a (null when a side is empty).
 * Not testable (t, p null; not significant) when a side has fewer than two answers or no answer
 * varies on either side.
 */
export function compareCes(a: readonly number[], b: readonly number[], alpha = 0.05): CesComparison {
  assertDistribution('ces', a);
  assertDistribution('ces', b);
  const summaryA = summaryFromDistribution(a, 1);
  const summaryB = summaryFromDistribution(b, 1);
  const difference = summaryA.n === 0 || summaryB.n === 0 ? null : roundTwoDecimals(summaryB.mean - summaryA.mean);
  const test = welchTTest(summaryA, summaryB);
  if (test === null) return { difference, t: null, degreesOfFreedom: null, p: null, significant: false };
  return {
    difference,
    t: Math.round(test.t * 1000) / 1000 || 0,
    degreesOfFreedom: roundTwoDecimals(test.degreesOfFreedom),
    p: Math.round(test.p * 10000) / 10000,
    significant: test.p < alpha,
  };
}
