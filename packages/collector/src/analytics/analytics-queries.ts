/** Analytics figures over any filter: rollup rows where they can answer, raw rows for the rest, added up exactly. */
import { compareMetric, distributionOnScale, metricFigure, type Metric } from '@npsloop/core';
import { eventsAttributable, OPEN_FROM, OPEN_TO, rollupSelector, type AnalyticsFilter, type FilterDimension } from '../db/analytics/analytics-filter.ts';
import { addCounters, emptyCounters, type Counters } from '../db/analytics/counters.ts';
import type { KeyedRange } from '../db/analytics/raw-counts.ts';
import type { AnalyticsReads } from '../db/database.ts';
import { planRange, type TimeRange } from '../db/rollups/range-plan.ts';
import type { KeyedPiece } from '../db/rollups/rollup-reader.ts';
import { HttpError } from '../lib/errors.ts';
import { localBuckets, type TrendInterval } from '../lib/time-buckets.ts';
import { figureOf, summaryOf } from './figures.ts';
import { flagChanges } from './significance.ts';

/** What a segment report groups by: a dimension or `property.NAME`. */
export type SegmentBy = FilterDimension | `property.${string}`;

/** Raw-row fallbacks refuse ranges holding more answers than this by default: they run on the event loop. */
export const DEFAULT_RAW_SCAN_LIMIT = 500_000;

/** Options for `createAnalyticsQueries`. */
export interface AnalyticsQueryOptions {
  /** The most answers a raw-row fallback may scan (default DEFAULT_RAW_SCAN_LIMIT). */
  rawScanLimit?: number;
}

/** The analytics figures, on the database's analytics reads. */
export function createAnalyticsQueries(reads: AnalyticsReads, options: AnalyticsQueryOptions = {}) {
  const rawScanLimit = options.rawScanLimit ?? DEFAULT_RAW_SCAN_LIMIT;

  /** Refuses a raw-row fallback whose ranges hold too many answers (counted from the rollups, so cheaply). */
  async function guardRawScan(surveyId: string, ranges: readonly TimeRange[]): Promise<void> {
    if (ranges.length === 0) return;
    const all = await countRanges({ surveyId, dims: {}, properties: [] }, ranges, true);
    const answers = all.reduce((sum, counters) => sum + counters.slice(0, 11).reduce((a, b) => a + b, 0), 0);
    if (answers > rawScanLimit) {
      throw new HttpError(400, 'invalid_request', `from: property filters and two dimensions at once are counted from the raw answers, and this range holds ${answers.toLocaleString('en')} (at most ${rawScanLimit.toLocaleString('en')}); narrow from/to`);
    }
  }

  /** Counters for each range under the filter (`scoresOnly`: just the 0–10 counts are needed). */
  async function countRanges(filter: AnalyticsFilter, ranges: readonly TimeRange[], scoresOnly = false): Promise<Counters[]> {
    const totals = ranges.map(() => emptyCounters());
    const selector = rollupSelector(filter);
    const rawRanges: KeyedRange[] = [];
    const pieces: KeyedPiece[] = [];
    if (!selector) await guardRawScan(filter.surveyId, ranges);
    ranges.forEach((range, key) => {
      if (!selector) return rawRanges.push({ ...range, key });
      const plan = planRange(range.from, range.to);
      for (const piece of plan.pieces) pieces.push({ ...piece, key });
      for (const edge of plan.raw) rawRanges.push({ ...edge, key });
    });
    if (selector && pieces.length > 0) {
      for (const [key, sums] of await reads.rollups.sumByKey(filter.surveyId, selector.dim, selector.value, pieces, scoresOnly)) addCounters(totals[key], sums);
    }
    for (const [key, counters] of await reads.raw.countByKey(filter, rawRanges)) addCounters(totals[key], counters);
    return totals;
  }

  const rangeOf = (filter: AnalyticsFilter): TimeRange => ({ from: filter.from ?? OPEN_FROM, to: filter.to ?? OPEN_TO });

  return {
    countRanges,
    guardRawScan,

    /** The metric's figure with distribution, comment rate and response rate. */
    async summary(filter: AnalyticsFilter, metric: Metric) {
      const [counters] = await countRanges(filter, [rangeOf(filter)]);
      return summaryOf(metric, counters, eventsAttributable(filter));
    },

    /**
     * One figure per local calendar bucket covering `[from, to)`; the first and last count only their part inside.
     * Each bucket after the first carries its change from the bucket before, significance corrected over all buckets.
     */
    async trend(filter: AnalyticsFilter & { from: number; to: number }, interval: TrendInterval, timeZone: string, metric: Metric) {
      const buckets = localBuckets(interval, timeZone, filter.from, filter.to);
      const ranges = buckets.map((bucket) => ({ from: Math.max(bucket.start, filter.from), to: Math.min(bucket.end, filter.to) }));
      const distributions = (await countRanges(filter, ranges, true)).map((counters) => distributionOnScale(metric, counters.slice(0, 11)));
      const { changes, multipleComparisons } = flagChanges(metric, distributions.map((after, index) => (index === 0 ? null : { before: distributions[index - 1], after })));
      return {
        multipleComparisons,
        buckets: buckets.map((bucket, index) => ({ start: bucket.label, ...metricFigure(metric, distributions[index]), change: changes[index] })),
      };
    },

    /** Counters per segment value (`''` when the answer has none). */
    async segmentCounts(filter: AnalyticsFilter, by: SegmentBy): Promise<Map<string, Counters>> {
      const range = rangeOf(filter);
      const dim = by as FilterDimension;
      const otherDims = Object.keys(filter.dims).filter((name) => name !== dim);
      if (by.startsWith('property.') || filter.properties.length > 0 || otherDims.length > 0) {
        await guardRawScan(filter.surveyId, [range]);
        const grouping = by.startsWith('property.') ? { property: by.slice(9) } : { column: dim };
        return reads.raw.countByValue(filter, [{ ...range, key: 0 }], grouping);
      }
      const plan = planRange(range.from, range.to);
      const totals = new Map<string, Counters>();
      const pieces = plan.pieces.map((piece) => ({ ...piece, key: 0 }));
      if (pieces.length > 0) {
        for (const [value, sums] of await reads.rollups.sumByValue(filter.surveyId, dim, pieces)) totals.set(value, addCounters(emptyCounters(), sums));
      }
      const edges = plan.raw.map((edge) => ({ ...edge, key: 0 }));
      for (const [value, counters] of await reads.raw.countByValue(filter, edges, { column: dim })) {
        totals.set(value, addCounters(totals.get(value) ?? emptyCounters(), counters));
      }
      const only = filter.dims[dim];
      if (only !== undefined) for (const value of totals.keys()) if (value !== only) totals.delete(value);
      return totals;
    },

    /** The figures of two filters and the metric's own test of b against a (difference = b − a). */
    async compare(a: AnalyticsFilter, b: AnalyticsFilter, metric: Metric) {
      const [countsA] = await countRanges(a, [rangeOf(a)]);
      const [countsB] = await countRanges(b, [rangeOf(b)]);
      const comparison = compareMetric(metric, distributionOnScale(metric, countsA.slice(0, 11)), distributionOnScale(metric, countsB.slice(0, 11)));
      return { a: figureOf(metric, countsA), b: figureOf(metric, countsB), ...comparison };
    },
  };
}

/** The analytics queries' interface. */
export type AnalyticsQueries = ReturnType<typeof createAnalyticsQueries>;
