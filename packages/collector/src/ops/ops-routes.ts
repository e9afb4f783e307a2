import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Gauge } from 'prom-client';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { HttpError } from '../lib/errors.ts';

/** `/healthz` (public) and `/metrics` (Prometheus text, read key). */
export async function opsRoutes(fastify: FastifyInstance, options: { database: Pick<Database, 'ping' | 'pendingWrites'> }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database } = options;
  new Gauge({
    name: 'npsloop_write_queue_pending', help: 'Writes waiting for the next commit', registers: [app.metrics.registry],
    collect() {
      this.set(database.pendingWrites);
    },
  });

  app.get('/healthz', {
    schema: {
      summary: 'Liveness and database check', tags: ['operations'],
      response: { 200: z.object({ status: z.literal('ok') }) },
    },
    config: { access: 'public' },
  }, async (_request, reply) => {
    if (!(await database.ping())) throw new HttpError(503, 'unavailable', 'database: not answering');
    reply.header('Cache-Control', 'no-store');
    return { status: 'ok' as const };
  });

  app.get('/metrics', {
    schema: {
      summary: 'Prometheus metrics',
      description: 'Requests and latency by route, ingest outcomes, write batches and the write queue, plus Node.js and process metrics '
        + '(`nodejs_eventloop_lag_seconds`, heap, GC, `process_cpu_seconds_total`), which start with the server or the first scrape.',
      tags: ['operations'],
    },
    config: { access: 'read' },
  }, async (_request, reply) => {
    app.metrics.startRuntimeMetrics();
    const text = await app.metrics.registry.metrics();
    return reply.header('Cache-Control', 'no-store').type(app.metrics.registry.contentType).send(text);
  });
}
