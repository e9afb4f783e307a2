/** `DELETE /v1/respondents`: erase everything about one person; `GET` and `PATCH /v1/privacy`: the retention in force, and setting it. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LIMITS } from '@npsloop/core';
import { plainText } from '../lib/common-schemas.ts';
import type { Database } from '../db/database.ts';
import type { RetentionPolicy } from './retention-policy.ts';

const querySchema = z
  .strictObject({
    email: z.string().min(3).max(LIMITS.emailMaxLength, { error: `must be at most ${LIMITS.emailMaxLength} characters` }).optional(),
    userId: plainText(LIMITS.userIdMaxLength).min(1).optional(),
  })
  .refine((query) => (query.email === undefined) !== (query.userId === undefined), { error: 'give exactly one of email or userId' });

const reportSchema = z.object({
  erased: z.object({
    responses: z.number(), loops: z.number(), notes: z.number(), actionLinks: z.number(), webhookDeliveries: z.number(),
    responseIds: z.array(z.string()),
    walCheckpointed: z.boolean().describe(
      'SQLite: true once the database file was rewritten and its WAL emptied, so nothing of the erased rows is left on disk; '
      + 'false when that could not finish (a reader held old pages for two seconds, or the disk had no room for the copy): the rows are '
      + 'erased all the same, and the next erasure or retention purge that removes something rewrites the file. PostgreSQL: true once the touched tables were vacuumed'),
  }),
});

const settingsSchema = z.object({
  retentionDays: z.number().nullable().describe('Comments and personal data older than this many days are cleared hourly; null: kept until erased'),
  source: z.enum(['flag', 'setting', 'off']).describe(
    'Where the period in force comes from: `flag` (`--retention-days` or NPSLOOP_RETENTION_DAYS when the collector started; it wins), '
    + '`setting` (set from the dashboard or `PATCH /v1/privacy`), `off` (neither: kept until erased)'),
  stored: z.number().nullable().describe('The period set from the dashboard or the API (null: none); a flag, when given, takes precedence over it'),
});

const changeSchema = z.strictObject({
  retentionDays: z.number({ error: 'must be a whole number of days from 1 to 36500, or null to keep until erased' })
    .int({ error: 'must be a whole number of days' })
    .min(1, { error: 'must be at least 1 day' })
    .max(36_500, { error: 'must be at most 36500 days (100 years)' })
    .nullable()
    .describe('Days to keep comments and personal data; null: keep them until a respondent is erased'),
});

/** Options of the privacy routes. */
export interface PrivacyRouteOptions {
  database: Pick<Database, 'eraseRespondent'>;
  retention: Pick<RetentionPolicy, 'inForce' | 'set'>;
  now?: () => number;
}

/** Registers the privacy settings routes (read: any key; change: admin key) and the erasure route (admin key). */
export async function privacyRoutes(fastify: FastifyInstance, options: PrivacyRouteOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const now = options.now ?? Date.now;
  app.get('/v1/privacy', {
    schema: { summary: 'The privacy settings in force: how long comments and personal data are kept', tags: ['privacy'], response: { 200: settingsSchema } },
    config: { access: 'read' },
  }, async () => options.retention.inForce());

  app.patch('/v1/privacy', {
    schema: {
      summary: 'Set how long comments and personal data are kept', tags: ['privacy'], body: changeSchema,
      description: 'Stored in the database, so it lasts across restarts and holds for every collector process. A purge of what is now past the period starts at once, '
        + 'then hourly. Refused with 409 `retention_set_by_flag` while the collector runs with `--retention-days` (the flag takes precedence).',
      response: { 200: settingsSchema },
    },
    config: { access: 'admin' },
  }, async (request) => options.retention.set(request.body.retentionDays, now()));

  app.delete('/v1/respondents', {
    schema: {
      summary: 'Erase every response, loop, note, action link and webhook delivery about one respondent', tags: ['privacy'],
      description: 'By `email` (case-insensitive) or `userId`. The answer says what was erased. On SQLite the database file is then rewritten, so no old '
        + 'copy of the rows is left in it; other requests wait meanwhile (about 1.5 s for a 150 MB file on a 2-core machine).',
      querystring: querySchema, response: { 200: reportSchema },
    },
    config: { access: 'admin', personalQuery: true },
  }, async (request) => {
    const { email, userId } = request.query;
    // The schema lets exactly one of them through.
    const erased = await options.database.eraseRespondent(email !== undefined ? { email } : { userId: userId ?? '' });
    if (erased.walCheckpointed) request.log.info({ responses: erased.responses }, 'respondent erased');
    else request.log.warn({ responses: erased.responses }, 'respondent erased, but the database file could not be rewritten; old copies stay on disk until the next erasure');
    return { erased };
  });
}
