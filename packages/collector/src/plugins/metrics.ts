import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppMetrics } from '../lib/app-metrics.ts';
import { addRouteHook, globalPlugin } from './global-plugin.ts';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: AppMetrics;
  }
}

/** Counts every request and its latency by route and status; starts the runtime metrics when the server listens. */
export const metrics = globalPlugin(async (app: FastifyInstance, options: { metrics: AppMetrics }) => {
  app.decorate('metrics', options.metrics);
  const record = (route: string) => (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    options.metrics.requestAnswered(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    done();
  };
  app.addHook('onRoute', (route) => addRouteHook(route, 'onResponse', record(route.url)));
  // Requests that match no route (404s) run only the app-level hooks.
  const unmatched = record('unmatched');
  app.addHook('onResponse', (request, reply, done) => (request.is404 ? unmatched(request, reply, done) : done()));
  app.addHook('onListen', (done) => {
    options.metrics.startRuntimeMetrics();
    done();
  });
});
