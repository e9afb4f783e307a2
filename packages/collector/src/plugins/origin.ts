import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../lib/errors.ts';
import { originAllowed } from '../lib/origin-match.ts';
import type { SurveyRecord } from '../db/repositories/survey-repository.ts';
import { addRouteHook, globalPlugin } from './global-plugin.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `survey`: CORS follows the allowed origins of the survey named in the request. */
    cors?: 'survey';
  }
}

/** Options for the origin plugin. */
export interface OriginOptions {
  /** Every allowed-origin pattern of the active surveys (the surveys repository's, cached briefly). */
  activeOriginPatterns: () => Promise<string[]>;
  /** Origins (same patterns as surveys) that may call the key-protected API from a browser, e.g. a separately hosted dashboard. */
  apiCorsOrigins?: readonly string[];
}

const PREFLIGHT_MAX_AGE = '86400';

/**
 * Enforces a survey's allowed origins for a request: no `Origin` header (servers, curl) passes;
 * an allowed origin gets `Access-Control-Allow-Origin`; any other is refused with 403.
 */
export function enforceSurveyOrigin(request: FastifyRequest, reply: FastifyReply, survey: SurveyRecord): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  if (!originAllowed(origin, survey.allowedOrigins)) {
    throw new HttpError(403, 'origin_not_allowed', `Origin: "${origin.slice(0, 100)}" is not in the allowed origins of survey "${survey.id}"`);
  }
  reply.header('Access-Control-Allow-Origin', origin);
}

/** CORS for ingest (per survey), preflights, and optional CORS for the key-protected API. */
export const origin = globalPlugin(async (app: FastifyInstance, options: OriginOptions) => {
  const apiOrigins = options.apiCorsOrigins ?? [];

  app.addHook('onRoute', (route) => {
    if (route.config?.cors === 'survey') {
      addRouteHook(route, 'onRequest', (request, reply, done) => {
        reply.header('Vary', 'Origin');
        // An origin some active survey allows may read every answer, errors included, so the widget can tell
        // a refused body (drop it) from a network failure (retry). The handler still checks the survey's own list.
        const requestOrigin = request.headers.origin;
        if (!requestOrigin) return done();
        options.activeOriginPatterns().then((patterns) => {
          if (originAllowed(requestOrigin, patterns)) reply.header('Access-Control-Allow-Origin', requestOrigin);
          done();
        }, done);
      });
    } else if (apiOrigins.length > 0 && route.config?.access !== 'public') {
      addRouteHook(route, 'onRequest', (request, reply, done) => {
        const requestOrigin = request.headers.origin;
        if (requestOrigin && originAllowed(requestOrigin, apiOrigins)) {
          reply.header('Vary', 'Origin');
          reply.header('Access-Control-Allow-Origin', requestOrigin);
        }
        done();
      });
    }
  });

  /** Ingest preflights: any origin some active survey allows may send JSON. */
  const ingestPreflight = async (request: FastifyRequest, reply: FastifyReply) => {
    const requestOrigin = request.headers.origin;
    reply.header('Vary', 'Origin');
    if (!requestOrigin || !originAllowed(requestOrigin, await options.activeOriginPatterns())) {
      throw new HttpError(403, 'origin_not_allowed', `Origin: "${String(requestOrigin ?? '').slice(0, 100)}" is not allowed by any active survey`);
    }
    return reply
      .code(204)
      .header('Access-Control-Allow-Origin', requestOrigin)
      .header('Access-Control-Allow-Methods', 'POST, OPTIONS')
      .header('Access-Control-Allow-Headers', 'Content-Type')
      .header('Access-Control-Max-Age', PREFLIGHT_MAX_AGE)
      .send();
  };
  for (const url of ['/v1/responses', '/v1/events']) {
    app.options(url, { config: { access: 'public' }, schema: { hide: true } }, ingestPreflight);
  }

  app.options('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const requestOrigin = request.headers.origin;
    reply.header('Vary', 'Origin');
    if (!requestOrigin || !originAllowed(requestOrigin, apiOrigins)) {
      throw new HttpError(403, 'origin_not_allowed', 'Origin: not allowed to call this API from a browser');
    }
    return reply
      .code(204)
      .header('Access-Control-Allow-Origin', requestOrigin)
      .header('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE, OPTIONS')
      .header('Access-Control-Allow-Headers', 'Authorization, Content-Type')
      .header('Access-Control-Max-Age', PREFLIGHT_MAX_AGE)
      .send();
  });
});
