/** Serves the built dashboard (`packages/dashboard/dist`) at `/dashboard/`: hashed assets cached for a year, an SPA fallback to index.html. */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../lib/errors.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.woff2': 'font/woff2', '.webmanifest': 'application/manifest+json',
};

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

/** Registers `GET /dashboard` (redirect) and `GET /dashboard/*`; 503 in the error envelope until the dashboard is built. */
export async function dashboardRoutes(app: FastifyInstance, options: { dashboardDir?: string } = {}): Promise<void> {
  const candidates = options.dashboardDir ? [options.dashboardDir] : dashboardCandidates();
  const config = { access: 'public' } as const;

  async function builtDir(): Promise<string> {
    for (const dir of candidates) {
      if ((await stat(join(dir, 'index.html')).catch(() => null))?.isFile()) return resolve(dir);
    }
    throw new HttpError(503, 'dashboard_unavailable', 'dashboard: not built yet (run the dashboard build: pnpm --filter @npsloop/dashboard build)');
  }

  async function sendIndex(dir: string, reply: FastifyReply) {
    reply.header('Cache-Control', 'no-cache').header('Content-Security-Policy', CSP)
      .header('X-Content-Type-Options', 'nosniff').header('Referrer-Policy', 'no-referrer');
    return reply.type(TYPES['.html']).send(await readFile(join(dir, 'index.html')));
  }

  app.get('/dashboard', { schema: { summary: 'The team dashboard, a web app (redirects to /dashboard/; its data needs an API key)', tags: ['dashboard'] }, config },
    async (_request, reply) => reply.redirect('/dashboard/', 308));

  app.get('/dashboard/*', {
    // Static files: kept out of the API reference (a wildcard is no OpenAPI path); GET /dashboard documents the page.
    schema: { summary: 'The dashboard files, and index.html for its pages', tags: ['dashboard'], hide: true, params: z.object({ '*': z.string().max(300) }) },
    config,
  }, async (request, reply) => {
    const dir = await builtDir();
    const wanted = (request.params as { '*': string })['*'];
    if (!extname(wanted)) return sendIndex(dir, reply);
    const path = resolve(dir, wanted);
    const info = path.startsWith(dir + sep) ? await stat(path).catch(() => null) : null;
    if (!info?.isFile()) throw new HttpError(404, 'not_found', `dashboard/${wanted.slice(0, 100)}: no such file`);
    if (path.endsWith(`${sep}index.html`)) return sendIndex(dir, reply);
    const hashed = path.startsWith(join(dir, 'assets') + sep);
    reply.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300').header('X-Content-Type-Options', 'nosniff');
    return reply.type(TYPES[extname(path)] ?? 'application/octet-stream').send(await readFile(path));
  });
}
