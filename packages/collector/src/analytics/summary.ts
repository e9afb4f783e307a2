import type { Database } from 'better-sqlite3';
import { countsFromDistribution, npsFigure, roundOneDecimal, type NpsFigure } from '@npsloop/core';

/** A time range in epoch milliseconds: `from` inclusive, `to` exclusive; either may be open. */
export interface TimeRange {
  from?: number;
  to?: number;
}

/** The summary of a survey's answers: the NPS figure with its interval, plus distribution and rates. */
export interface Summary extends NpsFigure {
  surveyId: string;
  from: string | null;
  to: string | null;
  distribution: number[];
  comments: number;
  /** Percent of responses with a non-empty comment; null without responses. */
  commentRate: number | null;
  shown: number;
  dismissed: number;
  /** Percent of `shown` prompts answered (web and app responses only); null when nothing was shown. */
  responseRate: number | null;
}

const MAX_TIME = 8.64e15;

/** Builds the summary query: one indexed GROUP BY over responses and one over events. */
export function createSummaryQuery(db: Database) {
  const byScore = db.prepare<[string, number, number], { score: number; count: number; comments: number; prompted: number }>(`
    SELECT score, COUNT(*) AS count,
      SUM(comment IS NOT NULL) AS comments,
      SUM(channel IS NULL OR channel IN ('web', 'app')) AS prompted
    FROM responses WHERE survey_id = ? AND created_at >= ? AND created_at < ?
    GROUP BY score`);
  const byEventType = db.prepare<[string, number, number], { type: string; count: number }>(`
    SELECT type, COUNT(*) AS count FROM events
    WHERE survey_id = ? AND created_at >= ? AND created_at < ? GROUP BY type`);

  return function summary(surveyId: string, range: TimeRange = {}): Summary {
    const from = range.from ?? -MAX_TIME;
    const to = range.to ?? MAX_TIME;
    const distribution = new Array<number>(11).fill(0);
    let comments = 0;
    let prompted = 0;
    for (const row of byScore.all(surveyId, from, to)) {
      distribution[row.score] = row.count;
      comments += row.comments;
      prompted += row.prompted;
    }
    const events = Object.fromEntries(byEventType.all(surveyId, from, to).map((row) => [row.type, row.count]));
    const shown = events.shown ?? 0;
    const figure = npsFigure(countsFromDistribution(distribution));
    return {
      surveyId,
      from: range.from === undefined ? null : new Date(range.from).toISOString(),
      to: range.to === undefined ? null : new Date(range.to).toISOString(),
      ...figure,
      distribution,
      comments,
      commentRate: figure.n === 0 ? null : roundOneDecimal((comments / figure.n) * 100),
      shown,
      dismissed: events.dismissed ?? 0,
      responseRate: shown === 0 ? null : roundOneDecimal(Math.min(100, (prompted / shown) * 100)),
    };
  };
}
