import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../lib/errors.ts';
import { hashSecret, type KeyRepository, type KeyScope } from '../db/repositories/key-repository.ts';
import { addRouteHook, globalPlugin } from './global-plugin.ts';

/** Who may call a route: anyone, a `read` or `admin` key, or only an `admin` key (the default). */
export type RouteAccess = 'public' | KeyScope;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Access rule of the route; routes without one need an admin key. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** The scope of the key that authenticated this request, if any. */
    keyScope: KeyScope | null;
  }
}

const challenge = { 'WWW-Authenticate': 'Bearer realm="npsloop"' };

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer[ ]+(\S{1,512})\s*$/i.exec(header);
  return match ? match[1] : '';
}

/** Every route is admin-only unless it says otherwise; keys come as `Authorization: Bearer <key>`. */
export const auth = globalPlugin(async (app: FastifyInstance, options: { adminKey?: string; keys: KeyRepository }) => {
  const adminKeyHash = options.adminKey ? Buffer.from(hashSecret(options.adminKey), 'hex') : null;
  app.decorateRequest('keyScope', null);

  async function scopeOf(token: string): Promise<KeyScope | null> {
    const hash = Buffer.from(hashSecret(token), 'hex');
    if (adminKeyHash && timingSafeEqual(hash, adminKeyHash)) return 'admin';
    return (await options.keys.find(token))?.scope ?? null;
  }

  // Every route but the public ones (all of ingest) gets the check.
  app.addHook('onRoute', (route) => {
    const access = route.config?.access ?? 'admin';
    if (access === 'public') return;
    addRouteHook(route, 'onRequest', async (request) => authenticate(request, access));
  });

  async function authenticate(request: FastifyRequest, access: KeyScope): Promise<void> {
    const token = bearerToken(request);
    if (token === null) throw new HttpError(401, 'unauthorized', 'Authorization: a Bearer API key is required', challenge);
    const scope = token ? await scopeOf(token) : null;
    if (!scope) throw new HttpError(401, 'unauthorized', 'Authorization: the API key is not valid', challenge);
    if (access === 'admin' && scope !== 'admin') {
      throw new HttpError(403, 'forbidden', 'Authorization: this route needs an admin key; the key has read scope');
    }
    request.keyScope = scope;
  }
});
