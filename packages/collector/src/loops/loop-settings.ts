/** zod schemas of the loop settings routes (stored by the data layer's loop settings repository). */
import { z } from 'zod';
import { METRICS } from '@npsloop/core';
import { slug } from '../lib/common-schemas.ts';

/** Body of `PATCH /v1/surveys/:id/loop-settings`: any subset of the settings. */
export const loopSettingsPatchSchema = z.strictObject({
  detractorThreshold: z.number().int().min(0).max(6, { error: 'must be an integer from 0 to 6' }).optional()
    .describe('answers at or below it open a loop: NPS 0–6 (default 6), CSAT 0–4 (default 2), CES 0–6 (default 3)'),
  includePassives: z.boolean().optional().describe('NPS surveys only'),
  slaHours: z.number().int().min(1).max(24 * 90, { error: 'must be an integer from 1 to 2160' }).optional(),
  closeReasons: z.array(slug).min(1).max(30, { error: 'must have 1 to 30 reasons' }).optional(),
});

/** The loop settings as the API returns them. */
export const loopSettingsSchema = z.object({
  surveyId: z.string(),
  metric: z.enum(METRICS).describe("the survey's metric: the threshold is on its scale"),
  detractorThreshold: z.number(),
  includePassives: z.boolean(),
  slaHours: z.number(),
  closeReasons: z.array(z.string()),
});

/** A validated settings patch. */
export type LoopSettingsPatch = z.infer<typeof loopSettingsPatchSchema>;
