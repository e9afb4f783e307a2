import type { FastifyInstance } from 'fastify';
import type { ZodType } from 'zod';
import { HttpError } from '../lib/errors.ts';
import { describeIssues } from '../lib/common-schemas.ts';
import { globalPlugin } from './global-plugin.ts';

const PART_NAMES: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'headers' };

/** Route schemas are zod schemas: bad input becomes a 400 naming the field and rule before any handler runs. */
export const zodValidation = globalPlugin(async (app: FastifyInstance) => {
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const zodSchema = schema as unknown as ZodType;
    const part = PART_NAMES[httpPart ?? 'body'] ?? 'body';
    return (data: unknown) => {
      const result = zodSchema.safeParse(data ?? undefined);
      if (result.success) return { value: result.data };
      return { error: new HttpError(400, 'invalid_request', describeIssues(result.error.issues, part)) };
    };
  });
  // Response schemas document the API (OpenAPI); replies are plain JSON.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
});
