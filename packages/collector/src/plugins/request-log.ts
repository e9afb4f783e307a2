import type { FastifyInstance } from 'fastify';
import { globalPlugin } from './global-plugin.ts';

/** One structured log line per answered request (Fastify's default writes two): method, URL, status, time. */
export const requestLog = globalPlugin(async (app: FastifyInstance) => {
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
    done();
  });
});
