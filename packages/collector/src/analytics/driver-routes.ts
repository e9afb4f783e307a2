/** `GET /v1/surveys/:id/drivers`: what to fix first, with every analytics filter (read key). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { surveyNotFound } from '../lib/errors.ts';
import type { SurveyRepository } from '../db/repositories/survey-repository.ts';
import { surveyParamsSchema } from '../surveys/survey-schemas.ts';
import { integer } from './analytics-schemas.ts';
import type { DriverReport } from './drivers.ts';
import { analyticsQuerySchema, filterFromQuery } from './filters.ts';

const querySchema = analyticsQuerySchema({
  limit: integer(1, 50).default(20).describe('the most mentioned themes weighed, at most'),
  minMentions: integer(2, 100_000).default(5).describe('a theme needs this many answers mentioning it (fewer give an interval too wide to act on)'),
});

const driverSchema = z.object({
  theme: z.string().describe('the phrase as most comments wrote it'),
  n: z.number().describe('answers in the filter whose comment mentions the theme'),
  nps: z.number().nullable().describe('the NPS of those answers'),
  impact: z.number().nullable().describe('NPS of all answers in the filter minus NPS of those not mentioning the theme, in points: negative holds the score back'),
  interval: z.object({ low: z.number(), high: z.number(), level: z.literal(0.95), method: z.literal('delta-adjusted-wald') }).nullable()
    .describe("the impact's 95% interval"),
});

const bodySchema = z.object({
  surveyId: z.string(),
  from: z.string().nullable().describe('where the answers weighed begin (later than the filter asked when more comments than are read)'),
  to: z.string().describe('where they end (now, when the filter is open)'),
  truncated: z.boolean().describe('true when the filter holds more comments than are read (the newest 25,000)'),
  language: z.string().describe("the survey's language: comments without a locale are stemmed in it"),
  n: z.number().describe('answers in the filter, with or without a comment'),
  nps: z.number().nullable().describe('their NPS'),
  comments: z.number().describe('comments read'),
  drivers: z.array(driverSchema).describe('the theme holding the score back most first'),
});

/** Registers the drivers route. */
export async function driverRoutes(fastify: FastifyInstance, options: { drivers: DriverReport; surveys: SurveyRepository; now?: () => number }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const now = options.now ?? Date.now;
  app.get('/v1/surveys/:id/drivers', {
    schema: {
      summary: 'Key drivers: which recurring themes hold the score back most, each with its impact in NPS points and a 95% interval',
      description: 'Every analytics filter applies. `impact` = NPS of all answers in the filter (with or without a comment) minus NPS of the answers '
        + 'that do not mention the theme: what the score would gain if those answers scored like the rest. Sorted by impact, lowest first.',
      tags: ['analytics'], params: surveyParamsSchema, querystring: querySchema, response: { 200: bodySchema },
    },
    config: { access: 'read' },
  }, async (request) => {
    const { id } = request.params;
    if (!(await options.surveys.get(id))) throw surveyNotFound(id);
    const query = request.query;
    const filter = filterFromQuery(id, query);
    const report = await options.drivers(filter, { themes: query.limit, minMentions: query.minMentions }, now());
    return { surveyId: id, ...report, from: report.from === null ? null : new Date(report.from).toISOString(), to: new Date(report.to).toISOString() };
  });
}
