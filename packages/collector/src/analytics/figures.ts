/** The figures users see from count vectors: NPS with its interval, rates, the summary body. */
import { countsFromDistribution, npsFigure, type NpsFigure } from '@npsloop/core';
import type { Counters } from '../db/analytics/counters.ts';
import { COUNTER } from '../db/rollups/rollup-delta.ts';

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
