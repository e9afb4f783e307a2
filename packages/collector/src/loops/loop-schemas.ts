/** zod schemas of the loop routes: bounded input, and the shapes the API returns. */
import { z } from 'zod';
import { clientId, plainText, slug } from '../lib/common-schemas.ts';
import type { LoopState } from '../db/repositories/loop-repository.ts';
import { LOOP_STATES } from './loop-state.ts';
import { booleanText, oneOrMany } from '../lib/query-params.ts';

const state = z.enum(LOOP_STATES as [LoopState, ...LoopState[]], { error: `must be one of ${LOOP_STATES.join(', ')}` });
const person = plainText(100).min(1, { error: 'must not be empty' });

/** Path parameters of `/v1/responses/:id/...`. */
export const responseParamsSchema = z.strictObject({ id: clientId });

/** Body of `PATCH /v1/responses/:id`. */
export const responsePatchSchema = z
  .strictObject({
    status: state.optional(),
    closeReason: slug.optional(),
    assignee: person.nullable().optional(),
    tags: z.array(slug).max(20, { error: 'must have at most 20 tags' }).optional(),
    excluded: z.boolean().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { error: 'must change at least one of status, closeReason, assignee, tags, excluded' });

/** Body of `POST /v1/responses/:id/notes`. */
export const noteBodySchema = z.strictObject({
  author: person,
  text: plainText(5000).min(1, { error: 'must not be empty' }),
});

/** Query of `GET /v1/loops`. */
export const loopListQuerySchema = z.strictObject({
  surveyId: slug.optional(),
  state: oneOrMany(state, 4),
  assignee: person.optional(),
  unassigned: booleanText.optional(),
  tag: slug.optional(),
  overdue: booleanText.optional(),
  includeExcluded: booleanText.optional(),
  limit: z.coerce.number().int().min(1).max(500, { error: 'must be from 1 to 500' }).default(100),
  cursor: z.string().max(200).optional(),
});

/** Query of `GET /v1/surveys/:id/loops/stats`. */
export const loopStatsQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).optional(),
  to: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).optional(),
});

const durationSchema = z.object({ n: z.number(), medianHours: z.number().nullable(), p90Hours: z.number().nullable() });

/** A loop as returned. */
export const loopSchema = z.object({
  responseId: z.string(), surveyId: z.string(), state, assignee: z.string().nullable(), tags: z.array(z.string()),
  closeReason: z.string().nullable(), openedAt: z.string(), firstContactAt: z.string().nullable(),
  resolvedAt: z.string().nullable(), closedAt: z.string().nullable(), updatedAt: z.string(), overdue: z.boolean(),
  dueAt: z.string(), contactable: z.boolean(), contact: z.object({ email: z.string().nullable(), userId: z.string().nullable() }).nullable(),
  excluded: z.boolean(), notesCount: z.number(),
  response: z.object({ score: z.number(), comment: z.string().nullable(), touchpoint: z.string().nullable(), channel: z.string().nullable(), createdAt: z.string() }),
});

/** A note as returned. */
export const noteSchema = z.object({ id: z.string(), author: z.string(), text: z.string(), createdAt: z.string() });

/** The SLA figures as returned. */
export const loopStatsSchema = z.object({
  surveyId: z.string(), open: z.number(), byState: z.record(z.string(), z.number()),
  timeToFirstContact: durationSchema, timeToResolution: durationSchema,
  withinSla: z.object({ slaHours: z.number(), contactedInTime: z.number(), of: z.number(), share: z.number().nullable() }),
  overdue: z.array(loopSchema),
});
