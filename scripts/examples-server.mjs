// Serves examples/ as a static site, the way a customer's website would host
// them. Pages are written for the collector's default address
// (http://localhost:8787); this server swaps in the real collector origin,
// fills {{NONCE}} with a fresh nonce per request and applies an example's
// headers.json (e.g. a strict Content-Security-Policy).
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The origin example pages are written for. */
export const DEFAULT_COLLECTOR_ORIGIN = 'http://localhost:8787';

const EXAMPLES_DIR = resolve(fileURLToPath(new URL('../examples', import.meta.url)));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.md': 'text/plain; charset=utf-8',
};
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.md']);

function substitute(text, collectorOrigin, nonce) {
  return text.split(DEFAULT_COLLECTOR_ORIGIN).join(collectorOrigin).split('{{NONCE}}').join(nonce);
}

async function exampleHeaders(exampleName, collectorOrigin, nonce) {
  try {
    const raw = await readFile(join(EXAMPLES_DIR, exampleName, 'headers.json'), 'utf8');
    return JSON.parse(substitute(raw, collectorOrigin, nonce));
  } catch {
    return {};
  }
}

async function resolveFile(urlPath) {
  const decoded = decodeURIComponent(urlPath.split('?')[0]);
  const target = resolve(EXAMPLES_DIR, '.' + normalize(decoded));
  if (target !== EXAMPLES_DIR && !target.startsWith(EXAMPLES_DIR + sep)) return null;
  try {
    const info = await stat(target);
    if (info.isDirectory()) {
      if (!decoded.endsWith('/')) return { redirect: decoded + '/' };
      const index = join(target, 'index.html');
      await stat(index);
      return { file: index };
    }
    return { file: target };
  } catch {
    return null;
  }
}

async function exampleList() {
  const { readdir } = await import('node:fs/promises');
  const entries = await readdir(EXAMPLES_DIR, { withFileTypes: true });
  const names = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    try {
      await stat(join(EXAMPLES_DIR, entry.name, 'index.html'));
      names.push(entry.name);
    } catch {}
  }
  return names.sort();
}

async function indexPage() {
  const links = (await exampleList()).map((name) => `<li><a href="/${name}/">${name}</a></li>`).join('');
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>npsloop examples</title><h1>npsloop examples</h1><ul>${links}</ul></html>`;
}

/**
 * Starts the examples server. Resolves to `{ url, close() }` once listening.
 * `port: 0` picks a free port.
 */
export async function startExamplesServer({ port = 5173, host = '127.0.0.1', collectorOrigin = DEFAULT_COLLECTOR_ORIGIN } = {}) {
  const server = createServer(async (request, response) => {
    try {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      if (path === '/') {
        response.writeHead(200, { 'content-type': TYPES['.html'] });
        response.end(await indexPage());
        return;
      }
      const found = await resolveFile(path);
      if (!found) {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('Not found');
        return;
      }
      if (found.redirect) {
        response.writeHead(301, { location: found.redirect });
        response.end();
        return;
      }
      const extension = extname(found.file);
      const nonce = randomBytes(16).toString('base64');
      const exampleName = path.split('/')[1];
      const headers = {
        'content-type': TYPES[extension] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...(extension === '.html' ? await exampleHeaders(exampleName, collectorOrigin, nonce) : {}),
      };
      const body = await readFile(found.file);
      response.writeHead(200, headers);
      response.end(TEXT.has(extension) ? substitute(body.toString('utf8'), collectorOrigin, nonce) : body);
    } catch {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Internal error');
    }
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done());
  });
  const address = server.address();
  return {
    url: `http://${host}:${address.port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
