/** The body of `GET /v1/actions/:id/effect`, for the API reference and the serializer. */
import { z } from 'zod';
import { metricFigureBodySchema } from '../analytics/analytics-schemas.ts';

const span = z.object({ from: z.string(), to: z.string() });
const share = z.object({
  n: z.number().describe('answers in the window (within the touchpoint, when the action has one), with or without a comment'),
  mentions: z.number().describe('of those, answers whose comment mentions the theme'),
  percent: z.number().nullable().describe('mentions / n, in percent'),
  interval: z.object({ low: z.number(), high: z.number(), level: z.literal(0.95), method: z.literal('wilson') }).nullable(),
});
const change = z.object({
  difference: z.number().nullable().describe('after − before: points of the metric for a touchpoint, percentage points of share for a theme'),
  test: z.enum(['two-sample-z', 'two-proportion-z', 'welch-t']),
  p: z.number().nullable(),
  q: z.number().nullable().describe("p adjusted over the action's measurements (Benjamini–Hochberg)"),
  significant: z.boolean(),
});

/** What a done action changed. */
export const effectBodySchema = z.object({
  actionId: z.string(), surveyId: z.string(), metric: z.enum(['nps', 'csat', 'ces']), days: z.number(),
  before: span.describe('the days up to when the action was made'),
  after: span.describe('the days from when it was done, up to now while they run'),
  effects: z.array(z.discriminatedUnion('subject', [
    z.object({ subject: z.literal('touchpoint'), touchpoint: z.string(), theme: z.null(), before: metricFigureBodySchema, after: metricFigureBodySchema, change }),
    z.object({ subject: z.literal('theme'), theme: z.string(), touchpoint: z.string().nullable(), before: share, after: share, change }),
  ])).describe('the touchpoint first, then each theme; empty when the action names neither'),
  multipleComparisons: z.object({ method: z.literal('benjamini-hochberg'), alpha: z.number(), tests: z.number() }),
});
