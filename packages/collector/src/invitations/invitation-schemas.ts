/** The invitations API's zod schemas. */
import { z } from 'zod';
import { LIMITS } from '@npsloop/core';
import { localeTag, plainText, slug } from '../lib/common-schemas.ts';
import { propertiesSchema } from '../ingest/ingest-schemas.ts';

/** Most people in one request. */
export const MAX_INVITEES_PER_REQUEST = 1000;

/** Body of `POST /v1/surveys/:id/invitations`. */
export const invitationRequestSchema = z.strictObject({
  recipients: z.array(z.strictObject({
    email: z.email({ error: 'must be an email address' }).max(LIMITS.emailMaxLength),
    userId: plainText(LIMITS.userIdMaxLength).min(1, { error: 'must not be empty' }).optional(),
    traits: propertiesSchema.optional(),
    locale: localeTag.optional(),
  })).min(1, { error: 'must name at least one recipient' }).max(MAX_INVITEES_PER_REQUEST, { error: `must have at most ${MAX_INVITEES_PER_REQUEST} recipients` }),
  subject: plainText(200).min(1, { error: 'must not be empty' }).optional(),
  touchpoint: slug.optional(),
});

/** A run as the API shows it. */
export const runSchema = z.object({
  id: z.string(), surveyId: z.string(), sender: z.string(), subject: z.string().nullable(), state: z.enum(['sending', 'done', 'failed']),
  total: z.number(), counts: z.object({ pending: z.number(), sending: z.number(), sent: z.number(), skipped: z.number(), failed: z.number() }),
  error: z.string().nullable(), createdAt: z.string(), finishedAt: z.string().nullable(),
});

/** One row of the send log. */
export const logEntrySchema = z.object({
  email: z.string(), state: z.enum(['pending', 'sending', 'sent', 'skipped', 'failed']), reason: z.string().nullable(), updatedAt: z.string(),
});
