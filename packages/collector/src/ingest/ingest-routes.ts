import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HttpError, surveyNotFound } from '../lib/errors.ts';
import { assertScoreOnScale } from '../lib/score-scale.ts';
import { enforceSurveyOrigin } from '../plugins/origin.ts';
import { eventBodySchema, ingestResultSchema, responseBodySchema } from './ingest-schemas.ts';
import type { Database } from '../db/database.ts';
import type { SurveyRecord, SurveyRepository } from '../db/repositories/survey-repository.ts';
import type { IngestStatus } from '../db/repositories/response-writer.ts';

const ingestConfig = { access: 'public', surveyCors: true, rateLimited: true } as const;

/** What the ingest routes need: the surveys, and the group-commit writes of the database. */
export interface IngestRouteOptions {
  surveys: SurveyRepository;
  database: Pick<Database, 'ingestResponse' | 'ingestEvent'>;
}

/** Checks that the survey an ingest request names exists, allows the request's origin, and is active. */
function checkSurvey(request: FastifyRequest, reply: FastifyReply, surveyId: string, survey: SurveyRecord | undefined): SurveyRecord {
  if (!survey) throw surveyNotFound(surveyId);
  enforceSurveyOrigin(request, reply, survey);
  if (!survey.active) throw new HttpError(403, 'survey_inactive', `surveyId: survey "${surveyId}" is paused`);
  return survey;
}

/** Counts the stored request and sets its status code; returns the body to send. */
function answer(app: FastifyInstance, reply: FastifyReply, kind: 'response' | 'event', id: string, status: IngestStatus) {
  app.metrics.ingested(kind, status);
  reply.code(status === 'created' ? 201 : 200);
  return { id, status };
}

/** Public ingest: `POST /v1/responses` and `POST /v1/events`, as JSON or as `text/plain` JSON (no CORS preflight). */
export async function ingestRoutes(fastify: FastifyInstance, options: IngestRouteOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Browsers send text/plain without a preflight; its body must still be JSON, parsed as strictly.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

  const common = { tags: ['ingest'], response: { 201: ingestResultSchema, 200: ingestResultSchema } };
  // Replies are a few dozen bytes: no compression hooks on the hot path.
  const routeOptions = { config: ingestConfig, compress: false } as const;
  type Payload = { id: string; surveyId: string; score?: number };
  /**
   * Checks the survey and the score (a bad request throws before anything is queued), queues the write, and sends
   * the answer once its batch is committed. Sent from the promise's callbacks rather than returned for Fastify to
   * await: its promise handling cost ~1 µs a request in alternating runs.
   */
  const write = (request: FastifyRequest, reply: FastifyReply, kind: 'response' | 'event', payload: Payload, store: () => Promise<IngestStatus>, found: SurveyRecord | undefined): void => {
    const survey = checkSurvey(request, reply, payload.surveyId, found);
    if (payload.score !== undefined) assertScoreOnScale(survey.metric, payload.score);
    store().then((status) => {
      try {
        reply.send(answer(app, reply, kind, payload.id, status));
      } catch (error) {
        // As Fastify does for a promise it awaits: what fails in sending is answered as an error, never left unhandled.
        reply.send(error);
      }
    }, (error: unknown) => reply.send(error));
  };
  // The survey from the cache when it is there (almost every request), without an await before the write is queued
  // (an await and two async frames cost ~1.5 µs a request in alternating runs); on a miss it is read first.
  const accept = (request: FastifyRequest, reply: FastifyReply, kind: 'response' | 'event', payload: Payload, store: () => Promise<IngestStatus>): void => {
    const cached = options.surveys.cached(payload.surveyId);
    if (cached) return write(request, reply, kind, payload, store, cached.survey);
    options.surveys.get(payload.surveyId).then((survey) => write(request, reply, kind, payload, store, survey)).catch((error: unknown) => reply.send(error));
  };

  app.post('/v1/responses', {
    schema: {
      ...common, body: responseBodySchema,
      summary: 'Record a response, or update it with the same id (comment, consent)',
      description: '201 `created` the first time; 200 `updated` or `unchanged` for the same id again. The score must be on the survey\'s scale (NPS 0–10, CSAT 1–5, CES 1–7), else 400 naming the range. A changed score is accepted within 30 minutes of the first send (409 `score_locked` after); the same id for another survey is 409 `id_conflict`.',
    },
    ...routeOptions,
  }, (request, reply) => accept(request, reply, 'response', request.body, () => options.database.ingestResponse(request.body)));

  app.post('/v1/events', {
    schema: {
      ...common, body: eventBodySchema,
      summary: 'Record that a prompt was shown or dismissed (for the response rate)',
      description: '201 `created` the first time; 200 `unchanged` for the same id again.',
    },
    ...routeOptions,
  }, (request, reply) => accept(request, reply, 'event', request.body, () => options.database.ingestEvent(request.body)));
}
