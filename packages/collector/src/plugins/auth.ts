import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../lib/errors.ts';
import { hashSecret, type KeyScope } from '../db/repositories/key-repository.ts';
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
export const auth = globalPlugin(async (app: FastifyInstance, options: { adminKey?: string }) => {
  const adminKeyHash = options.adminKey ? Buffer.from(hashSecret(options.adminKey), 'hex') : null;
  app.decorateRequest('keyScope', null);

  function scopeOf(token: string): KeyScope | null {
    const hash = Buffer.from(hashSecret(token), 'hex');
    if (adminKeyHash && timingSafeEqual(hash, adminKeyHash)) return 'admin';
    return app.store.findKey(token)?.scope ?? null;
  }

  // Every route but the public ones (all of ingest) gets the check.
  app.addHook('onRoute', (route) => {
    const access = route.config?.access ?? 'admin';
    if (access === 'public') return;
    addRouteHook(route, 'onRequest', (request, _reply, done) => {
      try {
        authenticate(request, access);
        done();
      } catch (error) {
        done(error as Error);
      }
    });
  });

  function authenticate(request: FastifyRequest, access: KeyScope): void {
    const token = bearerToken(request);
    if (token === null) throw new HttpError(401, 'unauthorized', 'Authorization: a Bearer API key is required', challenge);
    const scope = token ? scopeOf(token) : null;
    if (!scope) throw new HttpError(401, 'unauthorized', 'Authorization: the API key is not valid', challenge);
    if (access === 'admin' && scope !== 'admin') {
      throw new HttpError(403, 'forbidden', 'Authorization: this route needs an admin key; the key has read scope');
    }
    request.keyScope = scope;
  }
});
