import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Gauge } from 'prom-client';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { HttpError } from '../lib/errors.ts';

/** `/healthz` (public) and `/metrics` (Prometheus text, read key). */
export async function opsRoutes(fastify: FastifyInstance, options: { database: Pick<Database, 'ping' | 'pendingWrites' | 'writeHealth'> }): Promise<void> {
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
      summary: 'Liveness and database check: the database answers reads and its writes commit', tags: ['operations'],
      description: 'Answers 503 `unavailable` while the database does not answer, or while writes fail (disk full, I/O error, '
        + 'read-only or damaged file), with the reason and since when; it recovers by itself once a write commits again.',
      response: { 200: z.object({ status: z.literal('ok') }) },
    },
    config: { access: 'public' },
  }, async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
    if (!(await database.ping())) throw new HttpError(503, 'unavailable', 'database: not answering', { 'Cache-Control': 'no-store' });
    const failing = await database.writeHealth();
    if (failing) {
      throw new HttpError(503, 'unavailable', `database: writes fail since ${new Date(failing.since).toISOString()} (${failing.reason})`, { 'Cache-Control': 'no-store' });
    }
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
