/** Pure rules for showing an NPS honestly: no precise-looking score from too few answers, and say so when the interval misses it. */
import type { NpsFigure } from '@npsloop/core';

/** Below this many answers the dashboard shows "too few answers" instead of a score (the interval is then wider than ±70 points). */
export const MIN_ANSWERS = 5;

/** How a figure may be read: no answers, too few for a score, or a score. */
export type FigureReading = 'none' | 'too-few' | 'score';

/** A figure's score whatever it measures: `score` (every metric since CSAT and CES), else `nps` (older collectors). */
export function scoreOf(figure: { nps?: number | null; score?: number | null }): number | null {
  return figure.score !== undefined ? figure.score : figure.nps ?? null;
}

/** What a figure supports. */
export function readFigure(figure: { n: number; nps?: number | null; score?: number | null }): FigureReading {
  if (figure.n === 0 || scoreOf(figure) === null) return 'none';
  return figure.n < MIN_ANSWERS ? 'too-few' : 'score';
}

/**
 * True when the 95% interval leaves out the observed score: the adjusted-Wald
 * interval is centred on a score pulled towards 0, which at very small n can
 * sit entirely beside the observed one (+100 at n = 1 → −48.5 to +98.5).
 */
export function intervalMissesScore(figure: Pick<NpsFigure, 'nps' | 'interval'>): boolean {
  if (figure.nps === null || !figure.interval) return false;
  return figure.nps < figure.interval.low || figure.nps > figure.interval.high;
}

/** True when both sides have enough answers for their difference to be worth a number. */
export function comparable(a: { n: number; nps?: number | null; score?: number | null }, b: { n: number; nps?: number | null; score?: number | null }): boolean {
  return readFigure(a) === 'score' && readFigure(b) === 'score';
}

/** How a change reads, as a dictionary key: only a significant change is called up or down. */
export function changeKey(change: { difference: number | null; significant: boolean }): 'notEnough' | 'flat' | 'up' | 'down' {
  if (change.difference === null) return 'notEnough';
  if (!change.significant) return 'flat';
  return change.difference > 0 ? 'up' : 'down';
}

/** How a difference between two segments reads, as a dictionary key. */
export function differenceKey(change: { difference: number | null; significant: boolean }): 'notEnough' | 'flatDifference' | 'higher' | 'lower' {
  const key = changeKey(change);
  return key === 'flat' ? 'flatDifference' : key === 'up' ? 'higher' : key === 'down' ? 'lower' : key;
}
