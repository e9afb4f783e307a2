/** Close-the-loop routes: change a response's loop, add notes, list loops, SLA figures, loop settings. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError, surveyNotFound } from '../lib/errors.ts';
import { surveyParamsSchema } from '../surveys/survey-schemas.ts';
import { METRIC_NAMES } from '@npsloop/core';
import { MAX_LOOP_THRESHOLDS, type LoopSettingsRepository } from '../db/repositories/loop-settings-repository.ts';
import type { SurveyRepository } from '../db/repositories/survey-repository.ts';
import { decodeLoopCursor } from './loop-cursor.ts';
import type { LoopService } from './loop-service.ts';
import { loopSettingsPatchSchema, loopSettingsSchema } from './loop-settings.ts';
import {
  loopListQuerySchema, loopSchema, loopStatsQuerySchema, loopStatsSchema, noteBodySchema, noteSchema,
  responseParamsSchema, responsePatchSchema,
} from './loop-schemas.ts';

/** Options of the loop routes: the loop service, surveys and loop settings, and the clock (injectable for tests). */
export interface LoopRouteOptions {
  loops: LoopService;
  surveys: SurveyRepository;
  settings: LoopSettingsRepository;
  now?: () => number;
}

/** Registers the loop routes; writes need an admin key, reads a read key. */
export async function loopRoutes(fastify: FastifyInstance, options: LoopRouteOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const now = options.now ?? Date.now;
  const { loops, settings } = options;
  const requireSurvey = async (id: string) => {
    if (!(await options.surveys.get(id))) throw surveyNotFound(id);
  };
  const tags = ['loops'];

  app.patch('/v1/responses/:id', {
    schema: {
      summary: "Change a response's loop (status, closeReason, assignee, tags) or mark it excluded", tags,
      description: 'Status moves `open → contacted → resolved`, or to `closed` with a `closeReason` from the survey list; finished loops can be reopened. Other moves are 409 `invalid_transition`.',
      params: responseParamsSchema, body: responsePatchSchema,
      response: { 200: z.object({ id: z.string(), excluded: z.boolean(), loop: loopSchema.nullable() }) },
    },
    config: { access: 'admin' },
  }, async (request) => loops.patchResponse(request.params.id, request.body, now()));

  app.get('/v1/responses/:id/loop', {
    schema: { summary: "A response's loop with its notes", tags, params: responseParamsSchema, response: { 200: loopSchema.extend({ notes: z.array(noteSchema) }) } },
    config: { access: 'read' },
  }, async (request) => {
    const { id } = request.params;
    const loop = await loops.getWithNotes(id, now());
    if (!loop) throw new HttpError(404, 'loop_not_found', `id: response "${id}" has no loop`);
    return loop;
  });

  app.post('/v1/responses/:id/notes', {
    schema: { summary: "Add a note to a response's loop", tags, params: responseParamsSchema, body: noteBodySchema, response: { 201: noteSchema } },
    config: { access: 'admin' },
  }, async (request, reply) => reply.code(201).send(await loops.addNote(request.params.id, request.body, now())));

  app.get('/v1/loops', {
    schema: {
      summary: 'The loop work queue, oldest first', tags, querystring: loopListQuerySchema,
      response: { 200: z.object({ loops: z.array(loopSchema), nextCursor: z.string().nullable() }) },
    },
    config: { access: 'read' },
  }, async (request) => {
    const query = request.query;
    const cursor = query.cursor === undefined ? undefined : decodeLoopCursor(query.cursor);
    if (cursor === null) throw new HttpError(400, 'invalid_request', 'cursor: not a cursor from this API');
    return loops.list({ ...query, after: cursor }, now());
  });

  app.get('/v1/surveys/:id/loops/stats', {
    schema: {
      summary: 'SLA figures: open loops, time to first contact and to resolution, share contacted within the SLA, overdue loops', tags,
      params: surveyParamsSchema, querystring: loopStatsQuerySchema, response: { 200: loopStatsSchema },
    },
    config: { access: 'read' },
  }, async (request) => {
    const { id } = request.params;
    const { from, to } = request.query;
    await requireSurvey(id);
    return loops.stats(id, { from: from ? Date.parse(from) : undefined, to: to ? Date.parse(to) : undefined }, now());
  });

  app.get('/v1/surveys/:id/loop-settings', {
    schema: { summary: "A survey's loop settings", tags, params: surveyParamsSchema, response: { 200: loopSettingsSchema } },
    config: { access: 'read' },
  }, async (request) => {
    const { id } = request.params;
    await requireSurvey(id);
    return { surveyId: id, ...(await settings.get(id)) };
  });

  app.patch('/v1/surveys/:id/loop-settings', {
    schema: {
      summary: "Change a survey's loop settings (threshold, passives, SLA hours, close reasons)", tags,
      params: surveyParamsSchema, body: loopSettingsPatchSchema, response: { 200: loopSettingsSchema },
    },
    config: { access: 'admin' },
  }, async (request) => {
    const { id } = request.params;
    await requireSurvey(id);
    const threshold = request.body.detractorThreshold;
    const { metric } = await settings.get(id);
    if (threshold !== undefined && threshold > MAX_LOOP_THRESHOLDS[metric]) {
      throw new HttpError(400, 'invalid_request', `detractorThreshold: must be an integer from 0 to ${MAX_LOOP_THRESHOLDS[metric]} (the survey measures ${METRIC_NAMES[metric]})`);
    }
    if (request.body.includePassives && metric !== 'nps') {
      throw new HttpError(400, 'invalid_request', `includePassives: only NPS has passives (the survey measures ${METRIC_NAMES[metric]}); raise detractorThreshold instead`);
    }
    return { surveyId: id, ...(await settings.update(id, request.body, now())) };
  });
}

