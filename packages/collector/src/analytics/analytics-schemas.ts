/** Zod schemas of the analytics routes: bounded query strings in, documented bodies out. */
import { z } from 'zod';
import { METRICS } from '@npsloop/core';
import { FILTER_DIMENSIONS } from '../db/analytics/analytics-filter.ts';
import { analyticsQuerySchema, dimValue, queryText } from './filters.ts';

/** A bounded integer in a query string. */
export const integer = (min: number, max: number) =>
  queryText(9).regex(/^\d+$/, { error: `must be an integer from ${min} to ${max}` }).transform(Number)
    .pipe(z.number().min(min, { error: `must be an integer from ${min} to ${max}` }).max(max, { error: `must be an integer from ${min} to ${max}` }));
const group = z.enum(['detractor', 'passive', 'promoter'], { error: 'must be one of detractor, passive, promoter' });

/** `summary` and `themes`-style queries: the common filter only. */
export const summaryQuerySchema = analyticsQuerySchema({});

/** `trend`: interval and zone on top of the filter. */
export const trendQuerySchema = analyticsQuerySchema({
  interval: z.enum(['day', 'week', 'month'], { error: 'must be one of day, week, month' }).default('day'),
});

/** `segments`: what to segment by and the smallest sample not flagged. */
export const segmentsQuerySchema = analyticsQuerySchema({
  compare: z.enum(['previous'], { error: 'must be "previous"' }).optional(),
  by: queryText(49).regex(new RegExp(`^(${FILTER_DIMENSIONS.join('|')}|property\\.[A-Za-z0-9_.-]{1,40})$`), {
    error: 'must be one of touchpoint, channel, locale, journey, property.NAME',
  }),
  minN: integer(1, 1_000_000).default(30),
});

const sideKeys = Object.fromEntries(
  ['a', 'b'].flatMap((side) => FILTER_DIMENSIONS.map((dim) => [`${side}.${dim}`, dimValue.optional()])),
);

/** `compare`: two periods (`aFrom`…`bTo`) and/or two segments (`a.touchpoint`, `b.property.plan`, …). */
export const compareQuerySchema = analyticsQuerySchema(
  { aFrom: queryText(40).optional(), aTo: queryText(40).optional(), bFrom: queryText(40).optional(), bTo: queryText(40).optional(), ...sideKeys },
  ['', 'a.', 'b.'],
);

/** `responses`: list filters and pagination. */
export const responsesQuerySchema = analyticsQuerySchema({
  group: group.optional(),
  score: integer(0, 10).optional(),
  hasComment: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
  q: queryText(200).optional(),
  status: z.enum(['open', 'contacted', 'resolved', 'closed'], { error: 'must be one of open, contacted, resolved, closed' }).optional(),
  limit: integer(1, 500).default(50),
  cursor: queryText(64).optional(),
});

/** `themes`: the group whose comments are read. */
export const themesQuerySchema = analyticsQuerySchema({ group: group.optional(), limit: integer(1, 100).default(20) });

/** `export`: the format. */
export const exportQuerySchema = analyticsQuerySchema({
  format: z.enum(['csv', 'ndjson'], { error: 'must be csv or ndjson' }).default('csv'),
});

const share = z.object({ count: z.number(), percent: z.number() });
const interval = z.object({ low: z.number(), high: z.number(), level: z.literal(0.95), method: z.literal('adjusted-wald') }).nullable();

/** An NPS figure: n, nps, its 95% interval and the three groups (themes keep this shape). */
export const figureSchema = z.object({
  n: z.number(), nps: z.number().nullable(), interval, promoters: share, passives: share, detractors: share,
});

const scoreInterval = <M extends string>(method: M) =>
  z.object({ low: z.number(), high: z.number(), level: z.literal(0.95), method: z.literal(method) }).nullable().describe('95% interval of `score`; null with too few answers');
const figureBase = {
  n: z.number().describe('answers counted'),
  distribution: z.array(z.number()).describe('answers per point of the scale, lowest first (NPS 0–10, CSAT 1–5, CES 1–7)'),
};

/** One shape for every metric: `metric`, `n`, `score`, `interval`, `distribution`, plus the metric's own fields. */
const metricFigureVariants = {
  nps: z.object({
    metric: z.literal('nps'), ...figureBase, score: z.number().nullable().describe('NPS, −100 to 100 (equals `nps`)'), interval: scoreInterval('adjusted-wald'),
    nps: z.number().nullable(), promoters: share, passives: share, detractors: share,
  }),
  csat: z.object({
    metric: z.literal('csat'), ...figureBase, score: z.number().nullable().describe('% of answers 4–5'), interval: scoreInterval('wilson'),
    mean: z.number().nullable().describe('mean answer, 1–5'), satisfied: share, neutral: share, dissatisfied: share,
  }),
  ces: z.object({
    metric: z.literal('ces'), ...figureBase, score: z.number().nullable().describe('mean answer, 1–7'), interval: scoreInterval('student-t'),
    mean: z.number().nullable(), agree: share.describe('answers 5–7'), neutral: share, disagree: share,
  }),
};

/** A figure of the survey's metric, with `extra` fields on every variant. */
export function metricFigureSchema<Extra extends z.ZodRawShape>(extra: Extra) {
  return z.discriminatedUnion('metric', [
    metricFigureVariants.nps.extend(extra), metricFigureVariants.csat.extend(extra), metricFigureVariants.ces.extend(extra),
  ]);
}

