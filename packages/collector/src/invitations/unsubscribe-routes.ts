/**
 * `/s/:surveyId/unsubscribe?t=TOKEN`: the unsubscribe link of every invitation. A GET asks (mail scanners open
 * links); a POST unsubscribes: the page's button, or a mail provider's one-click POST (RFC 8058). The token is the
 * person's personal link, so nobody can unsubscribe someone else; an expired link still unsubscribes.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { slug } from '../lib/common-schemas.ts';
import { escapeHtml, renderNoticePage } from '../hosted/render-page.ts';
import type { InvitationRepository } from '../db/repositories/invitation-repository.ts';
import type { LinkService } from '../links/link-service.ts';

const HEADERS = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'same-origin', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store',
};

/** Registers the unsubscribe page. */
export async function unsubscribeRoutes(fastify: FastifyInstance, options: { links: LinkService; invitations: InvitationRepository; now?: () => number }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const now = options.now ?? Date.now;
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  const schema = {
    tags: ['hosted'], params: z.strictObject({ surveyId: slug }),
    querystring: z.strictObject({ t: z.string().max(64, { error: 'must be the token of a personal link' }) }),
  };
  const config = { access: 'public', html: true, rateLimited: true } as const;
  const page = (reply: FastifyReply, status: number, title: string, message: string, form = '') =>
    reply.code(status).headers(HEADERS).type('text/html; charset=utf-8').send(renderNoticePage({ lang: 'en', title, message }).replace('</main>', `${form}</main>`));

  async function emailOf(surveyId: string, token: string): Promise<string | null> {
    const link = await options.links.resolve(surveyId, token, now(), { evenExpired: true });
    return 'refused' in link ? null : link.email;
  }
  const refused = (reply: FastifyReply) => page(reply, 403, 'This unsubscribe link is not valid', 'Open it again from the email you received. Nothing was changed.');

  app.get('/s/:surveyId/unsubscribe', { schema: { ...schema, summary: 'Unsubscribe page of an invitation: asks before unsubscribing' }, config }, async (request, reply) => {
    const { surveyId } = request.params;
    const email = await emailOf(surveyId, request.query.t);
    if (!email) return refused(reply);
    const action = `/s/${encodeURIComponent(surveyId)}/unsubscribe?t=${encodeURIComponent(request.query.t)}`;
    return page(reply, 200, 'Unsubscribe from survey invitations?', `${email} will not be invited to answer surveys again.`,
      `<form method="post" action="${escapeHtml(action)}"><button type="submit">Unsubscribe</button></form>`);
  });

  app.post('/s/:surveyId/unsubscribe', {
    schema: { ...schema, summary: 'Unsubscribe (the page\'s button, or a one-click POST as RFC 8058 describes); never invited again' }, config,
  }, async (request, reply) => {
    const email = await emailOf(request.params.surveyId, request.query.t);
    if (!email) return refused(reply);
    await options.invitations.unsubscribe(email, now());
    return page(reply, 200, 'You are unsubscribed', `${email} will not be invited to answer surveys again.`);
  });
}
