import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tempDir, testApp } from '../helpers.ts';

const INDEX = '<!doctype html><html><head><script type="module" src="/dashboard/assets/app-1a2b3c.js"></script></head><body><div id="app"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify('dashboard '.repeat(300))});\n`;

/** A dashboard build as Vite writes it: each text file with its .br and .gz beside it. */
function builtDashboard(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'assets'));
  for (const [name, body] of [['index.html', INDEX], ['assets/app-1a2b3c.js', SCRIPT]]) {
    writeFileSync(join(dir, name), body);
    writeFileSync(join(dir, `${name}.br`), brotliCompressSync(body));
    writeFileSync(join(dir, `${name}.gz`), gzipSync(body));
  }
  writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
  return dir;
}

describe('serving the dashboard', () => {
  it('sends the pre-compressed file the client accepts, with its type, ETag and a year of caching', async () => {
    const app = await testApp({ dashboardDir: builtDashboard() });
    const url = '/dashboard/assets/app-1a2b3c.js';
    const brotli = await app.inject({ url, headers: { 'accept-encoding': 'gzip, br' } });
    expect(brotli.statusCode).toBe(200);
    expect(brotli.headers).toMatchObject({
      'content-encoding': 'br', 'content-type': 'application/javascript; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable',
    });
    expect(brotli.headers.vary).toContain('accept-encoding');
    expect(brotli.rawPayload).toEqual(brotliCompressSync(SCRIPT));
    const gzip = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    const revalidated = await app.inject({ url, headers: { 'if-none-match': plain.headers.etag as string } });
    expect(revalidated.statusCode).toBe(304);
  });

  it('answers a byte range of the file', async () => {
    const app = await testApp({ dashboardDir: builtDashboard() });
    const partial = await app.inject({ url: '/dashboard/assets/app-1a2b3c.js', headers: { range: 'bytes=0-11' } });
    expect(partial.statusCode).toBe(206);
    expect(partial.headers['content-range']).toBe(`bytes 0-11/${Buffer.byteLength(SCRIPT)}`);
    expect(partial.body).toBe(SCRIPT.slice(0, 12));
    const beyond = await app.inject({ url: '/dashboard/assets/app-1a2b3c.js', headers: { range: 'bytes=999999-' } });
    expect(beyond.statusCode).toBe(416);
    expect(beyond.json().error.code).toBe('range_not_satisfiable');
  });

  it('serves index.html, compressed, for the app and every page of it, revalidated and under a CSP', async () => {
    const app = await testApp({ dashboardDir: builtDashboard() });
    for (const url of ['/dashboard/', '/dashboard/inbox', '/dashboard/index.html']) {
      const page = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers, url).toMatchObject({ 'content-encoding': 'br', 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    }
    const other = await app.inject({ url: '/dashboard/robots.txt' });
    expect([other.statusCode, other.headers['cache-control'], other.body]).toEqual([200, 'public, max-age=300', 'User-agent: *\nDisallow: /\n']);
  });

  it('answers a missing file or a way out of the folder with 404, and an unbuilt dashboard with 503, in the envelope', async () => {
    const app = await testApp({ dashboardDir: builtDashboard() });
    for (const url of ['/dashboard/assets/nope.js', '/dashboard/..%2f..%2fpackage.json', '/dashboard/%2e%2e/%2e%2e/package.json']) {
      const missing = await app.inject({ url });
      expect(missing.statusCode, url).toBe(404);
      expect(missing.json().error.code, url).toBe('not_found');
    }
    const unbuilt = await testApp({ dashboardDir: tempDir() });
    const response = await unbuilt.inject({ url: '/dashboard/' });
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('dashboard_unavailable');
  });
});
