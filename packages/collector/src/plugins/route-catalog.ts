import type { FastifyInstance } from 'fastify';
import type { RouteAccess } from './auth.ts';
import { globalPlugin } from './global-plugin.ts';

/** One registered route and who may call it, as the auth tests audit it. */
export interface CatalogRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered after the catalog plugin, in order. */
    routeCatalog: CatalogRoute[];
  }
}

/** Collects the route table through the onRoute hook (after auth has settled each route's access). */
export const routeCatalog = globalPlugin(async (app: FastifyInstance) => {
  const routes: CatalogRoute[] = [];
  app.decorate('routeCatalog', routes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.push({ method, url: route.url, access: route.config?.access ?? 'admin' });
  });
});
