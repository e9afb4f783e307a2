/** The analytics routes (read or admin key): parse → call the analytics store → reply. */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Metric } from '@npsloop/core';
import { HttpError, surveyNotFound } from '../lib/errors.ts';
import { surveyParamsSchema } from '../surveys/survey-schemas.ts';
import type { AnalyticsFilter } from '../db/analytics/analytics-filter.ts';
import type { SurveyRepository } from '../db/repositories/survey-repository.ts';
import { countBuckets, localBuckets, type TrendInterval } from '../lib/time-buckets.ts';
import type { SegmentBy } from './analytics-queries.ts';
import type { AnalyticsService } from './analytics-service.ts';
import * as schemas from './analytics-schemas.ts';
import { decodeCursor } from './cursor.ts';
import { filterFromQuery } from './filters.ts';
import { segmentReport } from './segments.ts';
import { searchWords } from './text-fold.ts';
import { TEAM_PROPERTY, teamsNotRanked } from '../lib/team-property.ts';

/** Trends longer than this many buckets are refused (ask for a longer interval). */
export const MAX_TREND_BUCKETS = 1000;
const DEFAULT_TREND_SPAN_MS: Record<TrendInterval, number> = { day: 30 * 86_400_000, week: 12 * 7 * 86_400_000, month: 365 * 86_400_000 };

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** The options every analytics route shares: read access, the survey id in the path, documented query and body. */
function readRoute<Query extends z.ZodType, Reply extends z.ZodType>(summary: string, querystring: Query, response?: Reply) {
  return {
    schema: { summary, tags: ['analytics'], params: surveyParamsSchema, querystring, ...(response && { response: { 200: response } }) },
    config: { access: 'read' as const },
  };
}

