import type { FastifyInstance } from 'fastify';

/** `/openapi.json` and `/docs` (filled in below). */
export async function docsRoutes(_app: FastifyInstance): Promise<void> {}
