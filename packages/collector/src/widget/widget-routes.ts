import { dirname } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError } from '../lib/errors.ts';
import { createBuildReader, widgetDirCandidates, type WidgetBuild } from './widget-build.ts';

const FIVE_MINUTES = 300_000;
const ONE_YEAR = 31_536_000_000;
const hashParams = z.object({ hash: z.string().regex(/^[0-9a-f]{16}$/, { error: 'must be 16 hex digits' }) });

/**
 * Serves the built widget from its folder, as the build compressed it (brotli
 * or gzip by Accept-Encoding, with ETag and Last-Modified): `/widget.js` (the
 * loader, revalidated every 5 minutes), `/widget.<hash>.js` and
 * `/widget-ui.<hash>.js` (immutable), and `/widget.json` (URLs and SRI hashes).
 * `widgetPath` is the built widget.js; the other files sit next to it.
 */
export async function widgetRoutes(fastify: FastifyInstance, options: { widgetPath?: string }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = createBuildReader(options.widgetPath ? [dirname(options.widgetPath)] : widgetDirCandidates());
  const build = async (): Promise<WidgetBuild> => {
    const found = await read();
    if (!found) throw new HttpError(503, 'widget_unavailable', 'widget.js has not been built yet (run the widget build: pnpm --filter @npsloop/widget build)');
    return found;
  };
  // The scripts may be loaded with `integrity` + `crossorigin` (the loader loads its UI chunk so), which needs CORS.
  const send = (reply: FastifyReply, dir: string, file: string, maxAge: number) =>
    reply.header('Access-Control-Allow-Origin', '*').header('Cross-Origin-Resource-Policy', 'cross-origin')
      .sendFile(file, dir, { maxAge, immutable: maxAge === ONE_YEAR });
  const config = { access: 'public' } as const;

  await app.register(fastifyStatic, { serve: false, preCompressed: true });

  app.get('/widget.js', { schema: { summary: 'The widget loader (revalidated every 5 minutes)', tags: ['widget'] }, config }, async (_request, reply) => {
    const { dir, manifest } = await build();
    return send(reply, dir, manifest.loader.file, FIVE_MINUTES);
  });

  app.get('/widget.:hash.js', {
    schema: { summary: 'The widget loader at its content-hashed URL (cached for a year)', tags: ['widget'], params: hashParams },
    config,
  }, async (request, reply) => {
    const { dir, manifest } = await build();
    const file = `widget.${request.params.hash}.js`;
    if (file !== manifest.loader.hashed) throw new HttpError(404, 'not_found', `${file}: not the current widget build; see /widget.json`);
    return send(reply, dir, file, ONE_YEAR);
  });

  app.get('/widget-ui.:hash.js', {
    schema: { summary: 'The survey UI the loader fetches when the survey shows (content-hashed, cached for a year)', tags: ['widget'], params: hashParams },
    config,
  }, async (request, reply) => {
    const { dir, manifest } = await build();
    const file = `widget-ui.${request.params.hash}.js`;
    if (!manifest.chunks.some((chunk) => chunk.file === file)) throw new HttpError(404, 'not_found', `${file}: not part of the current widget build; see /widget.json`);
    return send(reply, dir, file, ONE_YEAR);
  });

  app.get('/widget.json', {
    schema: {
      summary: "The loader's hashed URL and SRI hash, and those of the UI chunks it loads", tags: ['widget'],
      response: { 200: z.object({ url: z.string(), integrity: z.string(), chunks: z.array(z.object({ url: z.string(), integrity: z.string() })) }) },
    },
    config,
  }, async (_request, reply) => {
    const { manifest } = await build();
    reply.header('Access-Control-Allow-Origin', '*').header('Cache-Control', 'public, max-age=60');
    return {
      url: `/${manifest.loader.hashed}`,
      integrity: manifest.loader.integrity,
      chunks: manifest.chunks.map((chunk) => ({ url: `/${chunk.file}`, integrity: chunk.integrity })),
    };
  });
}
