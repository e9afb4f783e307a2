/** Serves the built dashboard (`packages/dashboard/dist`) at `/dashboard/` with @fastify/static: pre-compressed files, ETag, Range. */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError } from '../lib/errors.ts';

// The dashboard talks only to this collector and renders comments as text; the policy makes that a rule.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
  + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

/** Where the dashboard build may be: the `@npsloop/dashboard` package, then the workspace path. */
export function dashboardCandidates(): string[] {
  let root = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(root, 'package.json')) && dirname(root) !== root) root = dirname(root);
  const candidates = [join(root, '../dashboard/dist')];
  try {
    candidates.unshift(join(dirname(createRequire(import.meta.url).resolve('@npsloop/dashboard/package.json')), 'dist'));
  } catch {
    // Not installed as a package: the workspace path is the fallback.
  }
  return candidates;
}

/** Headers by file: index.html is revalidated and locked down, hashed assets are cached for a year. */
function setHeaders(reply: FastifyReply, path: string): void {
  reply.header('X-Content-Type-Options', 'nosniff');
  if (basename(path).startsWith('index.html')) {
    reply.header('Cache-Control', 'no-cache').header('Content-Security-Policy', CSP).header('Referrer-Policy', 'no-referrer');
  } else {
    reply.header('Cache-Control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
  }
}

/** Registers `GET /dashboard` (redirect) and `GET /dashboard/*`; 503 in the error envelope until the dashboard is built. */
export async function dashboardRoutes(app: FastifyInstance, options: { dashboardDir?: string } = {}): Promise<void> {
  const candidates = (options.dashboardDir ? [options.dashboardDir] : dashboardCandidates()).map((dir) => resolve(dir));
  const config = { access: 'public' } as const;

  // Files are sent by @fastify/static: the `.br`/`.gz` made at build time when the client accepts one,
  // else the file itself; ETag and Last-Modified for revalidation, byte ranges.
  await app.register(fastifyStatic, {
    root: candidates[0], serve: false, preCompressed: true, cacheControl: false, suppressWarning: true, setHeaders,
  });

  async function builtDir(): Promise<string> {
    for (const dir of candidates) {
      if ((await stat(join(dir, 'index.html')).catch(() => null))?.isFile()) return dir;
    }
    throw new HttpError(503, 'dashboard_unavailable', 'dashboard: not built yet (run the dashboard build: pnpm --filter @npsloop/dashboard build)');
  }

  app.get('/dashboard', { schema: { summary: 'The team dashboard, a web app (redirects to /dashboard/; its data needs an API key)', tags: ['dashboard'] }, config },
    async (_request, reply) => reply.redirect('/dashboard/', 308));

  app.withTypeProvider<ZodTypeProvider>().get('/dashboard/*', {
    // Static files: kept out of the API reference (a wildcard is no OpenAPI path); GET /dashboard documents the page.
    schema: { summary: 'The dashboard files, and index.html for its pages', tags: ['dashboard'], hide: true, params: z.object({ '*': z.string().max(300) }) },
    config,
  }, async (request, reply) => {
    const dir = await builtDir();
    const wanted = request.params['*'];
    // The app's own pages (no extension) all get index.html; it routes on the client.
    if (!extname(wanted)) return reply.sendFile('index.html', dir);
    const path = resolve(dir, wanted);
    const info = path.startsWith(dir + sep) ? await stat(path).catch(() => null) : null;
    if (!info?.isFile()) throw new HttpError(404, 'not_found', `dashboard/${wanted.slice(0, 100)}: no such file`);
    return reply.sendFile(relative(dir, path), dir);
  });
}
