/** The figures users see from count vectors: the survey metric's figure with its interval, rates, the summary body. */
import { distributionOnScale, metricFigure, type Metric, type MetricFigure } from '@npsloop/core';
import type { Counters } from '../db/analytics/counters.ts';
import { COUNTER } from '../db/rollups/rollup-delta.ts';

/** The metric's figure (metric, n, score, interval, distribution and its own fields) of a counter vector (counts per score 0–10 first). */
export function figureOf(metric: Metric, counters: Counters): MetricFigure {
  return metricFigure(metric, distributionOnScale(metric, counters.slice(0, 11)));
}

/** A share from 0 to 1, rounded to four decimals; null when the denominator is 0. */
export function rate(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round(Math.min(1, part / whole) * 10_000) / 10_000;
}

/** The summary body: figure (with its distribution), comment rate and response rate (null when events cannot tell). */
export function summaryOf(metric: Metric, counters: Counters, eventsKnown: boolean) {
  const figure = figureOf(metric, counters);
  const shown = eventsKnown ? counters[COUNTER.shown] : null;
  return {
    ...figure,
    comments: counters[COUNTER.comments],
    commentRate: rate(counters[COUNTER.comments], figure.n),
    shown,
    dismissed: eventsKnown ? counters[COUNTER.dismissed] : null,
    responseRate: shown === null ? null : rate(counters[COUNTER.prompted], shown),
  };
}

/** The summary body's type. */
export type SummaryBody = ReturnType<typeof summaryOf>;
