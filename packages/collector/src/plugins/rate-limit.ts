import type { FastifyInstance } from 'fastify';
import { HttpError } from '../lib/errors.ts';
import { createRateLimiter } from '../lib/rate-limiter.ts';
import { addRouteHook, globalPlugin } from './global-plugin.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Count this route against the per-IP limit. */
    rateLimited?: boolean;
  }
  interface FastifyInstance {
    /** Throws 429 when a survey has had too many ingest requests in this window. */
    limitSurvey(surveyId: string): void;
  }
}

/** Limits per client IP and per survey; 0 turns one off. */
export interface RateLimitOptions {
  perIp: number;
  perSurvey: number;
  windowMs: number;
}

function limitError(retryAfterSeconds: number, what: string): HttpError {
  const seconds = String(retryAfterSeconds);
  return new HttpError(429, 'rate_limited', `${what}: too many requests; retry after ${seconds} s`, { 'Retry-After': seconds });
}

/** Per-IP limits on public write routes (before the body is read) and per-survey limits on ingest. */
export const rateLimit = globalPlugin(async (app: FastifyInstance, options: RateLimitOptions) => {
  const perIp = createRateLimiter(options.perIp, options.windowMs);
  const perSurvey = createRateLimiter(options.perSurvey, options.windowMs);
  app.decorate('limitSurvey', (surveyId: string) => {
    const verdict = perSurvey.hit(surveyId);
    if (!verdict.allowed) throw limitError(verdict.retryAfterSeconds, `survey ${surveyId}`);
  });
  app.addHook('onRoute', (route) => {
    if (!route.config?.rateLimited) return;
    addRouteHook(route, 'onRequest', (request, _reply, done) => {
      const verdict = perIp.hit(request.ip);
      done(verdict.allowed ? undefined : limitError(verdict.retryAfterSeconds, 'client'));
    });
  });
});
