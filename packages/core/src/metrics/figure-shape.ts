import type { GroupShare } from '../nps.js';
import { roundOneDecimal } from '../rounding.js';
import type { Metric } from './metric-scales.js';

/** A metric's 95% interval, in the unit of its score (NPS points, CSAT percent, CES scale points). */
export interface ScoreInterval {
  low: number;
  high: number;
  level: 0.95;
  method: 'adjusted-wald' | 'wilson' | 'student-t';
}

/** What every metric's figure carries, whatever it measures. */
export interface FigureBase<M extends Metric> {
  metric: M;
  /** Answers counted. */
  n: number;
  /** NPS −100…100, CSAT % satisfied, CES mean; null without answers. */
  score: number | null;
  /** The score's 95% interval; null when there are too few answers to have one. */
  interval: ScoreInterval | null;
  /** Counts per point of the metric's scale, lowest first. */
  distribution: number[];
}

/** A group's size and its share of n, in percent (one decimal). */
export function groupShare(count: number, n: number): GroupShare {
  return { count, percent: n === 0 ? 0 : roundOneDecimal((count / n) * 100) };
}

/** Sum of the counts at scale positions from..to (0-based, both included). */
export function countBetween(distribution: readonly number[], from: number, to: number): number {
  let total = 0;
  for (let index = from; index <= to; index++) total += distribution[index] ?? 0;
  return total;
}
