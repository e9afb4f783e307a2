import fastifyRateLimit, { type RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import ipaddr from 'ipaddr.js';
import { HttpError } from '../lib/errors.ts';
import { FixedWindowCounters } from './rate-limit-store.ts';
import { addRouteHook, globalPlugin } from './global-plugin.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A public write route: limited per client IP (before the body is read) and per survey (once it is parsed). */
    rateLimited?: boolean;
  }
}

/** Limits per client IP and per survey; 0 turns one off. */
export interface RateLimitOptions {
  perIp: number;
  perSurvey: number;
  windowMs: number;
}

/** The survey a public write names: in the body (ingest) or the path (hosted page). */
function surveyKey(request: FastifyRequest): string {
  const named = (request.body as { surveyId?: unknown } | undefined)?.surveyId ?? (request.params as { surveyId?: unknown } | undefined)?.surveyId;
  return typeof named === 'string' ? named : '';
}

/**
 * The client a per-IP limit counts, as the plugin's default key does: an IPv6 client by its /64 network (one host
 * cannot hop addresses), an IPv4-mapped one by its IPv4 address. An IPv4 address is taken as it is, without the
 * IPv6 pattern match the default runs first on every request (about 1 µs an ingest request in profiles).
 */
function clientKey(request: FastifyRequest): string {
  const ip = request.ip;
  if (!ip.includes(':')) return ip;
  if (!ipaddr.IPv6.isValid(ip)) return ip.toLowerCase();
  const address = ipaddr.IPv6.parse(ip);
  if (address.isIPv4MappedAddress()) return address.toIPv4Address().toString();
  return ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/64`).toString();
}

/**
 * One limit as a hook, made by its own registration of @fastify/rate-limit: each registration has
 * its own store and its own "already limited" mark, so two limits can guard one route.
 */
async function limitHook(app: FastifyInstance, settings: RateLimitPluginOptions): Promise<onRequestHookHandler> {
  let hook: onRequestHookHandler | undefined;
  await app.register(async (scope) => {
    await scope.register(fastifyRateLimit, { global: false, enableDraftSpec: true, store: FixedWindowCounters, ...settings });
    hook = scope.rateLimit() as unknown as onRequestHookHandler;
  });
  return hook!;
}

/**
 * Per-IP and per-survey limits by @fastify/rate-limit: a 429 in the error envelope with `Retry-After`
 * and the standard `RateLimit-Limit`/`-Remaining`/`-Reset` headers of the limit it hit.
 * Counters live in this process (fixed windows, at most 10,000 clients remembered; see rate-limit-store.ts);
 * collectors behind one load balancer each count their own share.
 */
export const rateLimit = globalPlugin(async (app: FastifyInstance, options: RateLimitOptions) => {
  const tooMany = (what: (request: FastifyRequest) => string) =>
    (request: FastifyRequest, context: { ttl: number }) =>
      new HttpError(429, 'rate_limited', `${what(request)}: too many requests; retry after ${Math.max(1, Math.ceil(context.ttl / 1000))} s`);
  // The budget headers go on the 429 only: a successful answer has no use for them (the widget does not pace
  // itself), and three more headers on every answer cost the ingest path about 5 µs a request in benchmarks.
  const onlyWhenLimited = { 'ratelimit-limit': false, 'ratelimit-remaining': false, 'ratelimit-reset': false };

  const perIp = options.perIp > 0 && await limitHook(app, {
    max: options.perIp, timeWindow: options.windowMs, cache: 10_000, keyGenerator: clientKey,
    addHeadersOnExceeding: onlyWhenLimited, errorResponseBuilder: tooMany(() => 'client'),
  });
  const perSurvey = options.perSurvey > 0 && await limitHook(app, {
    max: options.perSurvey, timeWindow: options.windowMs, keyGenerator: surveyKey,
    addHeadersOnExceeding: onlyWhenLimited, errorResponseBuilder: tooMany((request) => `survey ${surveyKey(request)}`),
  });

  app.addHook('onRoute', (route) => {
    if (!route.config?.rateLimited) return;
    if (perIp) addRouteHook(route, 'onRequest', perIp);
    if (perSurvey) addRouteHook(route, 'preHandler', perSurvey);
  });
});
