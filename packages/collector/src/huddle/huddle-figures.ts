/** The huddle's numbers from raw rows: NPS of a period, the segment that moved most, and the comments to read. */
import type { Database } from 'better-sqlite3';
import { compareNps, npsFigure, type GroupCounts } from '@npsloop/core';
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

/** Huddle queries on one database; excluded (test) answers never count. */
export function createHuddleFigures(db: Database) {
  const byScore = db.prepare<[string, number, number], { score: number; count: number }>(`SELECT score, COUNT(*) AS count FROM responses
    WHERE survey_id = ? AND created_at >= ? AND created_at < ? AND excluded = 0 GROUP BY score`);
  const bySegment = Object.fromEntries(HUDDLE_DIMENSIONS.map((dim) => [dim, db.prepare<[string, number, number], { value: string; score: number; count: number }>(
    `SELECT ${dim} AS value, score, COUNT(*) AS count FROM responses
     WHERE survey_id = ? AND created_at >= ? AND created_at < ? AND excluded = 0 AND ${dim} IS NOT NULL GROUP BY ${dim}, score`)]));
  const comments = db.prepare<[string, number, number], { id: string; score: number; comment: string; created_at: number }>(`SELECT id, score, comment, created_at
    FROM responses WHERE survey_id = ? AND created_at >= ? AND created_at < ? AND excluded = 0 AND comment IS NOT NULL
    ORDER BY created_at DESC LIMIT 20000`);

  function segmentCounts(dim: (typeof HUDDLE_DIMENSIONS)[number], surveyId: string, range: Period): Map<string, GroupCounts> {
    const result = new Map<string, GroupCounts>();
    for (const row of bySegment[dim].all(surveyId, range.from, range.to)) {
      addScore(result.get(row.value) ?? result.set(row.value, emptyCounts()).get(row.value)!, row.score, row.count);
    }
    return result;
  }

  return {
    /** Group counts of a period. */
    counts(surveyId: string, range: Period): GroupCounts {
      const counts = emptyCounts();
      for (const row of byScore.all(surveyId, range.from, range.to)) addScore(counts, row.score, row.count);
      return counts;
    },

    /** The segment whose NPS changed most between the periods (both with at least MIN_SEGMENT_N answers), or null. */
    segmentThatMovedMost(surveyId: string, previous: Period, current: Period) {
      let best: { by: string; value: string; previous: ReturnType<typeof npsFigure>; current: ReturnType<typeof npsFigure>; change: ReturnType<typeof compareNps> } | null = null;
      for (const dim of HUDDLE_DIMENSIONS) {
        const before = segmentCounts(dim, surveyId, previous);
        for (const [value, now] of segmentCounts(dim, surveyId, current)) {
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
    comments: (surveyId: string, range: Period) => comments.all(surveyId, range.from, range.to),
  };
}
