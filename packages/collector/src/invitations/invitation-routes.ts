/** `POST /v1/surveys/:id/invitations` (sends in the background) and the runs with their send log. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError, surveyNotFound } from '../lib/errors.ts';
import { slug } from '../lib/common-schemas.ts';
import type { InvitationRecord, InvitationRepository, InvitationRun } from '../db/repositories/invitation-repository.ts';
import type { SurveyRepository } from '../db/repositories/survey-repository.ts';
import { invitationRequestSchema, logEntrySchema, runSchema } from './invitation-schemas.ts';
import type { InvitationService } from './invitation-service.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const runView = (run: InvitationRun) => ({ ...run, createdAt: iso(run.createdAt)!, finishedAt: iso(run.finishedAt) });
const logView = (entry: InvitationRecord) => ({ email: entry.email, state: entry.state, reason: entry.reason, updatedAt: iso(entry.updatedAt)! });

/** Registers the invitation routes (admin key). */
export async function invitationRoutes(fastify: FastifyInstance, options: {
  service: InvitationService | null; invitations: InvitationRepository; surveys: SurveyRepository; publicUrl?: string;
}): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['invitations'];
  const config = { access: 'admin' } as const;
  const runOf = async (id: string) => {
    const run = await options.invitations.run(id);
    if (!run) throw new HttpError(404, 'run_not_found', `id: no invitation run with id "${id}"`);
    return run;
  };

  app.post('/v1/surveys/:id/invitations', {
    schema: {
      summary: 'Invite people by email; sending goes on in the background (watch the run and its send log)', tags,
      description: 'Needs the collector started with `--smtp` and `--mail-from`. People invited within the survey\'s re-survey window, '
        + 'and people who unsubscribed, are skipped (and say so in the log).',
      params: z.strictObject({ id: slug }), body: invitationRequestSchema, response: { 202: z.object({ run: runSchema }) },
    },
    config,
  }, async (request, reply) => {
    if (!options.service) throw new HttpError(501, 'smtp_not_configured', 'smtp: this collector sends no email; start it with --smtp and --mail-from');
    const survey = await options.surveys.get(request.params.id);
    if (!survey) throw surveyNotFound(request.params.id);
    const publicUrl = options.publicUrl ?? `${request.protocol}://${request.host}`;
    const runId = await options.service.start({ survey, people: request.body.recipients, subject: request.body.subject, touchpoint: request.body.touchpoint, publicUrl });
    return reply.code(202).send({ run: runView(await runOf(runId)) });
  });

  app.get('/v1/surveys/:id/invitations', {
    schema: { summary: "A survey's invitation runs, newest first", tags, params: z.strictObject({ id: slug }), response: { 200: z.object({ runs: z.array(runSchema) }) } },
    config,
  }, async (request) => {
    const ids = await options.invitations.runIds(request.params.id, 50);
    return { runs: (await Promise.all(ids.map(runOf))).map(runView) };
  });

  app.get('/v1/invitations/:runId', {
    schema: {
      summary: 'One invitation run with its send log', tags,
      params: z.strictObject({ runId: z.string().regex(/^inv_[0-9a-f]{16}$/, { error: 'must be an invitation run id (inv_…)' }) }),
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(5000).default(1000) }),
      response: { 200: z.object({ run: runSchema, log: z.array(logEntrySchema) }) },
    },
    config,
  }, async (request) => ({
    run: runView(await runOf(request.params.runId)), log: (await options.invitations.log(request.params.runId, request.query.limit)).map(logView),
  }));
}
