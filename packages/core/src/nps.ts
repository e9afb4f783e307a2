import { roundOneDecimal } from './rounding.js';
import { twoSidedP, Z_95 } from './normal.js';

/** How many answers fell in each group. */
export interface GroupCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

/** A group's size and its share of all answers, in percent (one decimal). */
export interface GroupShare {
  count: number;
  percent: number;
}

/** A 95% confidence interval for an NPS, in points. */
export interface NpsInterval {
  low: number;
  high: number;
  level: 0.95;
  method: 'adjusted-wald';
}

/** An NPS with everything needed to judge it: n, the interval and the groups. */
export interface NpsFigure {
  n: number;
  nps: number | null;
  interval: NpsInterval | null;
  promoters: GroupShare;
  passives: GroupShare;
  detractors: GroupShare;
}

/** The result of comparing two NPS figures with the two-sample z-test. */
export interface NpsComparison {
  difference: number | null;
  z: number | null;
  p: number | null;
  significant: boolean;
}

/** Total number of answers. */
export function totalCount(counts: GroupCounts): number {
  return counts.promoters + counts.passives + counts.detractors;
}

/** NPS = %promoters − %detractors, from −100 to +100; null without answers. Unrounded. */
export function npsFromCounts(counts: GroupCounts): number | null {
  const n = totalCount(counts);
  if (n === 0) return null;
  return ((counts.promoters - counts.detractors) / n) * 100;
}

/** The adjusted-Wald quantities: n + 3, with 3/4 added to promoters and detractors. */
export function adjustedWald(counts: GroupCounts): { adjustedN: number; adjustedNps: number; variance: number } {
  const adjustedN = totalCount(counts) + 3;
  const promoterShare = (counts.promoters + 0.75) / adjustedN;
  const detractorShare = (counts.detractors + 0.75) / adjustedN;
  const adjustedNps = promoterShare - detractorShare;
  const variance = promoterShare + detractorShare - adjustedNps * adjustedNps;
  return { adjustedN, adjustedNps, variance };
}

/** The 95% adjusted-Wald interval in points, clipped to [−100, 100]; null without answers. */
export function npsInterval(counts: GroupCounts): NpsInterval | null {
  if (totalCount(counts) === 0) return null;
  const { adjustedN, adjustedNps, variance } = adjustedWald(counts);
  const margin = Z_95 * Math.sqrt(variance / adjustedN);
  return {
    low: roundOneDecimal(Math.max(-100, (adjustedNps - margin) * 100)),
    high: roundOneDecimal(Math.min(100, (adjustedNps + margin) * 100)),
    level: 0.95,
    method: 'adjusted-wald',
  };
}

function share(count: number, n: number): GroupShare {
  return { count, percent: n === 0 ? 0 : roundOneDecimal((count / n) * 100) };
}

/** The full figure for a set of group counts, rounded to one decimal. */
export function npsFigure(counts: GroupCounts): NpsFigure {
  const n = totalCount(counts);
  const nps = npsFromCounts(counts);
  return {
    n,
    nps: nps === null ? null : roundOneDecimal(nps),
    interval: npsInterval(counts),
    promoters: share(counts.promoters, n),
    passives: share(counts.passives, n),
    detractors: share(counts.detractors, n),
  };
}

/**
 * Two-sample z-test between two NPS values, on the adjusted-Wald quantities:
 * z = (NPS′b − NPS′a) / √(var_a/n′a + var_b/n′b). The difference is b − a in points.
 */
export function compareNps(a: GroupCounts, b: GroupCounts, alpha = 0.05): NpsComparison {
  const npsA = npsFromCounts(a);
  const npsB = npsFromCounts(b);
  if (npsA === null || npsB === null) return { difference: null, z: null, p: null, significant: false };
  const adjustedA = adjustedWald(a);
  const adjustedB = adjustedWald(b);
  const standardError = Math.sqrt(adjustedA.variance / adjustedA.adjustedN + adjustedB.variance / adjustedB.adjustedN);
  const z = (adjustedB.adjustedNps - adjustedA.adjustedNps) / standardError;
  const p = twoSidedP(z);
  return {
    difference: roundOneDecimal(npsB - npsA),
    z: Math.round(z * 1000) / 1000,
    p: Math.round(p * 10000) / 10000,
    significant: p < alpha,
  };
}

/** Group counts from the 11-bucket 0–10 distribution. */
export function countsFromDistribution(distribution: readonly number[]): GroupCounts {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  distribution.forEach((count, score) => {
    if (score >= 9) promoters += count;
    else if (score >= 7) passives += count;
    else detractors += count;
  });
  return { promoters, passives, detractors };
}
