/** Every read the analytics routes make: figures, the response list, themes, export; pending rollup deltas folded first. */
import { scaleFollowUpGroup, scalePoints, type Metric, type ScoreGroup } from '@npsloop/core';
import { OPEN_FROM, OPEN_TO, rollupSelector, type AnalyticsFilter } from '../db/analytics/analytics-filter.ts';
import type { ResponsePosition } from '../db/analytics/response-list.ts';
import type { AnalyticsReads } from '../db/database.ts';
import { createAnalyticsQueries, type AnalyticsQueryOptions } from './analytics-queries.ts';
import { encodeCursor } from './cursor.ts';
import { exportResponses, type ExportFormat } from './export.ts';
import { responseView } from './response-view.ts';
import { themeReport } from './theme-query.ts';

/** What the list narrows to beyond the common filter. */
export interface ListOptions {
  group?: ScoreGroup;
  score?: number;
  hasComment?: boolean;
  /** Loop state (close the loop): only responses whose loop is in it. */
  status?: string;
  /** Words every comment must hold (see `searchWords`). */
  words?: string[];
  after?: ResponsePosition;
  limit: number;
}

/** The lowest and highest score of a group on the metric's scale (NPS 0–6/7–8/9–10, CSAT 1–2/3/4–5, CES 1–3/4/5–7). */
function groupScores(metric: Metric, group: ScoreGroup): [number, number] {
  const points = scalePoints(metric).filter((score) => scaleFollowUpGroup(metric, score) === group);
  return [points[0], points[points.length - 1]];
}

/** Builds the analytics service on the database's analytics reads. */
export function createAnalyticsService(reads: AnalyticsReads, options: AnalyticsQueryOptions = {}) {
  const queries = createAnalyticsQueries(reads, options);
  const range = (filter: AnalyticsFilter) => ({ from: filter.from ?? OPEN_FROM, to: filter.to ?? OPEN_TO });

  return {
    /** The metric's figure with distribution, comment rate and response rate. */
    async summary(filter: AnalyticsFilter, metric: Metric) {
      await reads.fold();
      return queries.summary(filter, metric);
    },
    /** One figure per local calendar bucket, each with its change from the one before. */
    async trend(...args: Parameters<typeof queries.trend>) {
      await reads.fold();
      return queries.trend(...args);
    },
    /** Counters per segment value. */
    async segmentCounts(...args: Parameters<typeof queries.segmentCounts>) {
      await reads.fold();
      return queries.segmentCounts(...args);
    },
    /** Counters of each time range under each filter (a journey's steps, this period and the one before), folded once. */
    async countEach(filters: readonly AnalyticsFilter[], ranges: readonly { from: number; to: number }[]) {
      await reads.fold();
      const counts = [];
      for (const filter of filters) counts.push(await queries.countRanges(filter, ranges));
      return counts;
    },
    /** Two figures and whether they differ significantly. */
    async compare(a: AnalyticsFilter, b: AnalyticsFilter, metric: Metric) {
      await reads.fold();
      return queries.compare(a, b, metric);
    },
    /**
     * Responses newest first, filtered and paginated. The list walks the time index and tests filters row by
     * row, so a dimension value with no answers is answered from the rollups at once, and filters rollups
     * cannot count are held to the raw-scan limit.
     */
    async listResponses(filter: AnalyticsFilter, list: ListOptions, metric: Metric) {
      await reads.fold();
      const selector = rollupSelector(filter);
      if (!selector) await queries.guardRawScan(filter.surveyId, [range(filter)]);
      else if (selector.dim !== '*' && (await queries.countRanges(filter, [range(filter)], true))[0].every((count) => count === 0)) {
        return { responses: [], nextCursor: null };
      }
      const [low, high] = list.group ? groupScores(metric, list.group) : [0, 10];
      const scores = list.group || list.score !== undefined ? ([Math.max(low, list.score ?? low), Math.min(high, list.score ?? high)] as const) : undefined;
      const page = await reads.responses.list(filter, {
        scores, hasComment: list.hasComment, loopState: list.status, words: list.words, before: list.after, limit: list.limit,
      });
      return {
        responses: page.responses.map((response) => ({ ...responseView(response, metric), group: scaleFollowUpGroup(metric, response.score) })),
        nextCursor: page.next && encodeCursor(page.next),
      };
    },
    /** Recurring terms in comments (filters rollups cannot count are held to the raw-scan limit). */
    async themes(filter: AnalyticsFilter, group: ScoreGroup | null, limit?: number, metric: Metric = 'nps') {
      if (!rollupSelector(filter)) {
        await reads.fold();
        await queries.guardRawScan(filter.surveyId, [range(filter)]);
      }
      return themeReport(reads.responses, filter, group, limit, metric);
    },
    /** The export as a stream of text chunks; `onRows` hears how many rows each chunk held. */
    exportResponses: (filter: AnalyticsFilter, format: ExportFormat, metric: Metric, onRows?: (rows: number) => void) =>
      exportResponses(reads.responses, filter, format, metric, onRows),
    /** When the survey's first response arrived (UTC ms), or null. */
    firstResponseAt: (surveyId: string) => reads.responses.firstResponseAt(surveyId),
  };
}

/** The analytics service's interface. */
export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
