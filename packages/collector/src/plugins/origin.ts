import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../lib/errors.ts';
import { originAllowed } from '../lib/origin-match.ts';
import type { SurveyRecord } from '../db/repositories/survey-repository.ts';

/**
 * Enforces a survey's allowed origins for a request (authorisation, not CORS): no `Origin` header
 * (servers, curl) passes; an allowed origin may read the reply, even when the survey is paused
 * (the widget then says why it shows nothing); any other is refused with 403.
 */
export function enforceSurveyOrigin(request: FastifyRequest, reply: FastifyReply, survey: SurveyRecord): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  if (!originAllowed(origin, survey.allowedOrigins)) {
    throw new HttpError(403, 'origin_not_allowed', `Origin: "${origin.slice(0, 100)}" is not in the allowed origins of survey "${survey.id}"`);
  }
  reply.header('Access-Control-Allow-Origin', origin);
}
