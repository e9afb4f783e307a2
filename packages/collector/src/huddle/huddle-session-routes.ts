/** Huddles the team runs and keeps: `POST/GET /v1/surveys/:id/huddles`, `GET/PATCH /v1/huddles/:id`, `POST /v1/huddles/:id/close`. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actionSchema, huddleIdSchema } from '../actions/action-routes.ts';
import { figureSchema } from '../analytics/analytics-schemas.ts';
import type { SurveyRepository } from '../db/repositories/survey-repository.ts';
import { plainText } from '../lib/common-schemas.ts';
import { surveyNotFound } from '../lib/errors.ts';
import { isTimeZone } from '../lib/time-zone.ts';
import { surveyParamsSchema } from '../surveys/survey-schemas.ts';
import { huddleSessionMarkdown } from './huddle-session-markdown.ts';
import type { HuddleSessions } from './huddle-sessions.ts';

const attendees = z.array(plainText(100).min(1, { error: 'must not be empty' })).max(50, { error: 'must have at most 50 names' });
const note = plainText(10_000).nullable();
const startSchema = z.strictObject({
  days: z.number({ error: 'must be a whole number of days from 1 to 92' }).int({ error: 'must be a whole number of days from 1 to 92' })
    .min(1, { error: 'must be a whole number of days from 1 to 92' }).max(92, { error: 'must be a whole number of days from 1 to 92' }).default(7),
  tz: z.string().max(64).refine(isTimeZone, { error: 'must be an IANA time zone such as Europe/Amsterdam' }).default('UTC'),
  attendees: attendees.default([]),
});
const notesSchema = z.strictObject({ attendees: attendees.optional(), learned: note.optional(), staffNeeds: note.optional(), decisions: note.optional() })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { error: 'must change at least one of attendees, learned, staffNeeds, decisions' });
const paramsSchema = z.strictObject({ id: huddleIdSchema });
const historyQuerySchema = z.strictObject({
  limit: z.coerce.number({ error: 'must be a whole number from 1 to 100' }).int({ error: 'must be a whole number from 1 to 100' })
    .min(1, { error: 'must be a whole number from 1 to 100' }).max(100, { error: 'must be a whole number from 1 to 100' }).default(20),
  before: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time such as 2026-03-01T09:00:00Z' }).optional(),
});
const formatSchema = z.strictObject({ format: z.enum(['json', 'md'], { error: 'must be json or md' }).default('json') });

const huddleFields = {
  id: z.string(), state: z.enum(['open', 'closed']), startedAt: z.string(), closedAt: z.string().nullable(), days: z.number(), tz: z.string(),
  attendees: z.array(z.string()), learned: z.string().nullable(), staffNeeds: z.string().nullable(), decisions: z.string().nullable(),
};
const huddleSchema = z.object({
  ...huddleFields, surveyId: z.string(),
  digest: z.record(z.string(), z.unknown()).describe('the digest (as GET /v1/surveys/:id/huddle) the huddle was held on; quotes read from the responses as they stand now'),
  actions: z.array(actionSchema).describe('actions made in this huddle'),
  previous: z.object({ id: z.string(), startedAt: z.string(), decisions: z.string().nullable(), actions: z.array(actionSchema).describe('where each stands now') }).nullable()
    .describe('the huddle before this one and the actions made in it'),
});
const historySchema = z.object({
  huddles: z.array(z.object({ ...huddleFields, figure: figureSchema.describe('the NPS the huddle was held on'),
    change: z.object({ difference: z.number().nullable(), p: z.number().nullable(), significant: z.boolean(), verdict: z.string() }), actions: z.number().describe('actions made in it') })),
});

/** Registers the huddle lifecycle routes: writes need an admin key, reads a read key. */
export async function huddleSessionRoutes(fastify: FastifyInstance, options: { huddles: HuddleSessions; surveys: SurveyRepository; now?: () => number }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const now = options.now ?? Date.now;
  const { huddles, surveys } = options;
  const tags = ['huddle'];
  const surveyOf = async (id: string) => (await surveys.get(id)) ?? Promise.reject(surveyNotFound(id));

  app.post('/v1/surveys/:id/huddles', {
    schema: {
      summary: 'Start a huddle on the digest of the last `days` days (kept as it is now); 409 huddle_open while another is open',
      tags, params: surveyParamsSchema, body: startSchema, response: { 201: huddleSchema },
    },
    config: { access: 'admin' },
  }, async (request, reply) => {
    const survey = await surveyOf(request.params.id);
    const { days, tz, attendees: names } = request.body;
    return reply.code(201).send(await huddles.start(survey, { days, timeZone: tz, attendees: names }, now()));
  });

  app.get('/v1/surveys/:id/huddles', {
    schema: { summary: 'The huddles held, newest first', tags, params: surveyParamsSchema, querystring: historyQuerySchema, response: { 200: historySchema } },
    config: { access: 'read' },
  }, async (request) => {
    const survey = await surveyOf(request.params.id);
    const { limit, before } = request.query;
    return { huddles: await huddles.history(survey.id, { limit, before: before === undefined ? undefined : Date.parse(before) }) };
  });

  app.get('/v1/huddles/:id', {
    schema: { summary: 'A huddle: its digest, notes, actions and the previous huddle\'s actions; `format=md` for the team\'s chat', tags, params: paramsSchema, querystring: formatSchema },
    config: { access: 'read' },
  }, async (request, reply) => {
    const huddle = await huddles.get(request.params.id, now());
    if (request.query.format === 'json') return huddle;
    const survey = await surveys.get(huddle.surveyId);
    return reply.type('text/markdown; charset=utf-8').send(huddleSessionMarkdown(huddle, survey?.name ?? huddle.surveyId));
  });

  app.patch('/v1/huddles/:id', {
    schema: { summary: 'Note attendees, what we learned, what staff need, decisions; 409 huddle_closed once closed', tags, params: paramsSchema, body: notesSchema, response: { 200: huddleSchema } },
    config: { access: 'admin' },
  }, async (request) => huddles.note(request.params.id, request.body, now()));

  app.post('/v1/huddles/:id/close', {
    schema: { summary: 'Close a huddle; 409 huddle_closed when it already is', tags, params: paramsSchema, response: { 200: huddleSchema } },
    config: { access: 'admin' },
  }, async (request) => huddles.close(request.params.id, now()));
}
