import { z, type ZodType } from 'zod';
import type { CatalogRoute } from '../plugins/route-catalog.ts';

type JsonSchema = Record<string, unknown>;

const errorEnvelope = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
};

const ERROR_STATUSES: Record<string, string> = {
  400: 'Invalid input; the message names the field and the rule',
  401: 'Missing or wrong API key',
  403: 'Key scope too low, origin not allowed, or survey paused',
  404: 'Not found',
  409: 'Conflict',
  413: 'Body too large',
  415: 'Unsupported content type',
  429: 'Rate limited; see Retry-After',
  500: 'Internal error (no details)',
};

function toJsonSchema(schema: ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(schema: ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = toJsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: property,
  }));
}

function operation(route: CatalogRoute) {
  const responses: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(route.response ?? {})) {
    responses[status] = { description: 'Success', content: { 'application/json': { schema: toJsonSchema(schema, 'output') } } };
  }
  if (Object.keys(responses).length === 0) responses['200'] = { description: 'Success' };
  for (const [status, description] of Object.entries(ERROR_STATUSES)) {
    responses[status] = { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  }
  const body = route.body && toJsonSchema(route.body, 'input');
  return {
    summary: route.summary,
    description: route.description,
    tags: route.tags,
    security: route.access === 'public' ? [] : [{ bearer: [route.access] }],
    parameters: [...parameters(route.params, 'path'), ...parameters(route.querystring, 'query')],
    ...(body && {
      requestBody: {
        required: true,
        content: route.tags?.includes('ingest')
          ? { 'application/json': { schema: body }, 'text/plain': { schema: body } }
          : { 'application/json': { schema: body } },
      },
    }),
    responses,
    'x-access': route.access,
  };
}

/** The OpenAPI 3.1 document of every documented route, generated from the zod schemas declared with them. */
export function buildOpenApi(routes: readonly CatalogRoute[], version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    if (route.hidden) continue;
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'npsloop collector API',
      version,
      description: 'Ingest (public), surveys, analytics and operations. Keys: `Authorization: Bearer <key>`, scope `read` or `admin`. Every error is `{ "error": { "code", "message" } }`.',
    },
    paths,
    components: {
      schemas: { Error: errorEnvelope },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'API key created with `npsloop keys create`' } },
    },
  };
}
