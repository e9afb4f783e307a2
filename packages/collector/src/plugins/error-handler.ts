import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { storageFailure } from '../db/storage-failures.ts';
import { HttpError } from '../lib/errors.ts';
import { renderErrorPage } from '../hosted/render-page.ts';
import { globalPlugin } from './global-plugin.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Errors on this route render as an HTML page (pages people open in a browser). */
    html?: boolean;
  }
}

const CODES_BY_STATUS: Record<number, string> = {
  400: 'invalid_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed',
  406: 'not_acceptable', 408: 'request_timeout', 409: 'conflict', 412: 'precondition_failed', 413: 'payload_too_large',
  415: 'unsupported_media_type', 416: 'range_not_satisfiable', 429: 'rate_limited', 503: 'unavailable',
};

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
};

/** Maps any thrown error to a status and the public `{ code, message }`; 5xx never reveal the cause. */
export function toEnvelope(error: FastifyError | HttpError | Error): { status: number; code: string; message: string } {
  if (error instanceof HttpError) return { status: error.statusCode, code: error.code, message: error.message };
  const failure = storageFailure(error);
  if (failure) return { status: 503, code: 'storage_unavailable', message: `The database cannot do this right now (${failure.reason}); nothing was changed, try again shortly` };
  const status = (error as FastifyError).statusCode ?? 500;
  if (status < 400 || status >= 500) return { status: 500, code: 'internal_error', message: 'Internal server error' };
  const fastifyCode = (error as FastifyError).code;
  if (error instanceof SyntaxError || fastifyCode === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return { status: 400, code: 'invalid_json', message: 'body: must be valid JSON without __proto__ or constructor.prototype keys' };
  }
  if (fastifyCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { status, code: 'unsupported_media_type', message: 'Content-Type: must be application/json or text/plain carrying JSON' };
  }
  return { status, code: FASTIFY_CODES[fastifyCode] ?? CODES_BY_STATUS[status] ?? 'invalid_request', message: error.message };
}

function send(request: FastifyRequest, reply: FastifyReply, envelope: ReturnType<typeof toEnvelope>) {
  reply.code(envelope.status);
  if (request.routeOptions.config?.html) {
    return reply.type('text/html; charset=utf-8').send(renderErrorPage(envelope.status, envelope.message));
  }
  return reply.type('application/json; charset=utf-8').send({ error: { code: envelope.code, message: envelope.message } });
}

/** Fastify's own early errors (a URL that does not decode) in the same envelope; passed as `frameworkErrors`. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const envelope = error.code === 'FST_ERR_BAD_URL'
    ? { status: 400, code: 'invalid_url', message: 'URL: not a valid percent-encoded path' }
    : toEnvelope(error);
  reply.code(envelope.status).type('application/json; charset=utf-8').send({ error: { code: envelope.code, message: envelope.message } });
}

/** One error handler and one 404 handler, both producing the `{ error: { code, message } }` envelope. */
export const errorHandler = globalPlugin(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    const envelope = toEnvelope(error);
    if (envelope.status >= 500) request.log.error({ err: error }, 'request failed');
    if (error instanceof HttpError) reply.headers(error.headers);
    else if (envelope.code === 'storage_unavailable') reply.header('Retry-After', '5');
    return send(request, reply, envelope);
  });
  app.setNotFoundHandler((request, reply) =>
    send(request, reply, { status: 404, code: 'not_found', message: `${request.method} ${request.url.split('?')[0].slice(0, 200)}: no such route` }),
  );
});
