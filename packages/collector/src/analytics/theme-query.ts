/** Reads the comments a themes report covers and counts their terms. */
import type { ScoreGroup } from '@npsloop/core';
import type { AnalyticsFilter } from '../db/analytics/analytics-filter.ts';
import type { ResponseList } from '../db/analytics/response-list.ts';
import { ThemeCounter } from './themes.ts';

/** At most this many of the newest comments are read for one report (it runs on the event loop: keep it well under a second). */
export const THEME_COMMENT_LIMIT = 25_000;

/** Recurring terms in the filtered comments, with the comments read and whether the newest THEME_COMMENT_LIMIT were all. */
export async function themeReport(responses: ResponseList, filter: AnalyticsFilter, group: ScoreGroup | null, limit = 20) {
  const comments = await responses.comments(filter, THEME_COMMENT_LIMIT + 1);
  const counter = new ThemeCounter(group);
  for (const row of comments.slice(0, THEME_COMMENT_LIMIT)) counter.add(row);
  return { group, comments: counter.comments, truncated: comments.length > THEME_COMMENT_LIMIT, themes: counter.top(limit) };
}
