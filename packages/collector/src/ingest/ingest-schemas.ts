import { z } from 'zod';
import { LIMITS } from '@npsloop/core';
import { clientId, localeTag, plainText, slug } from '../lib/common-schemas.ts';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Custom properties: at most 20 flat keys with short string, finite number or boolean values. */
export const propertiesSchema = z
  .record(
    z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,40}$/, { error: `property names must be 1–${LIMITS.propertyKeyMaxLength} of A–Z, a–z, 0–9, ".", "_", "-"` })
      .refine((key) => !FORBIDDEN_KEYS.has(key), { error: 'property name is reserved' }),
    z.union([plainText(LIMITS.propertyValueMaxLength), z.number().finite(), z.boolean()], {
      error: `property values must be a string (≤ ${LIMITS.propertyValueMaxLength} characters), a finite number or a boolean`,
    }),
  )
  .refine((record) => Object.keys(record).length <= LIMITS.propertiesMaxKeys, {
    error: `must have at most ${LIMITS.propertiesMaxKeys} keys`,
  });

/** Who answered, when the site identified them. */
export const respondentSchema = z.strictObject({
  userId: plainText(LIMITS.userIdMaxLength).min(1).optional(),
  email: z.email({ error: 'must be an email address' }).max(LIMITS.emailMaxLength).optional(),
});

const channel = z.enum(['web', 'app', 'email', 'link'], { error: 'must be one of web, app, email, link' });
const page = plainText(LIMITS.pageMaxLength);

/** Body of `POST /v1/responses` (see `ResponsePayload` in core). */
export const responseBodySchema = z
  .strictObject({
    id: clientId,
    surveyId: slug,
    score: z.number({ error: 'must be an integer from 0 to 10' }).int({ error: 'must be an integer from 0 to 10' }).min(0, { error: 'must be an integer from 0 to 10' }).max(10, { error: 'must be an integer from 0 to 10' }),
    comment: plainText(LIMITS.commentMaxLength).optional(),
    consent: z.boolean().optional(),
    respondent: respondentSchema.optional(),
    touchpoint: slug.optional(),
    channel: channel.optional(),
    journey: slug.optional(),
    locale: localeTag.optional(),
    page: page.optional(),
    device: z.enum(['mobile', 'tablet', 'desktop'], { error: 'must be one of mobile, tablet, desktop' }).optional(),
    properties: propertiesSchema.optional(),
  });

/** Body of `POST /v1/events` (see `EventPayload` in core). */
export const eventBodySchema = z
  .strictObject({
    id: clientId,
    surveyId: slug,
    type: z.enum(['shown', 'dismissed'], { error: 'must be "shown" or "dismissed"' }),
    touchpoint: slug.optional(),
    channel: channel.optional(),
    locale: localeTag.optional(),
    page: page.optional(),
  });

/** What every ingest request answers: the id and whether it was stored now, updated, or already there. */
export const ingestResultSchema = z.object({
  id: z.string(),
  status: z.enum(['created', 'updated', 'unchanged']),
});

/** A validated response body. */
export type ResponseBody = z.infer<typeof responseBodySchema>;
/** A validated event body. */
export type EventBody = z.infer<typeof eventBodySchema>;
