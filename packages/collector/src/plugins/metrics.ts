import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Labels, MetricsRegistry } from '../lib/metrics-registry.ts';
import { addRouteHook, globalPlugin } from './global-plugin.ts';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: MetricsRegistry;
  }
}

/** Counts every request and its latency by route and status. */
export const metrics = globalPlugin(async (app: FastifyInstance, options: { registry: MetricsRegistry }) => {
  app.decorate('metrics', options.registry);
  // One label object per series, reused, so the registry renders each label set once.
  const labelSets = new Map<string, { counter: Labels; latency: Labels }>();
  const labelsFor = (method: string, route: string, status: string) => {
    const key = `${method} ${route} ${status}`;
    let labels = labelSets.get(key);
    if (!labels) labelSets.set(key, (labels = { counter: { method, route, status }, latency: { method, route } }));
    return labels;
  };
  const record = (route: string) => (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const labels = labelsFor(request.method, route, String(reply.statusCode));
    options.registry.inc('npsloop_http_requests_total', 'HTTP requests answered', labels.counter);
    options.registry.observe('npsloop_http_request_duration_seconds', 'Time to answer an HTTP request', reply.elapsedTime / 1000, labels.latency);
    done();
  };
  app.addHook('onRoute', (route) => addRouteHook(route, 'onResponse', record(route.url)));
  // Requests that match no route (404s) run only the app-level hooks.
  const unmatched = record('unmatched');
  app.addHook('onResponse', (request, reply, done) => (request.is404 ? unmatched(request, reply, done) : done()));
});
