import type { FastifyInstance } from 'fastify';
import type { MetricsRegistry } from '../metrics-registry.ts';
import { globalPlugin } from './global-plugin.ts';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: MetricsRegistry;
  }
}

/** Counts every request and its latency by route and status. */
export const metrics = globalPlugin(async (app: FastifyInstance, options: { registry: MetricsRegistry }) => {
  app.decorate('metrics', options.registry);
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    options.registry.inc('npsloop_http_requests_total', 'HTTP requests answered', labels);
    options.registry.observe(
      'npsloop_http_request_duration_seconds', 'Time to answer an HTTP request',
      reply.elapsedTime / 1000, { method: request.method, route },
    );
    done();
  });
});
