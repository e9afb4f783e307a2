import type { FastifyInstance } from 'fastify';
import { globalPlugin } from './global-plugin.ts';

/** One structured log line per answered request (Fastify's default writes two): method, URL, status, time. */
export const requestLog = globalPlugin(async (app: FastifyInstance) => {
  // The level is fixed at start: above `info` the lines would be dropped, so the hook is not added at all.
  if (!['trace', 'debug', 'info'].includes(app.log.level)) return;
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
    done();
  });
});
