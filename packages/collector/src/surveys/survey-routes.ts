import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { surveyNotFound } from '../lib/errors.ts';
import { enforceSurveyOrigin } from '../plugins/origin.ts';
import type { SurveyRepository } from '../db/repositories/survey-repository.ts';
import { publicSettings } from './public-settings.ts';
import { surveyCreateSchema, surveyParamsSchema, surveyPatchSchema, surveySchema } from './survey-schemas.ts';

const publicSettingsSchema = surveySchema
  .pick({ id: true, brand: true, wording: true, followUp: true, sampling: true, resurveyDays: true, dismissDays: true, askConsent: true, active: true, metric: true })
  .extend({
    wording: surveySchema.shape.wording.describe("the survey's wording per locale; for CSAT and CES the metric's standard wording in every built-in language beneath it"),
    scale: z.object({
      lowest: z.number(), highest: z.number(),
      passiveFrom: z.number().describe('answers from here get the passive follow-up prompt'),
      promoterFrom: z.number().describe('answers from here get the promoter follow-up prompt'),
    }).describe("the metric's answer scale: NPS 0–10, CSAT 1–5, CES 1–7"),
  });

/** Survey administration, the public survey settings, and the summary. */
export async function surveyRoutes(fastify: FastifyInstance, options: { surveys: SurveyRepository }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { surveys } = options;
  const byId = async (id: string) => {
    const survey = await surveys.get(id);
    if (!survey) throw surveyNotFound(id);
    return survey;
  };

  app.post('/v1/surveys', {
    schema: { summary: 'Create a survey', tags: ['surveys'], body: surveyCreateSchema, response: { 201: surveySchema } },
    config: { access: 'admin' },
  }, async (request, reply) => reply.code(201).send(await surveys.create(request.body)));

  app.get('/v1/surveys', {
    schema: { summary: 'List surveys', tags: ['surveys'], response: { 200: z.object({ surveys: z.array(surveySchema) }) } },
    config: { access: 'read' },
  }, async () => ({ surveys: await surveys.list() }));

  app.get('/v1/surveys/:id', {
    schema: { summary: 'Read a survey', tags: ['surveys'], params: surveyParamsSchema, response: { 200: surveySchema } },
    config: { access: 'read' },
  }, async (request) => byId(request.params.id));

  app.patch('/v1/surveys/:id', {
    schema: {
      summary: 'Update a survey (any subset of fields; `active: false` pauses it)', tags: ['surveys'],
      params: surveyParamsSchema, body: surveyPatchSchema, response: { 200: surveySchema },
    },
    config: { access: 'admin' },
  }, async (request) => {
    const { id } = request.params;
    return (await surveys.update(id, request.body)) ?? byId(id);
  });

  app.get('/v1/surveys/:id/public', {
    schema: {
      summary: "A survey's public settings for the widget (cacheable, no secrets)", tags: ['surveys'],
      params: surveyParamsSchema, response: { 200: publicSettingsSchema },
    },
    // Any page may read the answer, refusals included: the widget tells the site owner in the console why it
    // will not show (unknown survey, origin not allowed). The handler still refuses an origin the survey does not allow.
    config: { access: 'public', cors: { origin: true, methods: ['GET'], maxAge: 86_400 } },
  }, async (request, reply) => {
    const survey = await byId(request.params.id);
    enforceSurveyOrigin(request, reply, survey);
    reply.header('Cache-Control', 'public, max-age=60');
    return publicSettings(survey);
  });

}
