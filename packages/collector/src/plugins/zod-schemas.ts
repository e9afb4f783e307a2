import type { FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { HttpError } from '../lib/errors.ts';
import { describeIssues } from '../lib/common-schemas.ts';
import { globalPlugin } from './global-plugin.ts';

const PART_NAMES: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'headers' };

/** One validation error as fastify-type-provider-zod reports it: the zod issue, flattened. */
interface ReportedIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Turns a reported issue back into the zod issue it came from, so `describeIssues` words every 400 alike. */
function zodIssue(reported: ReportedIssue): z.core.$ZodIssue {
  const path = reported.instancePath === '/' ? [] : reported.instancePath.slice(1).split('/');
  return { ...reported.params, code: reported.keyword, path, message: reported.message ?? 'is not valid' } as z.core.$ZodIssue;
}

/**
 * Route schemas are zod schemas (fastify-type-provider-zod): bad input becomes a 400 naming the
 * field and rule before any handler runs, and replies are checked against their response schema
 * (a reply that does not match is a 500, logged with the zod error, never sent).
 */
export const zodSchemas = globalPlugin(async (app: FastifyInstance) => {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setSchemaErrorFormatter((errors, dataVar) =>
    new HttpError(400, 'invalid_request', describeIssues((errors as unknown as ReportedIssue[]).map(zodIssue), PART_NAMES[dataVar] ?? 'body')));
});
