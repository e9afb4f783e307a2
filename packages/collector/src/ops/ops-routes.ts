import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { HttpError } from '../lib/errors.ts';

/** `/healthz` (public) and `/metrics` (Prometheus text, read key). */
export async function opsRoutes(app: FastifyInstance, options: { database: Pick<Database, 'ping' | 'pendingWrites'> }): Promise<void> {
  app.get('/healthz', {
    schema: { summary: 'Liveness and database check', tags: ['operations'], response: { 200: z.object({ status: z.literal('ok') }) } },
    config: { access: 'public' },
  }, async (_request, reply) => {
    if (!(await options.database.ping())) throw new HttpError(503, 'unavailable', 'database: not answering');
    reply.header('Cache-Control', 'no-store');
    return { status: 'ok' as const };
  });

  app.get('/metrics', {
    schema: { summary: 'Prometheus metrics: requests, latency, ingest counts, write batch sizes', tags: ['operations'] },
    config: { access: 'read' },
  }, async (_request, reply) => {
    const gauges = [{ name: 'npsloop_write_queue_pending', help: 'Writes waiting for the next commit', value: options.database.pendingWrites }];
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(app.metrics.render(gauges));
  });
}
