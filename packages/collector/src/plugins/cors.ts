import fastifyCors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../lib/errors.ts';
import { originAllowed } from '../lib/origin-match.ts';
import { globalPlugin } from './global-plugin.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** CORS follows the allowed origins of the active surveys (ingest, public survey settings) instead of the API's list. */
    surveyCors?: boolean;
    /** Read by @fastify/cors: this route's CORS options over the plugin's, or `false` for none (its types do not declare it). */
    cors?: false | FastifyCorsOptions;
  }
}

/** Options for the CORS plugin. */
export interface CorsOptions {
  /** Every allowed-origin pattern of the active surveys (the surveys repository's, cached briefly). */
  activeOriginPatterns: () => Promise<string[]>;
  /** Origins (same patterns as surveys) that may call the key-protected API from a browser, e.g. a separately hosted dashboard. */
  apiCorsOrigins?: readonly string[];
}

type OriginCheck = (origin: string | undefined, callback: (error: Error | null, allow: boolean) => void) => void;

const PREFLIGHT_MAX_AGE = 86_400;
// The widget reads these to honour a 429 (they are not CORS-safelisted response headers).
const EXPOSED = ['Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'];

/** A preflight from an origin that may not call says why, in the envelope, rather than a bare 404. */
function refusing(allowed: (origin: string) => boolean | Promise<boolean>, why: (origin: string) => string): OriginCheck {
  return (origin, callback) => {
    Promise.resolve(origin !== undefined && allowed(origin)).then((allow) => {
      if (allow) return callback(null, true);
      callback(new HttpError(403, 'origin_not_allowed', why(String(origin ?? '').slice(0, 100))), false);
    }, (error: Error) => callback(error, false));
  };
}

/**
 * CORS headers and preflights by @fastify/cors. Which origins may read a reply is ours to say:
 * on survey routes, any origin some active survey allows (so the widget can tell a refused body
 * from a network failure; the handler still checks the survey's own list, which is authorisation,
 * see `enforceSurveyOrigin`); on the key-protected API, only the configured origins; other public
 * routes (widget script, pages, docs) set their own headers or need none. The policies are static
 * options and per-route overrides, the plugin's cheapest path: ingest pays a lookup, not a rebuild.
 */
export const cors = globalPlugin(async (app: FastifyInstance, options: CorsOptions) => {
  const apiOrigins = options.apiCorsOrigins ?? [];
  const apiAllows = (origin: string) => originAllowed(origin, apiOrigins);
  const surveysAllow = async (origin: string) => originAllowed(origin, await options.activeOriginPatterns());
  const surveyPolicy: FastifyCorsOptions = {
    origin: ((origin, callback) => {
      if (origin === undefined) return callback(null, false);
      surveysAllow(origin).then((allow) => callback(null, allow), (error: Error) => callback(error, false));
    }) satisfies OriginCheck,
    methods: ['POST', 'OPTIONS'], allowedHeaders: ['Content-Type'], exposedHeaders: EXPOSED, maxAge: PREFLIGHT_MAX_AGE,
  };
  const surveyPreflight: FastifyCorsOptions = {
    ...surveyPolicy, origin: refusing(surveysAllow, (origin) => `Origin: "${origin}" is not allowed by any active survey`),
  };
  const apiPreflight: FastifyCorsOptions = {
    origin: refusing(apiAllows, (origin) => `Origin: "${origin}" may not call this API from a browser (see --cors-origin)`),
  };

  app.addHook('onRoute', function (route) {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.config?.surveyCors) {
      route.config = { ...route.config, cors: surveyPolicy };
      // A preflight is routed by its path: each survey route that takes a JSON body gets its own.
      if (methods.includes('POST')) {
        this.options(route.url, { config: { access: 'public', cors: surveyPreflight }, schema: { hide: true } }, (_request, reply) => reply.callNotFound());
      }
    } else if (methods.includes('OPTIONS')) {
      route.config = { ...route.config, cors: route.config?.cors ?? apiPreflight };
    } else if (route.config?.access === 'public') {
      // A public route may name its own policy (the public survey settings: any page may read why it is refused).
      route.config = { ...route.config, cors: route.config?.cors ?? false };
    }
  });

  await app.register(fastifyCors, {
    origin: ((origin, callback) => callback(null, origin !== undefined && apiAllows(origin))) satisfies OriginCheck,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], allowedHeaders: ['Authorization', 'Content-Type'],
    exposedHeaders: EXPOSED, maxAge: PREFLIGHT_MAX_AGE, strictPreflight: false,
  });
});
