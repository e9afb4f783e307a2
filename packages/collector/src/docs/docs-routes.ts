import type { FastifyInstance } from 'fastify';
import { escapeHtml } from '../hosted/render-page.ts';
import { buildOpenApi } from './openapi.ts';

interface Operation {
  summary?: string;
  description?: string;
  'x-access': string;
  requestBody?: { content: Record<string, { schema: unknown }> };
  parameters: { name: string; in: string; required: boolean }[];
}

function renderDocs(document: ReturnType<typeof buildOpenApi>): string {
  const paths = document.paths as Record<string, Record<string, Operation>>;
  const sections = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const params = op.parameters.map((p) => `<code>${escapeHtml(p.name)}</code> (${p.in}${p.required ? ', required' : ''})`).join(', ');
      const body = op.requestBody && Object.values(op.requestBody.content)[0].schema;
      return `<section id="${escapeHtml(`${method}-${path}`)}"><h2><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h2>
<p>${escapeHtml(op.summary ?? '')} <span class="access">access: ${escapeHtml(op['x-access'])}</span></p>
${op.description ? `<p>${escapeHtml(op.description)}</p>` : ''}${params ? `<p>Parameters: ${params}</p>` : ''}
${body ? `<details><summary>Request body schema</summary><pre>${escapeHtml(JSON.stringify(body, null, 2))}</pre></details>` : ''}</section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>npsloop API</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
section{border-top:1px solid #ddd;padding:.5rem 0}.method{font-family:monospace;background:#eef;padding:0 .3rem}.access{color:#555}pre{overflow:auto;background:#f6f6f6;padding:.5rem}</style></head>
<body><main><h1>npsloop collector API</h1><p>${escapeHtml(String((document.info as { description: string }).description))}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>${sections.join('\n')}</main></body></html>`;
}

/** `/openapi.json` (OpenAPI 3.1 from the route schemas) and `/docs` (a self-contained page, no CDN). */
export async function docsRoutes(app: FastifyInstance): Promise<void> {
  let document: ReturnType<typeof buildOpenApi> | null = null;
  // Built on first use, once every route is registered.
  const openApi = () => (document ??= buildOpenApi(app.routeCatalog, '0.1.0'));

  app.get('/openapi.json', { schema: { summary: 'This API as OpenAPI 3.1', tags: ['docs'] }, config: { access: 'public' } },
    async () => openApi());
  app.get('/docs', { schema: { summary: 'Human-readable API reference', tags: ['docs'] }, config: { access: 'public', html: true } },
    async (_request, reply) => reply.type('text/html; charset=utf-8').send(renderDocs(openApi())));
}
