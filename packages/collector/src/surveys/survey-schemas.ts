import { z } from 'zod';
import { BUILT_IN_STRINGS, findCoachedWordingIn, METRICS } from '@npsloop/core';
import { localeTag, plainText, slug } from '../lib/common-schemas.ts';
import { ORIGIN_PATTERN_SYNTAX } from '../lib/origin-match.ts';

const stringKeys = Object.keys(BUILT_IN_STRINGS.en) as (keyof typeof BUILT_IN_STRINGS.en)[];

/** Overrides for the built-in survey strings of one locale. */
export const wordingSchema = z.strictObject(
  Object.fromEntries(stringKeys.map((key) => [key, plainText(500).min(1).optional()])) as Record<
    (typeof stringKeys)[number],
    z.ZodOptional<z.ZodString>
  >,
);

/** The "why" prompt per score group; neutral wording is the survey owner's duty. */
export const followUpSchema = z.strictObject({
  detractor: plainText(500).min(1).optional(),
  passive: plainText(500).min(1).optional(),
  promoter: plainText(500).min(1).optional(),
});

/** An allowed origin: exact, `https://*.example.com`, or any port `http://localhost:*`. */
export const originPatternSchema = z
  .string()
  .max(255)
  .regex(ORIGIN_PATTERN_SYNTAX, {
    error: 'must be an origin such as "https://shop.example", "https://*.example.com" or "http://localhost:*"',
  });

/** What the survey measures: NPS 0–10 (the default), CSAT 1–5 or CES 1–7. */
export const metricSchema = z.enum(METRICS, { error: 'must be one of nps, csat, ces' });

/** Refuses wording and follow-up prompts that ask for a particular score, naming the field and the rule. */
function refuseCoachedWording(body: { wording?: unknown; followUp?: unknown }, context: z.RefinementCtx): void {
  const problem = findCoachedWordingIn({ wording: body.wording, followUp: body.followUp });
  if (problem) context.addIssue({ code: 'custom', path: problem.path.split('.'), message: problem.message });
}

const surveyFields = {
  name: plainText(200).min(1, { error: 'must not be empty' }),
  brand: plainText(100).min(1).optional(),
  wording: z.record(localeTag, wordingSchema).optional(),
  followUp: followUpSchema.optional(),
  allowedOrigins: z.array(originPatternSchema).max(50, { error: 'must have at most 50 entries' }),
  sampling: z.number().min(0).max(1, { error: 'must be a share from 0 to 1' }).optional(),
  resurveyDays: z.number().int().min(0).max(3650).optional(),
  dismissDays: z.number().int().min(0).max(3650).optional(),
  askConsent: z.boolean().optional(),
  active: z.boolean().optional(),
  metric: metricSchema.optional(),
};

/** Body of `POST /v1/surveys`. */
export const surveyCreateSchema = z.strictObject({ id: slug, ...surveyFields }).superRefine(refuseCoachedWording);

/** Body of `PATCH /v1/surveys/:id`: any subset of the fields; `brand: null` clears the brand. */
export const surveyPatchSchema = z
  .strictObject({
    ...surveyFields,
    name: surveyFields.name.optional(),
    brand: surveyFields.brand.unwrap().nullable().optional(),
    allowedOrigins: surveyFields.allowedOrigins.optional(),
  })
  .superRefine(refuseCoachedWording);

/** Path parameters of routes under `/v1/surveys/:id`. */
export const surveyParamsSchema = z.strictObject({ id: slug });

/** A survey as the API returns it. */
export const surveySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    brand: z.string().nullable(),
    wording: z.record(z.string(), wordingSchema),
    followUp: followUpSchema,
    allowedOrigins: z.array(z.string()),
    sampling: z.number(),
    resurveyDays: z.number(),
    dismissDays: z.number(),
    askConsent: z.boolean(),
    active: z.boolean(),
    metric: metricSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  });

/** A validated create body. */
export type SurveyCreate = z.infer<typeof surveyCreateSchema>;
/** A validated patch body. */
export type SurveyPatch = z.infer<typeof surveyPatchSchema>;
/** A stored survey. */
export type Survey = z.infer<typeof surveySchema>;
