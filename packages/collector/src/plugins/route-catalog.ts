import type { FastifyInstance } from 'fastify';
import type { ZodType } from 'zod';
import type { RouteAccess } from './auth.ts';
import { globalPlugin } from './global-plugin.ts';

/** One registered route, as documented (OpenAPI) and as audited (auth tests). */
export interface CatalogRoute {
  method: string;
  url: string;
  access: RouteAccess;
  hidden: boolean;
  summary?: string;
  description?: string;
  tags?: string[];
  body?: ZodType;
  querystring?: ZodType;
  params?: ZodType;
  response?: Record<string, ZodType>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered after the catalog plugin, in order. */
    routeCatalog: CatalogRoute[];
  }
  interface FastifySchema {
    summary?: string;
    description?: string;
    tags?: string[];
    hide?: boolean;
  }
}

/** Collects the route table through the onRoute hook. */
export const routeCatalog = globalPlugin(async (app: FastifyInstance) => {
  const routes: CatalogRoute[] = [];
  app.decorate('routeCatalog', routes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const schema = route.schema ?? {};
    for (const method of methods) {
      routes.push({
        method,
        url: route.url,
        access: route.config?.access ?? 'admin',
        hidden: schema.hide === true || method === 'HEAD',
        summary: schema.summary,
        description: schema.description,
        tags: schema.tags,
        body: schema.body as ZodType | undefined,
        querystring: schema.querystring as ZodType | undefined,
        params: schema.params as ZodType | undefined,
        response: schema.response as Record<string, ZodType> | undefined,
      });
    }
  });
});
