/** Improvement actions from the huddle: `POST/GET/PATCH /v1/actions`. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError, surveyNotFound } from '../lib/errors.ts';
import { clientId, plainText, slug } from '../lib/common-schemas.ts';
import { oneOrMany } from '../lib/query-params.ts';
import type { ActionKind, ActionState } from '../db/repositories/action-repository.ts';
import { ACTION_KINDS, ACTION_STATES } from './action-state.ts';
import type { SurveyRepository } from '../db/repositories/survey-repository.ts';
import type { ActionEffects } from './action-effect.ts';
import type { ActionService } from './action-service.ts';
import { effectBodySchema } from './effect-schemas.ts';

const state = z.enum(ACTION_STATES as [ActionState, ...ActionState[]], { error: `must be one of ${ACTION_STATES.join(', ')}` });
const kind = z.enum(ACTION_KINDS as [ActionKind, ...ActionKind[]], { error: `must be one of ${ACTION_KINDS.join(', ')}` })
  .describe('quick_win: low-hanging fruit, picked first; bigger_bet: a larger change, after the quick wins');
const person = plainText(100).min(1, { error: 'must not be empty' });
const dueDate = z.iso.date({ error: 'must be a date such as 2026-03-31' });
const fields = {
  title: plainText(200).min(1, { error: 'must not be empty' }),
  description: plainText(5000).nullable().optional(),
  owner: person.nullable().optional(),
  state: state.optional(),
  kind: kind.optional(),
  dueDate: dueDate.nullable().optional(),
  responseIds: z.array(clientId).max(200, { error: 'must have at most 200 ids' }).optional(),
  themes: z.array(plainText(100).min(1)).max(20, { error: 'must have at most 20 themes' }).optional(),
  touchpoint: slug.nullable().optional().describe('the touchpoint the action improves; its figure is measured before and after'),
};
/** A huddle id in a body or query. */
export const huddleIdSchema = z.string().regex(/^hud_[0-9a-f]{16}$/, { error: 'must be a huddle id (hud_…)' });
const createSchema = z.strictObject({ surveyId: slug, ...fields, huddleId: huddleIdSchema.optional().describe('the open huddle the action is made in') });
const patchSchema = z
  .strictObject({ ...fields, title: fields.title.optional() })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { error: 'must change at least one field' });
const paramsSchema = z.strictObject({ id: z.string().regex(/^act_[0-9a-f]{16}$/, { error: 'must be an action id (act_…)' }) });
const effectQuerySchema = z.strictObject({
  days: z.coerce.number({ error: 'must be a whole number of days from 1 to 365' }).int({ error: 'must be a whole number of days from 1 to 365' })
    .min(1, { error: 'must be a whole number of days from 1 to 365' }).max(365, { error: 'must be a whole number of days from 1 to 365' }).default(28)
    .describe('the length of the windows before and after'),
});
const listQuerySchema = z.strictObject({
  surveyId: slug.optional(),
  state: oneOrMany(state, 4),
  owner: person.optional(),
  kind: kind.optional(),
  huddleId: huddleIdSchema.optional(),
});

/** An action as returned. */
export const actionSchema = z.object({
  id: z.string(), surveyId: z.string(), title: z.string(), description: z.string().nullable(), owner: z.string().nullable(), state, kind,
  dueDate: z.string().nullable(), responseIds: z.array(z.string()), themes: z.array(z.string()), touchpoint: z.string().nullable(), huddleId: z.string().nullable(), createdAt: z.string(),
  updatedAt: z.string(), doneAt: z.string().nullable(), overdue: z.boolean(),
});

/** Registers the action routes: writes need an admin key, reads a read key. */
export async function actionRoutes(fastify: FastifyInstance, options: { actions: ActionService; effects: ActionEffects; surveys: SurveyRepository; now?: () => number }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const now = options.now ?? Date.now;
  const { actions } = options;
  const tags = ['actions'];
  const notFound = (id: string) => new HttpError(404, 'action_not_found', `id: no action with id "${id}"`);

  app.post('/v1/actions', {
    schema: { summary: 'Create an improvement action (state proposed unless given)', tags, body: createSchema, response: { 201: actionSchema } },
    config: { access: 'admin' },
  }, async (request, reply) => {
    const body = request.body;
    if (!(await options.surveys.get(body.surveyId))) throw surveyNotFound(body.surveyId);
    if (body.state && body.state !== 'proposed' && body.state !== 'in_progress') {
      throw new HttpError(400, 'invalid_request', 'state: a new action is proposed or in_progress');
    }
    return reply.code(201).send(await actions.create(body, now()));
  });

  app.get('/v1/actions', {
    schema: { summary: 'List actions: dated ones first, soonest due first', tags, querystring: listQuerySchema, response: { 200: z.object({ actions: z.array(actionSchema) }) } },
    config: { access: 'read' },
  }, async (request) => ({ actions: await actions.list(request.query, now()) }));

  app.get('/v1/actions/:id', {
    schema: { summary: 'Read an action', tags, params: paramsSchema, response: { 200: actionSchema } },
    config: { access: 'read' },
  }, async (request) => {
    const { id } = request.params;
    return (await actions.get(id, now())) ?? Promise.reject(notFound(id));
  });

  app.get('/v1/actions/:id/effect', {
    schema: {
      summary: 'Before and after a done action: its touchpoint\'s figure and its themes\' share of answers, each change tested (409 action_not_done before)',
      description: 'Before: the `days` days up to when the action was made. After: the `days` days from when it was done (up to now while they run). '
        + 'A touchpoint is measured with the survey\'s metric and its own test; a theme by the share of all answers (within the touchpoint, when the action has one) '
        + 'whose comment mentions it, with the two-proportion z-test. Significance is corrected over the action\'s measurements (Benjamini–Hochberg, 5 %).',
      tags, params: paramsSchema, querystring: effectQuerySchema, response: { 200: effectBodySchema },
    },
    config: { access: 'read' },
  }, async (request) => {
    const { id } = request.params;
    return (await options.effects(id, request.query.days, now())) ?? Promise.reject(notFound(id));
  });

  app.patch('/v1/actions/:id', {
    schema: {
      summary: 'Update an action; state moves proposed → in_progress → done, or to dropped (409 invalid_transition otherwise)', tags,
      params: paramsSchema, body: patchSchema, response: { 200: actionSchema },
    },
    config: { access: 'admin' },
  }, async (request) => {
    const { id } = request.params;
    return (await actions.update(id, request.body, now())) ?? Promise.reject(notFound(id));
  });
}
