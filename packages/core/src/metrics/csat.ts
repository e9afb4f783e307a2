import type { GroupShare } from '../nps.js';
import { roundOneDecimal, roundTwoDecimals } from '../rounding.js';
import { summaryFromDistribution } from '../stats/sample-summary.js';
import { twoProportionZTest } from '../stats/two-proportion-test.js';
import { wilsonInterval } from '../stats/wilson.js';
import { countBetween, groupShare, type FigureBase, type ScoreInterval } from './figure-shape.js';
import { assertDistribution } from './metric-scales.js';

/** CSAT: the share of satisfied answers (4–5 on 1–5) with its Wilson interval, and the mean. */
export interface CsatFigure extends FigureBase<'csat'> {
  /** % of answers 4–5 (one decimal); null without answers. */
  score: number | null;
  interval: (ScoreInterval & { method: 'wilson' }) | null;
  /** Mean answer on the 1–5 scale (two decimals); null without answers. */
  mean: number | null;
  satisfied: GroupShare;
  neutral: GroupShare;
  dissatisfied: GroupShare;
}

/** The result of comparing two CSAT figures' satisfied shares with the two-proportion z-test. */
export interface CsatComparison {
  /** b − a in percentage points (one decimal). */
  difference: number | null;
  z: number | null;
  p: number | null;
  significant: boolean;
}

/** Satisfied (4–5) answers and all answers of a 1–5 distribution. */
function satisfiedOf(distribution: readonly number[]): { satisfied: number; n: number } {
  assertDistribution('csat', distribution);
  return { satisfied: countBetween(distribution, 3, 4), n: countBetween(distribution, 0, 4) };
}

/** The CSAT figure of a 1–5 distribution (counts for 1, 2, 3, 4, 5). */
export function csatFigure(distribution: readonly number[]): CsatFigure {
  const { satisfied, n } = satisfiedOf(distribution);
  const interval = wilsonInterval(satisfied, n);
  const { mean } = summaryFromDistribution(distribution, 1);
  return {
    metric: 'csat',
    n,
    score: n === 0 ? null : roundOneDecimal((satisfied / n) * 100),
    interval: interval && {
      low: roundOneDecimal(interval.low * 100),
      high: roundOneDecimal(interval.high * 100),
      level: 0.95,
      method: 'wilson',
    },
    distribution: [...distribution],
    mean: n === 0 ? null : roundTwoDecimals(mean),
    satisfied: groupShare(satisfied, n),
    neutral: groupShare(distribution[2], n),
    dissatisfied: groupShare(countBetween(distribution, 0, 1), n),
  };
}

/** Two-proportion z-test of b's satisfied share against a's; the difference is b − a in points. */
export function compareCsat(a: readonly number[], b: readonly number[], alpha = 0.05): CsatComparison {
  const sideA = satisfiedOf(a);
  const sideB = satisfiedOf(b);
  const test = twoProportionZTest(sideA.satisfied, sideA.n, sideB.satisfied, sideB.n);
  if (test === null) return { difference: null, z: null, p: null, significant: false };
  return {
    difference: roundOneDecimal((sideB.satisfied / sideB.n - sideA.satisfied / sideA.n) * 100),
    z: Math.round(test.z * 1000) / 1000 || 0,
    p: Math.round(test.p * 10000) / 10000,
    significant: test.p < alpha,
  };
}
