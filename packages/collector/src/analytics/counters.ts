/** Count vectors (responses per score, comments, prompted, shown, dismissed) and the figures users see. */
import { countsFromDistribution, npsFigure, type NpsFigure } from '@npsloop/core';
import { COUNTER, COUNTER_COLUMNS } from '../db/rollups/rollup-delta.ts';

/** Counters in rollup column order: s0..s10, comments, prompted, shown, dismissed. */
export type Counters = number[];

/** A fresh all-zero counter vector. */
export function emptyCounters(): Counters {
  return new Array<number>(COUNTER_COLUMNS.length).fill(0);
}

/** Adds `source` into `target` element-wise and returns `target`. */
export function addCounters(target: Counters, source: readonly number[]): Counters {
  for (let index = 0; index < target.length; index++) target[index] += source[index] ?? 0;
  return target;
}

/** The NPS figure (n, nps, interval, groups) of a counter vector. */
export function figureOf(counters: Counters): NpsFigure {
  return npsFigure(countsFromDistribution(counters.slice(0, 11)));
}

/** A share from 0 to 1, rounded to four decimals; null when the denominator is 0. */
export function rate(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round(Math.min(1, part / whole) * 10_000) / 10_000;
}

/** The summary body: figure, distribution, comment rate and response rate (null when events cannot tell). */
export function summaryOf(counters: Counters, eventsKnown: boolean) {
  const figure = figureOf(counters);
  const shown = eventsKnown ? counters[COUNTER.shown] : null;
  return {
    ...figure,
    distribution: counters.slice(0, 11),
    comments: counters[COUNTER.comments],
    commentRate: rate(counters[COUNTER.comments], figure.n),
    shown,
    dismissed: eventsKnown ? counters[COUNTER.dismissed] : null,
    responseRate: shown === null ? null : rate(counters[COUNTER.prompted], shown),
  };
}

/** The summary body's type. */
export type SummaryBody = ReturnType<typeof summaryOf>;
