/** `GET /v1/surveys/:id/huddle`: the digest for the team meeting, as JSON or Markdown. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { surveyNotFound } from '../lib/errors.ts';
import { isTimeZone } from '../lib/time-zone.ts';
import { surveyParamsSchema } from '../surveys/survey-schemas.ts';
import { huddleMarkdown } from './huddle-markdown.ts';
import type { SurveyRepository } from '../db/repositories/survey-repository.ts';
import type { HuddleDigest } from './huddle-report.ts';

const querySchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(92, { error: 'must be a whole number of days from 1 to 92' }).default(7),
  tz: z.string().max(64).refine(isTimeZone, { error: 'must be an IANA time zone such as Europe/Amsterdam' }).default('UTC'),
  format: z.enum(['json', 'md'], { error: 'must be json or md' }).default('json'),
});

/** Registers the huddle route (read key). */
export async function huddleRoutes(fastify: FastifyInstance, options: {
  report: (survey: { id: string; name: string }, options: { days: number; timeZone: string; now: number }) => Promise<HuddleDigest>;
  surveys: SurveyRepository;
  now?: () => number;
}): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const now = options.now ?? Date.now;
  const { report } = options;
  app.get('/v1/surveys/:id/huddle', {
    schema: {
      summary: 'The huddle digest: NPS and whether it changed significantly, the segment that moved most, themes with quotes, loops, actions, questions',
      description: 'The last `days` local days in `tz`, today included, against the `days` before. `format=md` returns Markdown for a chat tool.',
      tags: ['huddle'], params: surveyParamsSchema, querystring: querySchema,
    },
    config: { access: 'read' },
  }, async (request, reply) => {
    const { id } = request.params;
    const query = request.query;
    const survey = await options.surveys.get(id);
    if (!survey) throw surveyNotFound(id);
    const digest = await report(survey, { days: query.days, timeZone: query.tz, now: now() });
    if (query.format === 'md') return reply.type('text/markdown; charset=utf-8').send(huddleMarkdown(digest));
    return digest;
  });
}
