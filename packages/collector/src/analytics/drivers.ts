/** Key drivers over an analytics filter: the recurring themes of its comments, each weighed against every answer in it. */
import { countsFromDistribution, npsFigure, scoreGroup, type GroupCounts } from '@npsloop/core';
import type { AnalyticsFilter } from '../db/analytics/analytics-filter.ts';
import type { ResponseList } from '../db/analytics/response-list.ts';
import { surveyLanguage } from '../themes/languages.ts';
import { themeDrivers } from '../themes/theme-drivers.ts';
import type { AnalyticsService } from './analytics-service.ts';
import { newestComments } from './theme-query.ts';

/** How drivers are asked for. */
export interface DriverQuery {
  /** The most mentioned themes weighed, at most. */
  themes: number;
  /** A theme needs this many mentioning answers. */
  minMentions: number;
}

const GROUP_KEY = { promoter: 'promoters', passive: 'passives', detractor: 'detractors' } as const;

/** The filter's answers without a comment, by group: all answers (from the summary) less those whose comments were read. */
function withoutComment(distribution: readonly number[], commentScores: readonly number[]): GroupCounts {
  const counts = countsFromDistribution(distribution);
  for (const score of commentScores) counts[GROUP_KEY[scoreGroup(score)]]--;
  // An answer written between the two reads could tip a count below zero.
  return { promoters: Math.max(0, counts.promoters), passives: Math.max(0, counts.passives), detractors: Math.max(0, counts.detractors) };
}

/** Builds the drivers report on the analytics service (for the counts of all answers) and the response list (for the comments). */
export function createDriverReport(analytics: Pick<AnalyticsService, 'summary'>, responses: ResponseList) {
  /**
   * The drivers of the filter, the theme holding the score back most first. When the
   * filter holds more comments than are read, every count covers the span of the
   * comments read (`from` says where it begins, `truncated` is true).
   */
  return async function drivers(filter: AnalyticsFilter, query: DriverQuery, now: number) {
    // An open end is closed now, so the comments and the counts of all answers cover the same answers.
    const bounded = { ...filter, to: filter.to ?? now + 1 };
    const { comments, truncated, from } = await newestComments(responses, bounded);
    const summary = await analytics.summary({ ...bounded, from });
    const language = surveyLanguage(comments.map((row) => row.locale));
    const found = themeDrivers(comments, {
      themes: query.themes, minMentions: query.minMentions, language,
      withoutComment: withoutComment(summary.distribution, comments.map((row) => row.score)),
    });
    const figure = npsFigure(countsFromDistribution(summary.distribution));
    return { from: from ?? null, to: bounded.to, truncated, language, n: figure.n, nps: figure.nps, comments: comments.length, drivers: found };
  };
}

/** The drivers report's function. */
export type DriverReport = ReturnType<typeof createDriverReport>;
