import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../lib/errors.ts';
import { createWidgetLoader, widgetCandidates, type WidgetBundle } from './widget-bundle.ts';

const JS = 'text/javascript; charset=utf-8';

/** Serves the widget: `/widget.js` (ETag, 5 min cache), `/widget.<hash>.js` (immutable), `/widget.json` (URL + SRI). */
export async function widgetRoutes(app: FastifyInstance, options: { widgetPath?: string }): Promise<void> {
  const load = createWidgetLoader(options.widgetPath ? [options.widgetPath] : widgetCandidates());
  const bundle = async (): Promise<WidgetBundle> => {
    const widget = await load();
    if (!widget) throw new HttpError(503, 'widget_unavailable', 'widget.js has not been built yet (run the widget build)');
    return widget;
  };
  // The script may be loaded with `integrity` + `crossorigin`, which needs CORS.
  const shared = (reply: FastifyReply) => reply.header('Access-Control-Allow-Origin', '*').header('Cross-Origin-Resource-Policy', 'cross-origin');
  const config = { access: 'public' } as const;

  app.get('/widget.js', { schema: { summary: 'The widget script (revalidated every 5 minutes)', tags: ['widget'] }, config }, async (request, reply) => {
    const widget = await bundle();
    shared(reply).header('ETag', widget.etag).header('Cache-Control', 'public, max-age=300');
    if (request.headers['if-none-match'] === widget.etag) return reply.code(304).send();
    return reply.type(JS).send(widget.body);
  });

  app.get('/widget.:hash.js', {
    schema: { summary: 'The widget script at its content-hashed URL (cached for a year)', tags: ['widget'], params: z.object({ hash: z.string().max(64) }) },
    config,
  }, async (request, reply) => {
    const widget = await bundle();
    if ((request.params as { hash: string }).hash !== widget.hash) {
      throw new HttpError(404, 'not_found', `widget.${String((request.params as { hash: string }).hash)}.js: not the current widget build; see /widget.json`);
    }
    shared(reply).header('ETag', widget.etag).header('Cache-Control', 'public, max-age=31536000, immutable');
    return reply.type(JS).send(widget.body);
  });

  app.get('/widget.json', {
    schema: {
      summary: 'The hashed widget URL and its Subresource Integrity hash', tags: ['widget'],
      response: { 200: z.object({ url: z.string(), integrity: z.string() }) },
    },
    config,
  }, async (_request, reply) => {
    const widget = await bundle();
    shared(reply).header('Cache-Control', 'public, max-age=60');
    return { url: `/widget.${widget.hash}.js`, integrity: widget.integrity };
  });
}
