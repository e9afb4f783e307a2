/** The keys API's schemas, each checked against its wire type in @npsloop/core. */
import { KEY_SCOPES, type ApiKey, type CallingKey, type CreatedKey } from '@npsloop/core';
import { z } from 'zod';
import { plainText } from '../lib/common-schemas.ts';

const scope = z.enum(KEY_SCOPES, { error: 'must be read or admin' });

/** Body of `POST /v1/keys`. */
export const keyCreateSchema = z.strictObject({
  scope,
  name: plainText(100).min(1, { error: 'must not be empty' }).optional(),
});

/** Path parameters of `/v1/keys/:id`. */
export const keyParamsSchema = z.strictObject({ id: z.string().regex(/^key_[0-9a-f]{12}$/, { error: 'must be a key id (key_ and 12 hex digits)' }) });

/** A key as listed: never its secret or hash. */
export const keySchema = z.object({
  id: z.string(), name: z.string().nullable(), scope, createdAt: z.iso.datetime(), lastUsedAt: z.iso.datetime().nullable(),
}) satisfies z.ZodType<ApiKey>;

/** A new key: the listing plus the secret, shown this once. */
export const createdKeySchema = keySchema.extend({ secret: z.string() }) satisfies z.ZodType<CreatedKey>;

/** The key a request came with. */
export const callingKeySchema = z.object({
  id: z.string().nullable(), name: z.string().nullable(), scope, source: z.enum(['database', 'environment']),
}) satisfies z.ZodType<CallingKey>;
