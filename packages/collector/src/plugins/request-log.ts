import type { FastifyInstance, FastifyRequest } from 'fastify';
import { globalPlugin } from './global-plugin.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's query string names a person (an email, a user id): the request log shows it as `?[redacted]`. */
    personalQuery?: boolean;
  }
}

/** The request as logged on routes whose query names a person: the fields of Fastify's `req` serializer, without the query. */
function withoutQuery(request: FastifyRequest) {
  const query = request.url.indexOf('?');
  return {
    method: request.method, url: query === -1 ? request.url : `${request.url.slice(0, query)}?[redacted]`,
    host: request.host, remoteAddress: request.ip, remotePort: request.socket?.remotePort,
  };
}

/** One structured log line per answered request (Fastify's default writes two): method, URL, status, time. */
export const requestLog = globalPlugin(async (app: FastifyInstance) => {
  app.addHook('onRoute', (route) => {
    if (route.config?.personalQuery) route.logSerializers = { ...route.logSerializers, req: withoutQuery };
  });
  // The level is fixed at start: above `info` the lines would be dropped, so the hook is not added at all.
  if (!['trace', 'debug', 'info'].includes(app.log.level)) return;
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
    done();
  });
});
