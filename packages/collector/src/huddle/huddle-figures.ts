/** The huddle's numbers from raw rows: NPS of a period, the segment that moved most, and the comments to read. */
import { compareNps, npsFigure, type GroupCounts } from '@npsloop/core';
import type { HuddleReads } from '../db/analytics/huddle-reads.ts';
import type { Period } from './huddle-period.ts';

/** Segment dimensions the huddle looks at. */
export const HUDDLE_DIMENSIONS = ['touchpoint', 'channel', 'journey', 'locale'] as const;

/** Both periods of a segment need this many answers before a move is reported. */
export const MIN_SEGMENT_N = 5;

const emptyCounts = (): GroupCounts => ({ promoters: 0, passives: 0, detractors: 0 });

function addScore(counts: GroupCounts, score: number, count: number): void {
  if (score >= 9) counts.promoters += count;
  else if (score >= 7) counts.passives += count;
  else counts.detractors += count;
}

/** The huddle's figures from the database's huddle reads; excluded (test) answers never count. */
export function createHuddleFigures(reads: HuddleReads) {
  async function segmentCounts(dim: (typeof HUDDLE_DIMENSIONS)[number], surveyId: string, range: Period): Promise<Map<string, GroupCounts>> {
    const result = new Map<string, GroupCounts>();
    for (const row of await reads.segmentScoreCounts(dim, surveyId, range)) {
      addScore(result.get(row.value) ?? result.set(row.value, emptyCounts()).get(row.value)!, row.score, row.count);
    }
    return result;
  }

  return {
    /** Group counts of a period. */
    async counts(surveyId: string, range: Period): Promise<GroupCounts> {
      const counts = emptyCounts();
      for (const row of await reads.scoreCounts(surveyId, range)) addScore(counts, row.score, row.count);
      return counts;
    },

    /** The segment whose NPS changed most between the periods (both with at least MIN_SEGMENT_N answers), or null. */
    async segmentThatMovedMost(surveyId: string, previous: Period, current: Period) {
      let best: { by: string; value: string; previous: ReturnType<typeof npsFigure>; current: ReturnType<typeof npsFigure>; change: ReturnType<typeof compareNps> } | null = null;
      for (const dim of HUDDLE_DIMENSIONS) {
        const before = await segmentCounts(dim, surveyId, previous);
        for (const [value, now] of await segmentCounts(dim, surveyId, current)) {
          const then = before.get(value);
          if (!then || npsFigure(then).n < MIN_SEGMENT_N || npsFigure(now).n < MIN_SEGMENT_N) continue;
          const change = compareNps(then, now);
          if (best === null || Math.abs(change.difference ?? 0) > Math.abs(best.change.difference ?? 0)) {
            best = { by: dim, value, previous: npsFigure(then), current: npsFigure(now), change };
          }
        }
      }
      return best;
    },

    /** The period's comments with their scores, newest first. */
    comments: (surveyId: string, range: Period) => reads.comments(surveyId, range, 20_000),
  };
}
