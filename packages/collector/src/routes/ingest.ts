import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError, surveyNotFound } from '../errors.ts';
import { enforceSurveyOrigin } from '../plugins/origin.ts';
import { eventBodySchema, ingestResultSchema, responseBodySchema, type EventBody, type ResponseBody } from '../schemas/ingest.ts';
import type { Survey } from '../schemas/survey.ts';
import type { IngestStatus } from '../store/response-writes.ts';

const ingestConfig = { access: 'public', cors: 'survey', rateLimited: true } as const;

/** The survey an ingest request names, if it exists, allows the request's origin, is within its rate limit, and is active. */
export function acceptingSurvey(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, surveyId: string): Survey {
  const survey = app.store.getSurvey(surveyId);
  if (!survey) throw surveyNotFound(surveyId);
  enforceSurveyOrigin(request, reply, survey);
  app.limitSurvey(surveyId);
  if (!survey.active) throw new HttpError(403, 'survey_inactive', `surveyId: survey "${surveyId}" is paused`);
  return survey;
}

function answer(app: FastifyInstance, reply: FastifyReply, kind: string, id: string, status: IngestStatus) {
  app.metrics.inc('npsloop_ingest_total', 'Ingest requests stored, by kind and outcome', { kind, status });
  return reply.code(status === 'created' ? 201 : 200).send({ id, status });
}

/** Public ingest: `POST /v1/responses` and `POST /v1/events`, as JSON or as `text/plain` JSON (no CORS preflight). */
export async function ingestRoutes(app: FastifyInstance): Promise<void> {
  // Browsers send text/plain without a preflight; its body must still be JSON, parsed as strictly.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

  app.post('/v1/responses', {
    schema: {
      summary: 'Record a response, or update it with the same id (comment, consent)',
      description: '201 `created` the first time; 200 `updated` or `unchanged` for the same id again. A changed score is accepted within 30 minutes of the first send (409 `score_locked` after); the same id for another survey is 409 `id_conflict`.',
      tags: ['ingest'],
      body: responseBodySchema,
      response: { 201: ingestResultSchema, 200: ingestResultSchema },
    },
    config: ingestConfig,
  }, async (request, reply) => {
    const body = request.body as ResponseBody;
    acceptingSurvey(app, request, reply, body.surveyId);
    return answer(app, reply, 'response', body.id, await app.store.ingestResponse(body));
  });

  app.post('/v1/events', {
    schema: {
      summary: 'Record that a prompt was shown or dismissed (for the response rate)',
      description: '201 `created` the first time; 200 `unchanged` for the same id again.',
      tags: ['ingest'],
      body: eventBodySchema,
      response: { 201: ingestResultSchema, 200: ingestResultSchema },
    },
    config: ingestConfig,
  }, async (request, reply) => {
    const body = request.body as EventBody;
    acceptingSurvey(app, request, reply, body.surveyId);
    return answer(app, reply, 'event', body.id, await app.store.ingestEvent(body));
  });
}
