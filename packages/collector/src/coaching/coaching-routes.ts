/** Coaching by team: `GET /v1/surveys/:id/teams` (names only) and `GET /v1/surveys/:id/teams/:team` (that team's own stories and trend). */
import { METRICS } from '@npsloop/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { integer, summaryBodySchema, trendBodySchema } from '../analytics/analytics-schemas.ts';
import type { SurveyRepository } from '../db/repositories/survey-repository.ts';
import { surveyNotFound } from '../lib/errors.ts';
import { isTimeZone } from '../lib/time-zone.ts';
import { slug } from '../lib/common-schemas.ts';
import { TEAM_PROPERTY } from '../lib/team-property.ts';
import type { Coaching } from './coaching-service.ts';

const days = integer(1, 366).default(90).describe('the span read, in days up to now');
const teamsQuerySchema = z.strictObject({ days });
const teamQuerySchema = z.strictObject({
  days,
  tz: z.string().max(64).refine(isTimeZone, { error: 'must be an IANA time zone such as Europe/Amsterdam' }).default('UTC').describe('where weeks start (Monday)'),
  stories: integer(1, 100).default(20).describe('the newest comments shown'),
});
const teamParamsSchema = z.strictObject({
  id: slug,
  team: z.string().min(1, { error: 'must not be empty' }).max(200, { error: 'must be at most 200 characters' }),
});
const storySchema = z.object({
  id: z.string(), score: z.number(), group: z.enum(['detractor', 'passive', 'promoter']), comment: z.string(), touchpoint: z.string().nullable(), createdAt: z.string(),
});

/** Registers the coaching routes (read key). */
export async function coachingRoutes(fastify: FastifyInstance, options: { coaching: Coaching; surveys: SurveyRepository; now?: () => number }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const now = options.now ?? Date.now;
  const tags = ['coaching'];
  const surveyOf = async (id: string) => (await options.surveys.get(id)) ?? Promise.reject(surveyNotFound(id));

  app.get('/v1/surveys/:id/teams', {
    schema: {
      summary: `The teams answers name in their \`${TEAM_PROPERTY}\` property, alphabetically: names only, so no team is ranked against another`,
      tags, params: z.strictObject({ id: slug }), querystring: teamsQuerySchema,
      response: { 200: z.object({ surveyId: z.string(), property: z.literal(TEAM_PROPERTY), teams: z.array(z.string()) }) },
    },
    config: { access: 'read' },
  }, async (request) => {
    const survey = await surveyOf(request.params.id);
    return { surveyId: survey.id, property: TEAM_PROPERTY as typeof TEAM_PROPERTY, teams: await options.coaching.teams(survey.id, request.query.days, now()) };
  });

  app.get('/v1/surveys/:id/teams/:team', {
    schema: {
      summary: "One team's own customers: their figure with its interval, the weekly trend and the newest comments, to learn from (no other team's figures, nothing per person)",
      tags, params: teamParamsSchema, querystring: teamQuerySchema,
      response: {
        200: z.object({
          surveyId: z.string(), team: z.string(), property: z.literal(TEAM_PROPERTY), metric: z.enum(METRICS), from: z.string(), to: z.string(), tz: z.string(),
          figure: summaryBodySchema.describe("the team's answers over the span"),
          trend: trendBodySchema.pick({ multipleComparisons: true, buckets: true }).describe('per week (from Monday in tz), each week against the one before'),
          stories: z.array(storySchema).describe("the team's customers' newest comments"),
        }),
      },
    },
    config: { access: 'read' },
  }, async (request) => {
    const survey = await surveyOf(request.params.id);
    const { team } = request.params;
    const { days: span, tz, stories } = request.query;
    const report = await options.coaching.team(survey.id, survey.metric, { team, days: span, timeZone: tz, stories }, now());
    const [from, to] = [new Date(report.from).toISOString(), new Date(report.to).toISOString()];
    return {
      surveyId: survey.id, team, property: TEAM_PROPERTY as typeof TEAM_PROPERTY, metric: survey.metric, from, to, tz,
      figure: { surveyId: survey.id, from, to, ...report.figure }, trend: report.trend, stories: report.stories,
    };
  });
}

