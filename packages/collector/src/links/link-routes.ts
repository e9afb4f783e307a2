/** `POST /v1/surveys/:id/links`: personal links for recipients, each an absolute URL to send; `GET` lists them. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { surveyNotFound } from '../lib/errors.ts';
import { slug } from '../lib/common-schemas.ts';
import type { SurveyRepository } from '../db/repositories/survey-repository.ts';
import { issuedLinkSchema, linkRequestSchema, listedLinkSchema } from './link-schemas.ts';
import type { LinkService } from './link-service.ts';

/** Options of the link routes. */
export interface LinkRouteOptions {
  links: LinkService;
  surveys: SurveyRepository;
  /** The address people open links at (`--public-url`); without it, the address the request came to. */
  publicUrl?: string;
  now?: () => number;
}

/** Registers the personal-links route (admin key). */
export async function linkRoutes(fastify: FastifyInstance, options: LinkRouteOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const now = options.now ?? Date.now;

  app.post('/v1/surveys/:id/links', {
    schema: {
      summary: 'Personal links: one signed URL per recipient; `url + "&score=N"` records N for that person',
      description: 'Each link carries a signed token (survey, recipient, expiry) of 31 characters. A click records the score for the recipient; '
        + 'a second click updates the same answer within the score lock; a changed or expired link shows a page saying so and stores nothing. '
        + 'URLs start with the collector\'s `--public-url` (NPSLOOP_PUBLIC_URL), else the address this request came to.',
      tags: ['links'], params: z.strictObject({ id: slug }), body: linkRequestSchema,
      response: { 201: z.object({ links: z.array(issuedLinkSchema) }) },
    },
    config: { access: 'admin' },
  }, async (request, reply) => {
    const surveyId = request.params.id;
    if (!(await options.surveys.get(surveyId))) throw surveyNotFound(surveyId);
    const publicUrl = options.publicUrl ?? `${request.protocol}://${request.host}`;
    const issued = await options.links.create(surveyId, request.body, publicUrl, now());
    return reply.code(201).send({
      links: issued.map(({ link, url }) => ({ email: link.email, userId: link.userId, url, expiresAt: new Date(link.expiresAt).toISOString() })),
    });
  });

  app.get('/v1/surveys/:id/links', {
    schema: {
      summary: "A survey's personal links, newest first: who, touchpoint, channel, expiry, whether answered, and the URL to copy (null once expired)",
      tags: ['links'], params: z.strictObject({ id: slug }),
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(1000, { error: 'must be a whole number from 1 to 1000' }).default(200) }),
      response: { 200: z.object({ links: z.array(listedLinkSchema) }) },
    },
    config: { access: 'admin' },
  }, async (request) => {
    const surveyId = request.params.id;
    if (!(await options.surveys.get(surveyId))) throw surveyNotFound(surveyId);
    const publicUrl = options.publicUrl ?? `${request.protocol}://${request.host}`;
    const listed = await options.links.list(surveyId, publicUrl, now(), request.query.limit);
    return {
      links: listed.map(({ link, url }) => ({
        id: link.id, email: link.email, userId: link.userId, touchpoint: link.touchpoint, channel: link.channel, url, answered: link.answered,
        expiresAt: new Date(link.expiresAt).toISOString(), createdAt: new Date(link.createdAt).toISOString(),
      })),
    };
  });
}
