/** Zod schemas of the analytics routes: bounded query strings in, documented bodies out. */
import { z } from 'zod';
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

/** An NPS figure: n, nps, its 95% interval and the three groups. */
export const figureSchema = z.object({
  n: z.number(), nps: z.number().nullable(), interval, promoters: share, passives: share, detractors: share,
});

/** `GET /v1/surveys/:id/summary`. */
export const summaryBodySchema = figureSchema.extend({
  surveyId: z.string(), from: z.string().nullable(), to: z.string().nullable(),
  distribution: z.array(z.number()).length(11).describe('answers per score 0–10'),
  comments: z.number(),
  commentRate: z.number().nullable().describe('share of responses with a comment, 0–1'),
  shown: z.number().nullable(), dismissed: z.number().nullable(),
  responseRate: z.number().nullable().describe('answers to prompts (web, app) per shown prompt, 0–1; null without events or when events cannot be filtered so'),
});

/** `GET /v1/surveys/:id/trend`. */
export const trendBodySchema = z.object({
  surveyId: z.string(), interval: z.string(), tz: z.string(), from: z.string(), to: z.string(),
  buckets: z.array(figureSchema.extend({ start: z.string().describe('local start, ISO 8601 with offset') })),
});

/** `GET /v1/surveys/:id/segments`. */
export const segmentsBodySchema = z.object({
  surveyId: z.string(), by: z.string(), minN: z.number(),
  segments: z.array(figureSchema.extend({ value: z.string().nullable(), smallSample: z.boolean() })),
});

/** `GET /v1/surveys/:id/compare`. */
export const compareBodySchema = z.object({
  surveyId: z.string(), a: figureSchema, b: figureSchema,
  difference: z.number().nullable().describe('b.nps − a.nps'), z: z.number().nullable(), p: z.number().nullable(), significant: z.boolean(),
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
    nps: figureSchema.describe('the NPS of every answer that mentions it (n = mentions.all)'),
    quotes: z.array(z.string()).describe("the clearest comments of the group that mention it"),
  })),
});

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** One response as the API shows it. */
export const responseSchema = z.object({
  id: z.string(), surveyId: z.string(), score: z.number(), group: z.enum(['detractor', 'passive', 'promoter']),
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