/** A figure of any metric, as kept (a held huddle's). */
export const metricFigureBodySchema = metricFigureSchema({});

const multipleComparisons = z.object({
  method: z.literal('benjamini-hochberg'), alpha: z.number(), tests: z.number().describe('rows tested'),
}).describe('"significant" on rows is corrected over all rows of the list (false discovery rate at alpha)');
const rowChange = z.object({
  difference: z.number().nullable().describe('this row − the one it is compared with, in the unit of `score`'),
  p: z.number().nullable(), q: z.number().nullable().describe('p adjusted over the list (Benjamini–Hochberg)'), significant: z.boolean(),
}).nullable();

/** `GET /v1/surveys/:id/summary`. */
export const summaryBodySchema = metricFigureSchema({
  surveyId: z.string(), from: z.string().nullable(), to: z.string().nullable(),
  comments: z.number(),
  commentRate: z.number().nullable().describe('share of responses with a comment, 0–1'),
  shown: z.number().nullable(), dismissed: z.number().nullable(),
  responseRate: z.number().nullable().describe('answers to prompts (web, app) per shown prompt, 0–1; null without events or when events cannot be filtered so'),
});

/** `GET /v1/surveys/:id/trend`. */
export const trendBodySchema = z.object({
  surveyId: z.string(), metric: z.enum(METRICS), interval: z.string(), tz: z.string(), from: z.string(), to: z.string(),
  multipleComparisons,
  buckets: z.array(metricFigureSchema({
    start: z.string().describe('local start, ISO 8601 with offset'),
    change: rowChange.describe('against the bucket before; null for the first'),
  })),
});

/** `GET /v1/surveys/:id/segments`. */
export const segmentsBodySchema = z.object({
  surveyId: z.string(), metric: z.enum(METRICS), by: z.string(), minN: z.number(),
  multipleComparisons: multipleComparisons.optional().describe('with `compare=previous` only'),
  segments: z.array(metricFigureSchema({
    value: z.string().nullable(), smallSample: z.boolean(),
    previous: z.object({ n: z.number(), score: z.number().nullable() }).nullable().optional().describe('the same segment in the previous period (`compare=previous`)'),
    change: rowChange.optional().describe('against the previous period (`compare=previous`); null without answers then'),
  })),
});

/** `GET /v1/surveys/:id/compare`. */
export const compareBodySchema = z.object({
  surveyId: z.string(), metric: z.enum(METRICS), a: metricFigureSchema({}), b: metricFigureSchema({}),
  test: z.enum(['two-sample-z', 'two-proportion-z', 'welch-t']).describe('NPS: two-sample z-test; CSAT: two-proportion z-test; CES: Welch\'s t-test'),
  difference: z.number().nullable().describe('b.score − a.score'),
  z: z.number().nullable().optional(), t: z.number().nullable().optional(), degreesOfFreedom: z.number().nullable().optional(),
  p: z.number().nullable(), significant: z.boolean(),
});

const mentionsSchema = z.object({ all: z.number(), detractors: z.number(), passives: z.number(), promoters: z.number() });

/** `GET /v1/surveys/:id/themes`: every count says which set it counts. */
export const themesBodySchema = z.object({
  surveyId: z.string(), group: z.string().nullable().describe('the group themes are ranked and quoted by; null for all comments'),
  language: z.string().describe("the survey's language: comments without a locale are stemmed in it"),
  truncated: z.boolean().describe('true when only the newest 25,000 comments were read'),
  comments: mentionsSchema.describe('comments read, all and per group'),
  themes: z.array(z.object({
    theme: z.string().describe('the phrase as most comments wrote it'),
    words: z.number().describe('theme words in the phrase'),
    mentions: mentionsSchema.describe('comments that mention it, all and per group'),
    figure: metricFigureBodySchema.describe("the survey metric's figure (NPS, CSAT or CES) of every answer that mentions it (n = mentions.all)"),
    nps: figureSchema.nullable().describe('the NPS of the same answers, on NPS surveys only (null on CSAT and CES surveys)'),
    quotes: z.array(z.string()).describe("the clearest comments of the group that mention it"),
  })),
});

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** One response as the API shows it. */
export const responseSchema = z.object({
  id: z.string(), surveyId: z.string(), score: z.number(), metric: z.enum(METRICS).describe('the scale of `score`: NPS 0–10, CSAT 1–5, CES 1–7'),
  group: z.enum(['detractor', 'passive', 'promoter']).describe('the follow-up group of the score on its scale: NPS 0–6/7–8/9–10, CSAT 1–2/3/4–5, CES 1–3/4/5–7'),
  comment: z.string().nullable(), consent: z.boolean().nullable(), userId: z.string().nullable(), email: z.string().nullable(),
  touchpoint: z.string().nullable(), channel: z.string().nullable(), journey: z.string().nullable(), locale: z.string().nullable(),
  page: z.string().nullable(), device: z.string().nullable(), properties: z.record(z.string(), scalar).nullable(),
  createdAt: z.string(), updatedAt: z.string(),
});

/** `GET /v1/surveys/:id/responses`. */
export const responsesBodySchema = z.object({
  responses: z.array(responseSchema),
  nextCursor: z.string().nullable().describe('pass as `cursor` for the next (older) page; null on the last page'),
});
