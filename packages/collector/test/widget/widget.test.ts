import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, testApp } from '../helpers.ts';

const SCRIPT = '(function(){window.__npsloopTest=1})();\n';

async function appWithWidget(contents: string | null) {
  const widgetPath = join(tempDir(), 'widget.js');
  if (contents !== null) writeFileSync(widgetPath, contents);
  return { app: await testApp({ widgetPath }), widgetPath };
}

describe('widget delivery', () => {
  it('serves /widget.js with ETag, 5-minute cache and JavaScript type; 304 on a matching If-None-Match', async () => {
    const { app } = await appWithWidget(SCRIPT);
    const response = await app.inject({ url: '/widget.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(SCRIPT);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    const etag = response.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
    const revalidated = await app.inject({ url: '/widget.js', headers: { 'if-none-match': etag } });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
  });

  it('publishes the hashed immutable URL and the SRI hash in /widget.json', async () => {
    const { app } = await appWithWidget(SCRIPT);
    const manifest = (await app.inject({ url: '/widget.json' })).json();
    expect(manifest.integrity).toBe(`sha384-${createHash('sha384').update(SCRIPT).digest('base64')}`);
    expect(manifest.url).toMatch(/^\/widget\.[0-9a-f]{16}\.js$/);
    const hashed = await app.inject({ url: manifest.url });
    expect(hashed.statusCode).toBe(200);
    expect(hashed.body).toBe(SCRIPT);
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(hashed.headers['access-control-allow-origin']).toBe('*');
    const stale = await app.inject({ url: '/widget.0000000000000000.js' });
    expect(stale.statusCode).toBe(404);
    expect(stale.json().error.code).toBe('not_found');
  });

  it('picks up a rebuilt widget without a restart', async () => {
    const { app, widgetPath } = await appWithWidget(SCRIPT);
    const first = (await app.inject({ url: '/widget.json' })).json();
    writeFileSync(widgetPath, `${SCRIPT}// rebuilt, longer\n`);
    const second = (await app.inject({ url: '/widget.json' })).json();
    expect(second.url).not.toBe(first.url);
    expect((await app.inject({ url: '/widget.js' })).body).toContain('rebuilt');
  });

  it('answers 503 with the error envelope while the widget is not built', async () => {
    const { app } = await appWithWidget(null);
    for (const url of ['/widget.js', '/widget.json', '/widget.0123456789abcdef.js']) {
      const response = await app.inject({ url });
      expect(response.statusCode).toBe(503);
      expect(response.json().error.code).toBe('widget_unavailable');
    }
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });
});
