/**
 * Coaching, not ranking: a team (the `team` property answers carry) sees its own customers' stories and its own trend.
 * Nothing here sets one team's figures beside another's, and nothing is counted per person.
 */
import { scaleFollowUpGroup, type Metric } from '@npsloop/core';
import type { AnalyticsService } from '../analytics/analytics-service.ts';
import type { AnalyticsFilter } from '../db/analytics/analytics-filter.ts';
import { TEAM_PROPERTY } from '../lib/team-property.ts';

/** How a team's page is asked for. */
export interface TeamQuery {
  team: string;
  /** The span read, up to now. */
  days: number;
  timeZone: string;
  /** The most recent comments shown as stories. */
  stories: number;
}

const DAY_MS = 86_400_000;

/** The coaching reads on the analytics service. */
export function createCoaching(analytics: Pick<AnalyticsService, 'segmentCounts' | 'summary' | 'trend' | 'listResponses'>) {
  return {
    /** The teams answers name in the last `days`, alphabetically: names only, no figures (nothing to rank). */
    async teams(surveyId: string, days: number, now: number): Promise<string[]> {
      const counts = await analytics.segmentCounts({ surveyId, from: now - days * DAY_MS, to: now + 1, dims: {}, properties: [] }, `property.${TEAM_PROPERTY}`);
      return [...counts.keys()].filter((team) => team !== '').sort((a, b) => a.localeCompare(b));
    },

    /** One team's own figure over the span, its weekly trend, and its customers' newest comments. */
    async team(surveyId: string, metric: Metric, query: TeamQuery, now: number) {
      const to = now + 1;
      const from = to - query.days * DAY_MS;
      const filter: AnalyticsFilter & { from: number; to: number } = { surveyId, from, to, dims: {}, properties: [[TEAM_PROPERTY, query.team]] };
      const figure = await analytics.summary(filter, metric);
      const trend = await analytics.trend(filter, 'week', query.timeZone, metric);
      const list = await analytics.listResponses(filter, { hasComment: true, limit: query.stories }, metric);
      const stories = list.responses.map((response) => ({
        id: response.id, score: response.score, group: scaleFollowUpGroup(metric, response.score), comment: response.comment!,
        touchpoint: response.touchpoint, createdAt: response.createdAt,
      }));
      return { figure, trend, stories, from, to };
    },
  };
}

/** The coaching reads' interface. */
export type Coaching = ReturnType<typeof createCoaching>;
