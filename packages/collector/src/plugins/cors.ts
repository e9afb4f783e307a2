import fastifyCors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../lib/errors.ts';
import { originAllowed } from '../lib/origin-match.ts';
import { globalPlugin } from './global-plugin.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** CORS follows the allowed origins of the active surveys (ingest, public survey settings) instead of the API's list. */
    surveyCors?: boolean;
    /** Read by @fastify/cors: `false` skips CORS on the route (its types do not declare it). */
    cors?: false;
  }
}

/** Options for the CORS plugin. */
export interface CorsOptions {
  /** Origins (same patterns as surveys) that may call the key-protected API from a browser, e.g. a separately hosted dashboard. */
  apiCorsOrigins?: readonly string[];
}

const PREFLIGHT_MAX_AGE = 86_400;
// The widget reads these to honour a 429 (they are not CORS-safelisted response headers).
const EXPOSED = ['Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'];
/** Ingest takes JSON by POST; `text/plain` JSON needs no preflight at all. */
const SURVEY_POLICY: FastifyCorsOptions = {
  origin: true, methods: ['POST', 'OPTIONS'], allowedHeaders: ['Content-Type'], exposedHeaders: EXPOSED, maxAge: PREFLIGHT_MAX_AGE, strictPreflight: false,
};
/** The key-protected API: a key in `Authorization`, JSON bodies. */
const API_POLICY: FastifyCorsOptions = {
  origin: true, methods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'], allowedHeaders: ['Authorization', 'Content-Type'],
  exposedHeaders: EXPOSED, maxAge: PREFLIGHT_MAX_AGE, strictPreflight: false,
};
const NO_CORS: FastifyCorsOptions = { origin: false };

/**
 * CORS headers and preflights by @fastify/cors. Which origins may read a reply is ours to say:
 * on survey routes, any origin some active survey allows (so the widget can tell a refused body
 * from a network failure; the handler still checks the survey's own list, which is authorisation,
 * see `enforceSurveyOrigin`); on the key-protected API, only the configured origins; other public
 * routes (widget script, pages, docs) set their own headers or need none.
 */
export const cors = globalPlugin(async (app: FastifyInstance, options: CorsOptions) => {
  const apiOrigins = options.apiCorsOrigins ?? [];
  // A preflight is routed to the OPTIONS catch-all, so the route it asks about is found by its path.
  const surveyPaths = new Set<string>();
  app.addHook('onRoute', (route) => {
    if (route.config?.surveyCors) surveyPaths.add(route.url);
    else if (route.config?.access === 'public' && route.method !== 'OPTIONS') route.config = { ...route.config, cors: false };
  });

  function policy(request: FastifyRequest): { survey: boolean; allowed: boolean } {
    const preflight = request.method === 'OPTIONS';
    const survey = preflight ? surveyPaths.has(request.url.split('?')[0]) : request.routeOptions.config.surveyCors === true;
    const origin = request.headers.origin;
    const allowed = origin !== undefined && originAllowed(origin, survey ? app.store.activeOriginPatterns() : apiOrigins);
    return { survey, allowed };
  }

  await app.register(fastifyCors, {
    hook: 'onRequest',
    delegator: (request, callback) => {
      // Servers and curl send no Origin: nothing to decide.
      if (request.headers.origin === undefined && request.method !== 'OPTIONS') return callback(null, NO_CORS);
      const { survey, allowed } = policy(request);
      if (allowed) return callback(null, survey ? SURVEY_POLICY : API_POLICY);
      if (request.method !== 'OPTIONS') return callback(null, NO_CORS);
      // A refused preflight says why, in the envelope, rather than a bare 404 from the catch-all.
      const origin = String(request.headers.origin ?? '').slice(0, 100);
      callback(new HttpError(403, 'origin_not_allowed', survey
        ? `Origin: "${origin}" is not allowed by any active survey`
        : `Origin: "${origin}" may not call this API from a browser (see --cors-origin)`));
    },
  });
});
