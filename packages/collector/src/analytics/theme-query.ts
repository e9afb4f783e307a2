/** Reads the comments a themes report covers and counts their terms. */
import type { Database } from 'better-sqlite3';
import type { ScoreGroup } from '@npsloop/core';
import type { AnalyticsFilter } from './filters.ts';
import { responseConditions } from '../db/analytics/raw-where.ts';
import { OPEN_FROM, OPEN_TO } from './rollup-query.ts';
import { ThemeCounter } from './themes.ts';

/** At most this many of the newest comments are read for one report (it runs on the event loop: keep it well under a second). */
export const THEME_COMMENT_LIMIT = 25_000;

/** Builds the themes query on one database. */
export function createThemeQuery(db: Database) {
  return function themes(filter: AnalyticsFilter, group: ScoreGroup | null, limit = 20) {
    const where = responseConditions(filter);
    const statement = db.prepare(`SELECT r.score AS score, r.comment AS comment FROM responses AS r
      WHERE r.survey_id = ? AND r.created_at >= ? AND r.created_at < ? AND r.comment IS NOT NULL AND ${where.sql}
      ORDER BY r.created_at DESC LIMIT ${THEME_COMMENT_LIMIT + 1}`);
    const counter = new ThemeCounter(group);
    let read = 0;
    for (const row of statement.iterate(filter.surveyId, filter.from ?? OPEN_FROM, filter.to ?? OPEN_TO, ...where.params) as Iterable<{ score: number; comment: string }>) {
      if (++read > THEME_COMMENT_LIMIT) break;
      counter.add(row);
    }
    return { group, comments: counter.comments, truncated: read > THEME_COMMENT_LIMIT, themes: counter.top(limit) };
  };
}