/** Registers summary, trend, segments, compare, responses, themes and export under `/v1/surveys/:id/`. */
export async function analyticsRoutes(fastify: FastifyInstance, options: { analytics: AnalyticsService; surveys: SurveyRepository }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { analytics, surveys } = options;
  const metricOf = async (id: string): Promise<Metric> => {
    const survey = await surveys.get(id);
    if (!survey) throw surveyNotFound(id);
    return survey.metric;
  };
  const filterOf = async ({ id }: { id: string }, query: Record<string, unknown>, side?: 'a' | 'b'): Promise<AnalyticsFilter> => {
    await metricOf(id);
    return filterFromQuery(id, query, side);
  };

  app.get('/v1/surveys/:id/summary', readRoute(
    "The survey metric's figure (NPS, CSAT or CES) with its 95% interval, distribution, comment and response rates", schemas.summaryQuerySchema, schemas.summaryBodySchema,
  ), async (request) => {
    const filter = await filterOf(request.params, request.query);
    const metric = await metricOf(filter.surveyId);
    return { surveyId: filter.surveyId, from: iso(filter.from), to: iso(filter.to), ...(await analytics.summary(filter, metric)) };
  });

  app.get('/v1/surveys/:id/trend', readRoute(
    'The figure per local day, week (from Monday) or month, in any IANA time zone; each bucket\'s change from the one before, significance corrected over the buckets (Benjamini–Hochberg)', schemas.trendQuerySchema, schemas.trendBodySchema,
  ), async (request) => {
    const query = request.query;
    const filter = await filterOf(request.params, query);
    const tz = query.tz ?? 'UTC';
    const interval = query.interval as TrendInterval;
    const to = filter.to ?? Date.now();
    const from = filter.from ?? localBuckets(interval, tz, to - DEFAULT_TREND_SPAN_MS[interval], to - DEFAULT_TREND_SPAN_MS[interval] + 1)[0].start;
    if (to <= from) throw new HttpError(400, 'invalid_request', 'from: must be earlier than to (to defaults to now)');
    const buckets = countBuckets(interval, tz, from, to);
    if (buckets > MAX_TREND_BUCKETS) {
      throw new HttpError(400, 'invalid_request', `from: the trend would have ${buckets} buckets, at most ${MAX_TREND_BUCKETS}; narrow from/to or use a longer interval`);
    }
    const metric = await metricOf(filter.surveyId);
    return { surveyId: filter.surveyId, metric, interval, tz, from: iso(from), to: iso(to), ...(await analytics.trend({ ...filter, from, to }, interval, tz, metric)) };
  });

  app.get('/v1/surveys/:id/segments', readRoute(
    'The figure per touchpoint, channel, locale, journey or custom property, small samples flagged; `compare=previous` adds each row\'s change from the period before, significance corrected over the rows (Benjamini–Hochberg)',
    schemas.segmentsQuerySchema, schemas.segmentsBodySchema,
  ), async (request) => {
    const query = request.query;
    const filter = await filterOf(request.params, query);
    const metric = await metricOf(filter.surveyId);
    const by = query.by as SegmentBy;
    if (by === `property.${TEAM_PROPERTY}`) throw teamsNotRanked('by');
    const counts = await analytics.segmentCounts(filter, by);
    if (query.compare !== 'previous') return { surveyId: filter.surveyId, metric, ...segmentReport(query.by, counts, query.minN, metric) };
    if (filter.from === undefined) throw new HttpError(400, 'invalid_request', 'from: needed with compare=previous (the previous period is as long as from…to, just before it)');
    const to = filter.to ?? Date.now();
    if (to <= filter.from) throw new HttpError(400, 'invalid_request', 'from: must be earlier than to (to defaults to now)');
    const previous = await analytics.segmentCounts({ ...filter, from: filter.from - (to - filter.from), to: filter.from }, by);
    return { surveyId: filter.surveyId, metric, ...segmentReport(query.by, counts, query.minN, metric, previous) };
  });

  app.get('/v1/surveys/:id/compare', readRoute(
    'Two periods or two segments: difference, the metric\'s test (NPS two-sample z, CSAT two-proportion z, CES Welch t), p, significant', schemas.compareQuerySchema, schemas.compareBodySchema,
  ), async (request) => {
    const a = await filterOf(request.params, request.query, 'a');
    const b = await filterOf(request.params, request.query, 'b');
    const teamOf = (filter: typeof a) => filter.properties.find(([name]) => name === TEAM_PROPERTY)?.[1];
    if (teamOf(a) !== teamOf(b)) throw teamsNotRanked('b.property.team');
    if (JSON.stringify(a) === JSON.stringify(b)) {
      throw new HttpError(400, 'invalid_request', 'compare: the two sides are the same; give aFrom/aTo/bFrom/bTo or a.<filter>/b.<filter>');
    }
    const metric = await metricOf(a.surveyId);
    return { surveyId: a.surveyId, ...(await analytics.compare(a, b, metric)) };
  });

  app.get('/v1/surveys/:id/responses', readRoute(
    'Responses newest first: filters, full-text search, cursor pagination', schemas.responsesQuerySchema, schemas.responsesBodySchema,
  ), async (request) => {
    const query = request.query;
    const filter = await filterOf(request.params, query);
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (after === null) throw new HttpError(400, 'invalid_request', 'cursor: is not a nextCursor from this API');
    const words = query.q === undefined ? undefined : searchWords(query.q);
    if (words?.length === 0) throw new HttpError(400, 'invalid_request', 'q: must contain a letter or digit');
    const hasComment = query.hasComment === undefined ? undefined : query.hasComment === 'true';
    const metric = await metricOf(filter.surveyId);
    return analytics.listResponses(filter, { group: query.group, score: query.score, hasComment, status: query.status, words, after, limit: query.limit }, metric);
  });

  app.get('/v1/surveys/:id/themes', readRoute(
    'Recurring words and phrases in comments, with counts per group of the survey\'s scale and the survey metric\'s figure of those mentioning them', schemas.themesQuerySchema, schemas.themesBodySchema,
  ), async (request) => {
    const query = request.query;
    const filter = await filterOf(request.params, query);
    return { surveyId: filter.surveyId, ...(await analytics.themes(filter, query.group ?? null, query.limit, await metricOf(filter.surveyId))) };
  });

  app.get('/v1/surveys/:id/export', readRoute(
    'Every stored field of the filtered responses, streamed as RFC 4180 CSV or NDJSON', schemas.exportQuerySchema,
  ), async (request, reply) => {
    const query = request.query;
    const filter = await filterOf(request.params, query);
    const csv = query.format === 'csv';
    reply
      .type(csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filter.surveyId}-responses.${query.format}"`);
    return reply.send(Readable.from(analytics.exportResponses(filter, query.format, await metricOf(filter.surveyId))));
  });
}
