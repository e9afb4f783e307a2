/**
 * Key drivers: how much each theme holds the score back (or lifts it).
 *
 * impact = NPS(all answers) − NPS(answers not mentioning the theme), in points.
 * All answers are those mentioning it (share w) and those not, so
 * NPS_all = w·NPS_m + (1 − w)·NPS_r and impact = w·(NPS_m − NPS_r) = w·D:
 * what the score would gain (a negative impact) or lose if the theme's answers
 * scored like the rest.
 *
 * The 95% interval treats the mentioning and other answers as two independent
 * samples and w as estimated too (the delta method on impact = w·D):
 *   Var(impact) ≈ w²·(σ²_m/n_m + σ²_r/n_r) + D²·w(1 − w)/N,
 * where σ² is the per-answer NPS variance p + d − (p − d)². Every quantity is
 * taken from the adjusted-Wald counts of core's nps.ts (3/4 added to promoters and
 * to detractors, 3 to n, for each of the two samples), which keeps the interval
 * honest for small or one-sided samples; it is centred on the adjusted w·D.
 */
import { adjustedWald, npsFromCounts, roundOneDecimal, scoreGroup, totalCount, type GroupCounts } from '@npsloop/core';

/** One answer in the filter: its score and the themes its comment mentions (none without a comment). */
export interface DriverAnswer {
  score: number;
  themes: readonly string[];
}

/** A 95% interval for an impact, in NPS points. */
export interface ImpactInterval {
  low: number;
  high: number;
  level: 0.95;
  method: 'delta-adjusted-wald';
}

/** One theme as a driver of the score. */
export interface Driver {
  theme: string;
  /** Answers that mention it. */
  n: number;
  /** Their NPS, one decimal. */
  nps: number | null;
  /** NPS of all answers minus NPS of those not mentioning it, one decimal; null when every answer mentions it. */
  impact: number | null;
  interval: ImpactInterval | null;
}

// The same 97.5% normal quantile as core's npsInterval.
const Z_95 = 1.959963984540054;

const emptyCounts = (): GroupCounts => ({ promoters: 0, passives: 0, detractors: 0 });

function add(counts: GroupCounts, score: number): void {
  const group = scoreGroup(score);
  if (group === 'promoter') counts.promoters++;
  else if (group === 'passive') counts.passives++;
  else counts.detractors++;
}

const subtract = (all: GroupCounts, part: GroupCounts): GroupCounts => ({
  promoters: all.promoters - part.promoters, passives: all.passives - part.passives, detractors: all.detractors - part.detractors,
});

/** The impact of a theme and its 95% interval, from the group counts of the answers mentioning it and of the others. */
export function themeImpact(mentioning: GroupCounts, others: GroupCounts): { impact: number | null; interval: ImpactInterval | null } {
  if (totalCount(mentioning) === 0 || totalCount(others) === 0) return { impact: null, interval: null };
  const all = { promoters: mentioning.promoters + others.promoters, passives: mentioning.passives + others.passives, detractors: mentioning.detractors + others.detractors };
  const impact = npsFromCounts(all)! - npsFromCounts(others)!;
  const m = adjustedWald(mentioning);
  const r = adjustedWald(others);
  const n = m.adjustedN + r.adjustedN;
  const share = m.adjustedN / n;
  const difference = m.adjustedNps - r.adjustedNps;
  const variance = share ** 2 * (m.variance / m.adjustedN + r.variance / r.adjustedN) + (difference ** 2 * share * (1 - share)) / n;
  const centre = share * difference;
  const margin = Z_95 * Math.sqrt(variance);
  return {
    impact: roundOneDecimal(impact),
    interval: {
      low: roundOneDecimal(Math.max(-200, (centre - margin) * 100)),
      high: roundOneDecimal(Math.min(200, (centre + margin) * 100)),
      level: 0.95,
      method: 'delta-adjusted-wald',
    },
  };
}

/**
 * The drivers among answers: every theme mentioned by at least `minMentions`
 * answers (default 5: fewer give an interval too wide to act on), the one that
 * holds the score back most first (lowest impact), then by answers mentioning it.
 * `withoutComment` may give the filter's answers without a comment as group counts
 * (from rollups) instead of listing each one.
 */
export function keyDrivers(answers: readonly DriverAnswer[], options: { minMentions?: number; withoutComment?: GroupCounts } = {}): Driver[] {
  const minMentions = options.minMentions ?? 5;
  // Answers without a comment mention nothing: as counts they weigh the same as listed answers with no themes.
  const all = { ...emptyCounts(), ...options.withoutComment };
  const byTheme = new Map<string, GroupCounts>();
  for (const answer of answers) {
    add(all, answer.score);
    for (const theme of new Set(answer.themes)) add(byTheme.get(theme) ?? byTheme.set(theme, emptyCounts()).get(theme)!, answer.score);
  }
  const drivers: Driver[] = [];
  for (const [theme, mentioning] of byTheme) {
    const n = totalCount(mentioning);
    if (n < minMentions) continue;
    drivers.push({ theme, n, nps: roundOneDecimal(npsFromCounts(mentioning)!), ...themeImpact(mentioning, subtract(all, mentioning)) });
  }
  return drivers.sort((a, b) => (a.impact ?? Infinity) - (b.impact ?? Infinity) || b.n - a.n || a.theme.localeCompare(b.theme));
}
