import { compareNps, countsFromDistribution, npsFigure, type NpsComparison, type NpsFigure } from '../nps.js';
import { compareCes, cesFigure, type CesComparison, type CesFigure } from './ces.js';
import { compareCsat, csatFigure, type CsatComparison, type CsatFigure } from './csat.js';
import type { FigureBase } from './figure-shape.js';
import { assertDistribution, type Metric } from './metric-scales.js';

/** NPS in the shape every metric shares: everything `npsFigure` returns, plus `score` = `nps`. */
export type NpsMetricFigure = FigureBase<'nps'> & NpsFigure;

/** Each metric's figure type. */
export interface MetricFigures {
  nps: NpsMetricFigure;
  csat: CsatFigure;
  ces: CesFigure;
}

/** A figure of any metric: `metric`, `n`, `score`, `interval`, `distribution` plus the metric's own fields. */
export type MetricFigure = MetricFigures[Metric];

/** Each metric's comparison: NPS and CSAT by z-tests, CES by Welch's t-test. */
export interface MetricComparisons {
  nps: { metric: 'nps'; test: 'two-sample-z' } & NpsComparison;
  csat: { metric: 'csat'; test: 'two-proportion-z' } & CsatComparison;
  ces: { metric: 'ces'; test: 'welch-t' } & CesComparison;
}

/** A comparison of two figures of any metric: the difference (b − a), the test's statistic, p and significance. */
export type MetricComparison = MetricComparisons[Metric];

/** The NPS figure of a 0–10 distribution in the shared shape. */
export function npsMetricFigure(distribution: readonly number[]): NpsMetricFigure {
  assertDistribution('nps', distribution);
  const { n, nps, interval, ...groups } = npsFigure(countsFromDistribution(distribution));
  return { metric: 'nps', n, score: nps, interval, distribution: [...distribution], nps, ...groups };
}

/** The figure of a distribution (counts per point of the metric's scale, lowest first). */
export function metricFigure<M extends Metric>(metric: M, distribution: readonly number[]): MetricFigures[M] {
  const figures: { [K in Metric]: (counts: readonly number[]) => MetricFigures[K] } = {
    nps: npsMetricFigure,
    csat: csatFigure,
    ces: cesFigure,
  };
  return figures[metric](distribution) as MetricFigures[M];
}

/** Compares two distributions of the same metric (b against a) with the metric's own test. */
export function compareMetric<M extends Metric>(metric: M, a: readonly number[], b: readonly number[], alpha = 0.05): MetricComparisons[M] {
  const comparisons: { [K in Metric]: () => MetricComparisons[K] } = {
    nps: () => {
      assertDistribution('nps', a);
      assertDistribution('nps', b);
      return { metric: 'nps', test: 'two-sample-z', ...compareNps(countsFromDistribution(a), countsFromDistribution(b), alpha) };
    },
    csat: () => ({ metric: 'csat', test: 'two-proportion-z', ...compareCsat(a, b, alpha) }),
    ces: () => ({ metric: 'ces', test: 'welch-t', ...compareCes(a, b, alpha) }),
  };
  return comparisons[metric]() as MetricComparisons[M];
}
