import type { FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { RouteAccess } from '../plugins/auth.ts';
import { ERROR_EXAMPLE, EXAMPLES } from './examples.ts';

type JsonSchema = Record<string, unknown>;
type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

const SUCCESS_DESCRIPTIONS: Record<string, string> = { 200: 'OK', 201: 'Created' };

const ERROR_DESCRIPTIONS: Record<string, string> = {
  400: 'Invalid input: the message names the field and the rule',
  401: 'Missing or wrong API key',
  403: 'Key scope too low, origin not allowed, or survey paused',
  404: 'Not found',
  409: 'Conflict with what is stored',
  413: 'Body too large',
  415: 'Unsupported content type',
  429: 'Rate limited: see Retry-After and the RateLimit headers',
  500: 'Internal error (no details)',
};

/** The error statuses an operation can answer, from what it takes and who may call it. */
function errorStatuses(schema: FastifySchema, method: string, access: RouteAccess, rateLimited: boolean): string[] {
  const statuses = ['500'];
  if (schema.body || schema.querystring || schema.params) statuses.push('400');
  if (access !== 'public') statuses.push('401', '403');
  if (schema.params) statuses.push('404');
  if (schema.body) statuses.push('413', '415');
  if (method === 'POST' || method === 'PATCH') statuses.push('409');
  if (rateLimited) statuses.push('403', '429');
  return [...new Set(statuses)].sort();
}

/** The error envelope, once, in `components.schemas`. */
export const ERROR_SCHEMA: OpenAPIV3_1.SchemaObject = {
  type: 'object', required: ['error'],
  properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
  examples: [{ error: ERROR_EXAMPLE }],
};

const errorResponse = (status: string) => ({
  description: ERROR_DESCRIPTIONS[status], $ref: '#/components/schemas/Error',
});

const text = (description: string, ...types: string[]) => ({
  description, content: Object.fromEntries(types.map((type) => [type, { schema: { type: 'string' } }])),
});

/** The success answers of operations that reply with something other than a JSON schema can describe. */
const OTHER_SUCCESS: Record<string, Record<string, JsonSchema>> = {
  'GET /openapi.json': { 200: { description: 'This document', type: 'object' } },
  'GET /v1/surveys/:id/export': { 200: text('The responses, streamed, oldest first', 'text/csv', 'application/x-ndjson') },
  'GET /v1/surveys/:id/huddle': { 200: { description: 'The digest: JSON, or Markdown for chat with `format=md`', type: 'object' } },
  'GET /widget.js': { 200: text('The widget script', 'text/javascript'), 304: { description: 'Not modified (ETag)', type: 'null' } },
  'GET /widget.:hash.js': { 200: text('The widget script', 'text/javascript') },
  'GET /s/:surveyId': { 200: text('The survey page', 'text/html') },
  'POST /s/:surveyId': { 200: text('The next step of the survey, or its thanks', 'text/html') },
  'GET /dashboard': { 308: { description: 'Redirect to /dashboard/', type: 'null' } },
  'GET /metrics': { 200: text('Prometheus text exposition format 0.0.4', 'text/plain') },
};

/** `getV1SurveysIdSummary` from `GET /v1/surveys/:id/summary`: a stable name for clients and deep links. */
function operationId(method: string, url: string): string {
  const words = url.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return method.toLowerCase() + words.map((word) => word[0].toUpperCase() + word.slice(1)).join('');
}

/**
 * Turns a route's zod schemas into OpenAPI (fastify-type-provider-zod's transform), then adds what
 * the schemas cannot say: who may call it (security), the errors it can answer in the envelope,
 * the content types ingest takes, an operation id and the examples.
 */
export function openApiTransform(input: TransformInput) {
  const { schema, url } = jsonSchemaTransform(input) as { schema: FastifySchema & { response?: Record<string, JsonSchema> }; url: string };
  if (schema.hide) return { schema, url };
  const route = input.route as RouteOptions;
  const method = String(route.method);
  const access = route.config?.access ?? 'admin';
  const examples = EXAMPLES[`${method} ${route.url}`];
  const response: Record<string, JsonSchema> = { ...schema.response };
  for (const [status, success] of Object.entries(response)) {
    const example = examples?.responses?.[status];
    response[status] = { description: SUCCESS_DESCRIPTIONS[status] ?? 'Success', ...success, ...(example !== undefined && { examples: [example] }) };
  }
  if (!Object.keys(response).some((status) => status < '400')) {
    Object.assign(response, OTHER_SUCCESS[`${method} ${route.url}`] ?? (method === 'DELETE' ? { 204: { description: 'Done; no body', type: 'null' } } : {}));
  }
  for (const status of errorStatuses(route.schema ?? {}, method, access, route.config?.rateLimited === true)) response[status] ??= errorResponse(status);
  const body = schema.body && examples?.body !== undefined ? { ...(schema.body as JsonSchema), examples: [examples.body] } : schema.body;
  return {
    url,
    schema: {
      ...schema,
      body,
      response,
      operationId: operationId(method, route.url),
      security: access === 'public' ? [] : [{ bearer: [access] }],
      ...(route.config?.surveyCors && schema.body ? { consumes: ['application/json', 'text/plain'] } : {}),
      'x-access': access,
    },
  };
}
