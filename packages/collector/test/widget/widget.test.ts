import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tempDir, testApp } from '../helpers.ts';

const LOADER = '(function(){window.__npsloopLoader=1})();\n';
const CHUNK = '(function(){window.__npsloopUi=1})();\n';

const sha384 = (text: string) => createHash('sha384').update(text).digest();

/** Writes a widget build the way the widget's build does: each file with .br and .gz copies, and widget.json. */
function writeBuild(dir: string, loader = LOADER, chunk = CHUNK) {
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    writeFileSync(join(dir, `${name}.br`), brotliCompressSync(text));
    writeFileSync(join(dir, `${name}.gz`), gzipSync(text));
  };
  const hashed = `widget.${sha384(loader).toString('hex').slice(0, 16)}.js`;
  const chunkFile = `widget-ui.${sha384(chunk).toString('hex').slice(0, 16)}.js`;
  write('widget.js', loader);
  write(hashed, loader);
  write(chunkFile, chunk);
  const manifest = {
    loader: { file: 'widget.js', hashed, integrity: `sha384-${sha384(loader).toString('base64')}` },
    chunks: [{ file: chunkFile, integrity: `sha384-${sha384(chunk).toString('base64')}` }],
  };
  writeFileSync(join(dir, 'widget.json'), JSON.stringify(manifest));
  return manifest;
}

async function appWithBuild(built = true) {
  const dir = tempDir();
  const manifest = built ? writeBuild(dir) : null;
  return { app: await testApp({ widgetPath: join(dir, 'widget.js') }), dir, manifest };
}

describe('widget delivery', () => {
  it.each([
    ['br', 'br', (body: Buffer) => brotliDecompressSync(body)],
    ['gzip', 'gzip', (body: Buffer) => gunzipSync(body)],
    ['gzip, deflate, br', 'br', (body: Buffer) => brotliDecompressSync(body)],
    ['identity', undefined, (body: Buffer) => body],
  ])('serves /widget.js to Accept-Encoding %s as the build compressed it, with ETag and a 5-minute cache', async (accepted, encoding, decode) => {
    const { app } = await appWithBuild();
    const response = await app.inject({ url: '/widget.js', headers: { 'accept-encoding': accepted } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe(encoding);
    expect(decode(response.rawPayload).toString()).toBe(LOADER);
    expect(response.headers['content-type']).toMatch(/^(text|application)\/javascript; charset=utf-8$/);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const etag = response.headers.etag as string;
    expect(etag).toBeTruthy();
    const revalidated = await app.inject({ url: '/widget.js', headers: { 'accept-encoding': accepted, 'if-none-match': etag } });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
  });

  it("lists the loader's and the chunk's immutable URLs with their SRI hashes in /widget.json, each hash matching the served file", async () => {
    const { app } = await appWithBuild();
    const listed = await app.inject({ url: '/widget.json' });
    expect(listed.headers['cache-control']).toBe('public, max-age=60');
    const manifest = listed.json();
    expect(manifest).toEqual({
      url: expect.stringMatching(/^\/widget\.[0-9a-f]{16}\.js$/),
      integrity: `sha384-${sha384(LOADER).toString('base64')}`,
      chunks: [{ url: expect.stringMatching(/^\/widget-ui\.[0-9a-f]{16}\.js$/), integrity: `sha384-${sha384(CHUNK).toString('base64')}` }],
    });
    for (const { url, integrity } of [manifest, ...manifest.chunks]) {
      const response = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
      expect(`sha384-${createHash('sha384').update(brotliDecompressSync(response.rawPayload)).digest('base64')}`).toBe(integrity);
    }
  });

  it.each([
    ['/widget.0000000000000000.js', 404, 'not_found'],
    ['/widget-ui.0000000000000000.js', 404, 'not_found'],
    ['/widget-ui.not-a-hash.js', 400, 'invalid_request'],
  ])('answers %s with %i in the error envelope', async (url, status, code) => {
    const { app } = await appWithBuild();
    const response = await app.inject({ url });
    expect(response.statusCode).toBe(status);
    expect(response.json().error.code).toBe(code);
  });

  it('picks up a rebuilt widget without a restart', async () => {
    const { app, dir, manifest } = await appWithBuild();
    const rebuilt = writeBuild(dir, `${LOADER}// rebuilt\n`, `${CHUNK}// rebuilt\n`);
    const listed = (await app.inject({ url: '/widget.json' })).json();
    expect(listed.url).toBe(`/${rebuilt.loader.hashed}`);
    expect(listed.url).not.toBe(`/${manifest!.loader.hashed}`);
    expect((await app.inject({ url: '/widget.js' })).body).toContain('rebuilt');
    expect((await app.inject({ url: listed.chunks[0].url })).body).toContain('rebuilt');
  });

  it('answers 503 with the error envelope while the widget is not built', async () => {
    const { app } = await appWithBuild(false);
    for (const url of ['/widget.js', '/widget.json', '/widget.0123456789abcdef.js', '/widget-ui.0123456789abcdef.js']) {
      const response = await app.inject({ url });
      expect(response.statusCode).toBe(503);
      expect(response.json().error.code).toBe('widget_unavailable');
    }
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });
});
