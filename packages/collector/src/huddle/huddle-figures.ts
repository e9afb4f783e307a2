/** The huddle's numbers from raw rows: the survey metric's figure of a period, the segment that moved most, and the comments to read. */
import { compareMetric, distributionOnScale, metricFigure, type Metric, type MetricComparison, type MetricFigure } from '@npsloop/core';
import type { HuddleReads } from '../db/analytics/huddle-reads.ts';
import type { Period } from './huddle-period.ts';

/** Segment dimensions the huddle looks at. */
export const HUDDLE_DIMENSIONS = ['touchpoint', 'channel', 'journey', 'locale'] as const;

/** Both periods of a segment need this many answers before a move is reported. */
export const MIN_SEGMENT_N = 5;

/** Counts per score 0–10 (as stored) from rows of one score and its count. */
function addScore(countsByScore: number[], score: number, count: number): number[] {
  countsByScore[score] = (countsByScore[score] ?? 0) + count;
  return countsByScore;
}
const emptyCounts = () => Array.from({ length: 11 }, () => 0);

/** The huddle's figures from the database's huddle reads, on the survey's metric; excluded (test) answers never count. */
export function createHuddleFigures(reads: HuddleReads) {
  async function segmentCounts(dim: (typeof HUDDLE_DIMENSIONS)[number], surveyId: string, range: Period): Promise<Map<string, number[]>> {
    const result = new Map<string, number[]>();
    for (const row of await reads.segmentScoreCounts(dim, surveyId, range)) {
      addScore(result.get(row.value) ?? result.set(row.value, emptyCounts()).get(row.value)!, row.score, row.count);
    }
    return result;
  }

  return {
    /** The period's distribution on the metric's scale (counts per point, lowest first). */
    async distribution(surveyId: string, range: Period, metric: Metric): Promise<number[]> {
      const counts = emptyCounts();
      for (const row of await reads.scoreCounts(surveyId, range)) addScore(counts, row.score, row.count);
      return distributionOnScale(metric, counts);
    },

    /** The segment whose score changed most between the periods (both with at least MIN_SEGMENT_N answers), or null. */
    async segmentThatMovedMost(surveyId: string, previous: Period, current: Period, metric: Metric = 'nps') {
      let best: { by: string; value: string; previous: MetricFigure; current: MetricFigure; change: MetricComparison } | null = null;
      for (const dim of HUDDLE_DIMENSIONS) {
        const before = await segmentCounts(dim, surveyId, previous);
        for (const [value, countsNow] of await segmentCounts(dim, surveyId, current)) {
          const countsThen = before.get(value);
          if (!countsThen) continue;
          const then = distributionOnScale(metric, countsThen);
          const now = distributionOnScale(metric, countsNow);
          const [figureThen, figureNow] = [metricFigure(metric, then), metricFigure(metric, now)];
          if (figureThen.n < MIN_SEGMENT_N || figureNow.n < MIN_SEGMENT_N) continue;
          const change = compareMetric(metric, then, now);
          if (best === null || Math.abs(change.difference ?? 0) > Math.abs(best.change.difference ?? 0)) {
            best = { by: dim, value, previous: figureThen, current: figureNow, change };
          }
        }
      }
      return best;
    },

    /** The period's comments with their scores, newest first. */
    comments: (surveyId: string, range: Period) => reads.comments(surveyId, range, 20_000),
  };
}
