import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { globalPlugin } from './global-plugin.ts';

/**
 * Brotli or gzip for every reply worth it, by @fastify/compress: JSON, CSV and NDJSON exports
 * (streamed), `/metrics`, HTML. Replies under 1 KB go as they are; a reply that already carries a
 * `Content-Encoding` (pre-compressed files) is left alone; routes that opt out with
 * `compress: false` (ingest, whose replies are a few dozen bytes) get no hook at all.
 * Request bodies are never decompressed.
 */
export const compress = globalPlugin(async (app: FastifyInstance) => {
  await app.register(fastifyCompress, { global: true, globalDecompression: false, encodings: ['br', 'gzip'], threshold: 1024 });
});
