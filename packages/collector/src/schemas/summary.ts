import { z } from 'zod';

const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  error: 'must be an ISO 8601 date (2026-01-31) or date-time with offset (2026-01-31T12:00:00Z)',
});

/** Query of the analytics routes: an optional time range, `from` inclusive, `to` exclusive. */
export const timeRangeQuerySchema = z
  .strictObject({ from: instant.optional(), to: instant.optional() })
  .refine((range) => !range.from || !range.to || Date.parse(range.from) < Date.parse(range.to), {
    error: 'must be later than from',
    path: ['to'],
  });

const share = z.object({ count: z.number(), percent: z.number() });

/** `GET /v1/surveys/:id/summary`. */
export const summarySchema = z
  .object({
    surveyId: z.string(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    n: z.number(),
    nps: z.number().nullable().describe('%promoters − %detractors, one decimal; null when n = 0'),
    interval: z
      .object({ low: z.number(), high: z.number(), level: z.literal(0.95), method: z.literal('adjusted-wald') })
      .nullable(),
    promoters: share,
    passives: share,
    detractors: share,
    distribution: z.array(z.number()).length(11).describe('answers per score 0–10'),
    comments: z.number(),
    commentRate: z.number().nullable().describe('percent of responses with a comment'),
    shown: z.number(),
    dismissed: z.number(),
    responseRate: z.number().nullable().describe('percent of shown prompts answered (web and app responses)'),
  });
