/** Journey request and reply schemas: the steps a journey is made of, and the picture of one period. */
import { z } from 'zod';
import { integer, metricFigureSchema } from '../analytics/analytics-schemas.ts';
import { queryText } from '../analytics/filters.ts';
import { parseIsoInstant } from '../analytics/time-input.ts';
import { plainText, slug } from '../lib/common-schemas.ts';
import { isTimeZone } from '../lib/time-zone.ts';

/** The most steps a journey has, and surveys a step shows. */
export const JOURNEY_LIMITS = { steps: 12, surveysPerStep: 4 } as const;

const stepSchema = z.strictObject({
  name: plainText(60).min(1, { error: 'must not be empty' }).describe('what the step is called, e.g. "Delivery"'),
  touchpoint: slug.optional().describe('the answers of this touchpoint'),
  journey: slug.optional().describe('or the answers of this journey value'),
  surveys: z.array(slug).min(1, { error: 'must name at least one survey' })
    .max(JOURNEY_LIMITS.surveysPerStep, { error: `must name at most ${JOURNEY_LIMITS.surveysPerStep} surveys` })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'must not name a survey twice' })
    .describe('surveys whose figures the step shows (each its own metric)'),
}).refine((step) => (step.touchpoint === undefined) !== (step.journey === undefined), { error: 'must have exactly one of touchpoint or journey' });

const journeyFields = {
  name: plainText(100).min(1, { error: 'must not be empty' }),
  steps: z.array(stepSchema).min(1, { error: 'must have at least one step' })
    .max(JOURNEY_LIMITS.steps, { error: `must have at most ${JOURNEY_LIMITS.steps} steps` }).describe('in the order a customer goes through them'),
};

/** `POST /v1/journeys`. */
export const createJourneySchema = z.strictObject({ id: slug, ...journeyFields });

/** `PUT /v1/journeys/:id`: the whole journey again. */
export const replaceJourneySchema = z.strictObject(journeyFields);

/** A journey id in the path. */
export const journeyParamsSchema = z.strictObject({ id: slug });

/** A journey as the API returns it. */
export const journeySchema = z.object({
  id: z.string(), name: z.string(),
  steps: z.array(z.object({ name: z.string(), touchpoint: z.string().optional(), journey: z.string().optional(), surveys: z.array(z.string()) })),
  createdAt: z.string(), updatedAt: z.string(),
});

const dateMessage = 'must be an ISO 8601 date (2026-01-31) or date-time (2026-01-31T12:00:00Z)';

/** `GET /v1/journeys/:id/figures`: the period (default the 30 days before now) and the smallest sample not flagged. */
export const figuresQuerySchema = z.strictObject({
  from: queryText(40).optional(),
  to: queryText(40).optional(),
  tz: queryText(64).refine(isTimeZone, { error: 'must be an IANA time zone such as "Europe/Amsterdam"' }).optional(),
  minN: integer(1, 1_000_000).default(30),
}).superRefine((query, context) => {
  const zone = query.tz !== undefined && isTimeZone(query.tz) ? query.tz : 'UTC';
  const from = query.from === undefined ? undefined : parseIsoInstant(query.from, zone);
  const to = query.to === undefined ? undefined : parseIsoInstant(query.to, zone);
  if (from === null) context.addIssue({ code: 'custom', path: ['from'], message: dateMessage });
  if (to === null) context.addIssue({ code: 'custom', path: ['to'], message: dateMessage });
  if (typeof from === 'number' && typeof to === 'number' && to <= from) context.addIssue({ code: 'custom', path: ['to'], message: 'must be later than from' });
});

const rowChange = z.object({
  difference: z.number().nullable().describe('this period − the one before, in the unit of `score`'),
  p: z.number().nullable(), q: z.number().nullable().describe('p adjusted over every figure of the journey (Benjamini–Hochberg)'), significant: z.boolean(),
}).nullable();

/** `GET /v1/journeys/:id/figures`. */
export const figuresBodySchema = z.object({
  journeyId: z.string(), name: z.string(),
  from: z.string(), to: z.string(),
  previous: z.object({ from: z.string(), to: z.string() }).describe('the period before, as long, that each change is measured against'),
  minN: z.number(),
  multipleComparisons: z.object({ method: z.literal('benjamini-hochberg'), alpha: z.number(), tests: z.number() })
    .describe('"significant" is corrected over every figure of the journey (false discovery rate at alpha)'),
  steps: z.array(z.object({
    position: z.number().describe('1 for the first step'), name: z.string(), touchpoint: z.string().nullable(), journey: z.string().nullable(),
    moved: z.boolean().describe('a figure of this step changed significantly from the period before'),
    figures: z.array(metricFigureSchema({
      surveyId: z.string(), surveyName: z.string(), smallSample: z.boolean(),
      previous: z.object({ n: z.number(), score: z.number().nullable() }).nullable().describe('the same figure in the period before; null without answers then'),
      change: rowChange.describe('against the period before; null when either period has no answers'),
    })),
  })),
});

