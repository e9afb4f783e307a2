import { timingSafeEqual } from 'node:crypto';
import type { CallingKey, KeyScope } from '@npsloop/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../lib/errors.ts';
import { hashSecret, type KeyRepository } from '../db/repositories/key-repository.ts';
import { addRouteHook, globalPlugin } from './global-plugin.ts';

/** Who may call a route: anyone, a `read` or `admin` key, or only an `admin` key (the default). */
export type RouteAccess = 'public' | KeyScope;


/** Options for the auth plugin. */
export interface AuthOptions {
  /** An admin key accepted as given (NPSLOOP_ADMIN_KEY). */
  adminKey?: string;
  /** URL prefixes whose routes are all public (a library's pages, such as the API reference). */
  publicPrefixes?: readonly string[];
  /** The stored keys. */
  keys: KeyRepository;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Access rule of the route; routes without one need an admin key. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** The scope of the key that authenticated this request, if any. */
    keyScope: KeyScope | null;
    /** The key that authenticated this request, if any. */
    apiKey: CallingKey | null;
  }
}

const challenge = { 'WWW-Authenticate': 'Bearer realm="npsloop"' };
const ENVIRONMENT_KEY: CallingKey = { id: null, name: 'NPSLOOP_ADMIN_KEY', scope: 'admin', source: 'environment' };

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer[ ]+(\S{1,512})\s*$/i.exec(header);
  return match ? match[1] : '';
}

/** Every route is admin-only unless it says otherwise; keys come as `Authorization: Bearer <key>`. */
export const auth = globalPlugin(async (app: FastifyInstance, options: AuthOptions) => {
  const adminKeyHash = options.adminKey ? Buffer.from(hashSecret(options.adminKey), 'hex') : null;
  const publicPrefixes = options.publicPrefixes ?? [];
  app.decorateRequest('keyScope', null);
  app.decorateRequest('apiKey', null);

  async function keyOf(token: string, request: FastifyRequest): Promise<CallingKey | null> {
    const hash = Buffer.from(hashSecret(token), 'hex');
    if (adminKeyHash && timingSafeEqual(hash, adminKeyHash)) return ENVIRONMENT_KEY;
    const stored = await options.keys.find(token);
    if (!stored) return null;
    // "Last used" is a convenience: failing to note it must not fail the request.
    await options.keys.markUsed(stored.id).catch((error: unknown) => request.log.warn({ err: error }, 'could not note when an API key was last used'));
    return { id: stored.id, name: stored.name, scope: stored.scope, source: 'database' };
  }

  // Every route but the public ones (all of ingest) gets the check. Preflights are public: browsers
  // never send credentials with them. The resolved rule is written back for the plugins after this one.
  app.addHook('onRoute', (route) => {
    const underPublicPrefix = publicPrefixes.some((prefix) => route.url === prefix || route.url.startsWith(`${prefix}/`));
    const access = route.method === 'OPTIONS' || underPublicPrefix ? 'public' : route.config?.access ?? 'admin';
    route.config = { ...route.config, access };
    if (access === 'public') return;
    addRouteHook(route, 'onRequest', async (request) => authenticate(request, access));
  });

  async function authenticate(request: FastifyRequest, access: KeyScope): Promise<void> {
    const token = bearerToken(request);
    if (token === null) throw new HttpError(401, 'unauthorized', 'Authorization: a Bearer API key is required', challenge);
    const key = token ? await keyOf(token, request) : null;
    if (!key) throw new HttpError(401, 'unauthorized', 'Authorization: the API key is not valid', challenge);
    if (access === 'admin' && key.scope !== 'admin') {
      throw new HttpError(403, 'forbidden', 'Authorization: this route needs an admin key; the key has read scope');
    }
    request.keyScope = key.scope;
    request.apiKey = key;
  }
});
