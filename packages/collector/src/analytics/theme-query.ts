/** Reads the comments a themes or drivers report covers: the newest of the filter, with the survey's language. */
import type { Metric, ScoreGroup } from '@npsloop/core';
import type { AnalyticsFilter } from '../db/analytics/analytics-filter.ts';
import type { ResponseList } from '../db/analytics/response-list.ts';
import { readComments } from '../themes/comment-corpus.ts';
import { surveyLanguage } from '../themes/languages.ts';
import { findThemes } from '../themes/theme-extractor.ts';

/** At most this many of the newest comments are read for one report (it runs on the event loop: keep it well under a second). */
export const THEME_COMMENT_LIMIT = 25_000;

/** A comment of the filter with its score, locale and time. */
export type FilterComment = Awaited<ReturnType<ResponseList['comments']>>[number];

/**
 * The newest THEME_COMMENT_LIMIT comments of the filter. When there are more, the
 * comments of the oldest instant read are left out and `from` says where the
 * comments read begin (so counts of all answers can cover the same span).
 */
export async function newestComments(responses: ResponseList, filter: AnalyticsFilter): Promise<{ comments: FilterComment[]; truncated: boolean; from: number | undefined }> {
  const comments = await responses.comments(filter, THEME_COMMENT_LIMIT + 1);
  if (comments.length <= THEME_COMMENT_LIMIT) return { comments, truncated: false, from: filter.from };
  const oldest = comments[THEME_COMMENT_LIMIT - 1].createdAt;
  return { comments: comments.slice(0, THEME_COMMENT_LIMIT).filter((row) => row.createdAt > oldest), truncated: true, from: oldest + 1 };
}

/** The recurring themes of the filtered comments (see findThemes), each comment read in its locale's language or the survey's, grouped on the survey's scale. */
export async function themeReport(responses: ResponseList, filter: AnalyticsFilter, group: ScoreGroup | null, limit = 20, metric: Metric = 'nps') {
  const { comments, truncated } = await newestComments(responses, filter);
  const language = surveyLanguage(comments.map((row) => row.locale));
  const report = findThemes(readComments(comments, { language, metric }), { group, limit });
  return { group, language, truncated, ...report };
}
