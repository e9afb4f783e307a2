/** The personal-links API's zod schemas: who gets a link, for which touchpoint and channel, and how long it works. */
import { z } from 'zod';
import { LIMITS } from '@npsloop/core';
import { plainText, slug } from '../lib/common-schemas.ts';
import { propertiesSchema } from '../ingest/ingest-schemas.ts';

/** Most recipients in one request (a CSV of more goes through the CLI, which sends them in pages). */
export const MAX_RECIPIENTS_PER_REQUEST = 1000;

/** One person to make a link for: an email, a user id, or both; traits become the answer's properties. */
export const recipientSchema = z.strictObject({
  email: z.email({ error: 'must be an email address' }).max(LIMITS.emailMaxLength).optional(),
  userId: plainText(LIMITS.userIdMaxLength).min(1, { error: 'must not be empty' }).optional(),
  traits: propertiesSchema.optional(),
}).refine((recipient) => recipient.email !== undefined || recipient.userId !== undefined, { error: 'needs an email or a userId' });

/** Body of `POST /v1/surveys/:id/links`. */
export const linkRequestSchema = z.strictObject({
  recipients: z.array(recipientSchema).min(1, { error: 'must name at least one recipient' })
    .max(MAX_RECIPIENTS_PER_REQUEST, { error: `must have at most ${MAX_RECIPIENTS_PER_REQUEST} recipients` }),
  touchpoint: slug.optional(),
  channel: z.enum(['email', 'link', 'app', 'web'], { error: 'must be one of email, link, app, web' }).default('link'),
  expiresInDays: z.number({ error: 'must be a whole number of days from 1 to 365' }).int({ error: 'must be a whole number of days from 1 to 365' })
    .min(1, { error: 'must be a whole number of days from 1 to 365' }).max(365, { error: 'must be a whole number of days from 1 to 365' }).default(30),
});

/** A validated recipient. */
export type Recipient = z.infer<typeof recipientSchema>;
/** A validated link request. */
export type LinkRequest = z.infer<typeof linkRequestSchema>;

/** One link in the answer. */
export const issuedLinkSchema = z.object({
  email: z.string().nullable(), userId: z.string().nullable(), url: z.string(), expiresAt: z.string(),
});

/** One link as the list shows it. */
export const listedLinkSchema = z.object({
  id: z.string(), email: z.string().nullable(), userId: z.string().nullable(), touchpoint: z.string().nullable(), channel: z.string(),
  url: z.string().nullable(), answered: z.boolean(), expiresAt: z.string(), createdAt: z.string(),
});
