/** Journeys: `POST/GET /v1/journeys`, `GET/PUT/DELETE /v1/journeys/:id`, and the picture of a period at `GET /v1/journeys/:id/figures`. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AnalyticsService } from '../analytics/analytics-service.ts';
import { parseIsoInstant } from '../analytics/time-input.ts';
import type { JourneyRecord, JourneyRepository, JourneyStep } from '../db/repositories/journey-repository.ts';
import type { SurveyRepository } from '../db/repositories/survey-repository.ts';
import { HttpError } from '../lib/errors.ts';
import { journeyReport, type StepSurvey } from './journey-report.ts';
import * as schemas from './journey-schemas.ts';

/** The period a journey is shown for when none is asked: the 30 days before now. */
export const DEFAULT_JOURNEY_DAYS = 30;

const notFound = (id: string) => new HttpError(404, 'journey_not_found', `id: no journey with id "${id}"`);

/** The journey, or a 404 naming the id. */
async function journeyOf(journeys: JourneyRepository, id: string): Promise<JourneyRecord> {
  const journey = await journeys.get(id);
  if (!journey) throw notFound(id);
  return journey;
}

/** A journey as the API returns it: steps without empty keys, times in ISO 8601. */
function journeyView(journey: JourneyRecord) {
  return { ...journey, createdAt: new Date(journey.createdAt).toISOString(), updatedAt: new Date(journey.updatedAt).toISOString() };
}

/** The steps as stored: only the key a step counts by. */
function storedSteps(steps: z.infer<typeof schemas.replaceJourneySchema>['steps']): JourneyStep[] {
  return steps.map((step) => ({ name: step.name, ...(step.touchpoint !== undefined ? { touchpoint: step.touchpoint } : { journey: step.journey }), surveys: step.surveys }));
}

/** Registers the journey routes: writes need an admin key, reads a read key. */
export async function journeyRoutes(
  fastify: FastifyInstance, options: { journeys: JourneyRepository; surveys: SurveyRepository; analytics: AnalyticsService; now?: () => number },
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { journeys, surveys, analytics } = options;
  const now = options.now ?? Date.now;
  const tags = ['journeys'];

  /** The surveys the steps name; a name that is no survey is a 400 naming the step. */
  async function surveysOf(steps: readonly JourneyStep[]): Promise<Map<string, StepSurvey>> {
    const found = new Map<string, StepSurvey>();
    for (const [position, step] of steps.entries()) {
      for (const [index, id] of step.surveys.entries()) {
        if (found.has(id)) continue;
        const survey = await surveys.get(id);
        if (!survey) throw new HttpError(400, 'invalid_request', `steps.${position}.surveys.${index}: no survey with id "${id}"`);
        found.set(id, { id, name: survey.name, metric: survey.metric });
      }
    }
    return found;
  }

  app.post('/v1/journeys', {
    schema: { summary: 'Create a journey: ordered steps, each a touchpoint or journey value and the surveys that measure it', tags, body: schemas.createJourneySchema, response: { 201: schemas.journeySchema } },
    config: { access: 'admin' },
  }, async (request, reply) => {
    const steps = storedSteps(request.body.steps);
    await surveysOf(steps);
    if (!(await journeys.insert({ id: request.body.id, name: request.body.name, steps }, now()))) {
      throw new HttpError(409, 'journey_exists', `id: a journey with id "${request.body.id}" already exists`);
    }
    return reply.code(201).send(journeyView((await journeys.get(request.body.id))!));
  });

  app.get('/v1/journeys', {
    schema: { summary: 'Every journey, by name', tags, response: { 200: z.object({ journeys: z.array(schemas.journeySchema) }) } },
    config: { access: 'read' },
  }, async () => ({ journeys: (await journeys.list()).map(journeyView) }));

  app.get('/v1/journeys/:id', {
    schema: { summary: 'One journey', tags, params: schemas.journeyParamsSchema, response: { 200: schemas.journeySchema } },
    config: { access: 'read' },
  }, async (request) => journeyView(await journeyOf(journeys, request.params.id)));

  app.put('/v1/journeys/:id', {
    schema: { summary: 'Replace a journey\'s name and steps', tags, params: schemas.journeyParamsSchema, body: schemas.replaceJourneySchema, response: { 200: schemas.journeySchema } },
    config: { access: 'admin' },
  }, async (request) => {
    const steps = storedSteps(request.body.steps);
    await surveysOf(steps);
    if (!(await journeys.replace(request.params.id, { name: request.body.name, steps }, now()))) throw notFound(request.params.id);
    return journeyView((await journeys.get(request.params.id))!);
  });

  app.delete('/v1/journeys/:id', {
    schema: { summary: 'Delete a journey (its surveys and answers stay)', tags, params: schemas.journeyParamsSchema },
    config: { access: 'admin' },
  }, async (request, reply) => {
    if (!(await journeys.delete(request.params.id))) throw notFound(request.params.id);
    return reply.code(204).send();
  });

  app.get('/v1/journeys/:id/figures', {
    schema: {
      summary: 'Every step\'s figure and 95% interval for a period (default the last 30 days), each against the period before; significant moves corrected over the whole journey (Benjamini–Hochberg)',
      tags, params: schemas.journeyParamsSchema, querystring: schemas.figuresQuerySchema, response: { 200: schemas.figuresBodySchema },
    },
    config: { access: 'read' },
  }, async (request) => {
    const journey = await journeyOf(journeys, request.params.id);
    const zone = request.query.tz ?? 'UTC';
    const to = request.query.to === undefined ? now() : parseIsoInstant(request.query.to, zone)!;
    const from = request.query.from === undefined ? to - DEFAULT_JOURNEY_DAYS * 86_400_000 : parseIsoInstant(request.query.from, zone)!;
    if (to <= from) throw new HttpError(400, 'invalid_request', 'from: must be earlier than to (to defaults to now)');
    const previous = { from: from - (to - from), to: from };
    const stepSurveys = await surveysOf(journey.steps);
    const filters = journey.steps.flatMap((step) => step.surveys.map((surveyId) => ({
      surveyId, dims: step.touchpoint !== undefined ? { touchpoint: step.touchpoint } : { journey: step.journey! }, properties: [],
    })));
    const counted = await analytics.countEach(filters, [{ from, to }, previous]);
    let cell = 0;
    const counts = journey.steps.map((step) => step.surveys.map(() => {
      const [current, before] = counted[cell++];
      return [current, before] as const;
    }));
    const iso = (ms: number) => new Date(ms).toISOString();
    return {
      journeyId: journey.id, name: journey.name, from: iso(from), to: iso(to), previous: { from: iso(previous.from), to: iso(previous.to) },
      minN: request.query.minN, ...journeyReport(journey, stepSurveys, counts, request.query.minN),
    };
  });
}
