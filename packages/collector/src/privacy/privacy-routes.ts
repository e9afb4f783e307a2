/** `DELETE /v1/respondents`: erase everything about one person; `GET /v1/privacy`: the retention in force; and the retention sweeper. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LIMITS } from '@npsloop/core';
import { plainText } from '../lib/common-schemas.ts';
import type { Database } from '../db/database.ts';

const querySchema = z
  .strictObject({
    email: z.string().min(3).max(LIMITS.emailMaxLength, { error: `must be at most ${LIMITS.emailMaxLength} characters` }).optional(),
    userId: plainText(LIMITS.userIdMaxLength).min(1).optional(),
  })
  .refine((query) => (query.email === undefined) !== (query.userId === undefined), { error: 'give exactly one of email or userId' });

const reportSchema = z.object({
  erased: z.object({
    responses: z.number(), loops: z.number(), notes: z.number(), actionLinks: z.number(), webhookDeliveries: z.number(),
    responseIds: z.array(z.string()), walCheckpointed: z.boolean(),
  }),
});

const settingsSchema = z.object({
  retentionDays: z.number().nullable().describe('Comments and personal data older than this many days are cleared hourly; null: kept until erased'),
  source: z.enum(['flag', 'off']).describe('Where it is set: the `--retention-days` flag or NPSLOOP_RETENTION_DAYS when the collector starts'),
});

/** Registers the privacy settings route (any key) and the erasure route (admin key). */
export async function privacyRoutes(fastify: FastifyInstance, options: { database: Pick<Database, 'eraseRespondent'>; retentionDays?: number }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/v1/privacy', {
    schema: { summary: 'The privacy settings in force: how long comments and personal data are kept', tags: ['privacy'], response: { 200: settingsSchema } },
    config: { access: 'read' },
  }, async () => ({ retentionDays: options.retentionDays || null, source: options.retentionDays ? 'flag' as const : 'off' as const }));

  app.delete('/v1/respondents', {
    schema: {
      summary: 'Erase every response, loop, note, action link and webhook delivery about one respondent', tags: ['privacy'],
      description: 'By `email` (case-insensitive) or `userId`. The answer says what was erased; deleted content is overwritten in the database file.',
      querystring: querySchema, response: { 200: reportSchema },
    },
    config: { access: 'admin', personalQuery: true },
  }, async (request) => {
    const { email, userId } = request.query;
    // The schema lets exactly one of them through.
    const erased = await options.database.eraseRespondent(email !== undefined ? { email } : { userId: userId ?? '' });
    request.log.info({ responses: erased.responses }, 'respondent erased');
    return { erased };
  });
}

/** Options of the retention sweeper. */
export interface RetentionOptions {
  database: Pick<Database, 'purgeExpired'>;
  /** Purge comments and personal data older than this many days; off when absent. */
  retentionDays?: number;
  /** How often to purge, in ms (default hourly). */
  intervalMs?: number;
  now?: () => number;
}

/** Purges on start and then periodically while the app runs. */
export async function retentionSweeper(app: FastifyInstance, options: RetentionOptions): Promise<void> {
  const days = options.retentionDays;
  if (!days) return;
  const now = options.now ?? Date.now;
  let timer: NodeJS.Timeout | null = null;
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    sweeping = sweeping.then(async () => {
      const report = await options.database.purgeExpired(days, now());
      if (report.responses + report.links + report.invitations > 0) app.log.info(report, 'retention purge');
    }).catch((error: unknown) => app.log.error({ err: error }, 'retention purge failed'));
    return sweeping;
  };
  app.addHook('onReady', async () => {
    await sweep();
    timer = setInterval(() => void sweep(), options.intervalMs ?? 3_600_000);
    timer.unref();
  });
  app.addHook('preClose', async () => {
    if (timer) clearInterval(timer);
    await sweeping;
  });
}
