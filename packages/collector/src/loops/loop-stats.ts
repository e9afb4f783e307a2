/** SLA figures for loops: pure quantiles and shares over loop timestamps. */
import { roundOneDecimal } from '@npsloop/core';
import type { LoopTimes } from '../db/repositories/loop-queries.ts';

const HOUR = 3_600_000;

/** The q-quantile (0–1) of ascending numbers by linear interpolation between closest ranks; null when empty. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/** Median and 90th percentile of durations, in hours with one decimal, and how many durations there were. */
export function durationFigure(durationsMs: readonly number[]): { n: number; medianHours: number | null; p90Hours: number | null } {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const inHours = (ms: number | null) => (ms === null ? null : roundOneDecimal(ms / HOUR));
  return { n: sorted.length, medianHours: inHours(quantile(sorted, 0.5)), p90Hours: inHours(quantile(sorted, 0.9)) };
}

/**
 * Share of loops contacted within the SLA, among loops whose outcome is known:
 * contacted (in time or late) or still uncontacted past the deadline. Loops
 * still inside their window, and loops closed without contact, do not count.
 */
export function withinSla(loops: readonly LoopTimes[], slaHours: number, now: number) {
  const window = slaHours * HOUR;
  let decided = 0;
  let inTime = 0;
  for (const loop of loops) {
    if (loop.firstContactAt !== null) {
      decided++;
      if (loop.firstContactAt - loop.openedAt <= window) inTime++;
    } else if (loop.state === 'open' && now - loop.openedAt > window) {
      decided++;
    }
  }
  return { slaHours, contactedInTime: inTime, of: decided, share: decided === 0 ? null : Math.round((inTime / decided) * 1000) / 1000 };
}

/** All SLA figures of a set of loops. */
export function loopStats(loops: readonly LoopTimes[], slaHours: number, now: number) {
  const byState = { open: 0, contacted: 0, resolved: 0, closed: 0 } as Record<string, number>;
  for (const loop of loops) byState[loop.state] = (byState[loop.state] ?? 0) + 1;
  return {
    open: byState.open,
    byState,
    timeToFirstContact: durationFigure(loops.filter((loop) => loop.firstContactAt !== null).map((loop) => loop.firstContactAt! - loop.openedAt)),
    timeToResolution: durationFigure(loops.filter((loop) => loop.resolvedAt !== null).map((loop) => loop.resolvedAt! - loop.openedAt)),
    withinSla: withinSla(loops, slaHours, now),
  };
}
