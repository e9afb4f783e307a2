import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { asAdmin, createSurvey, post, responseBody, tempDir, testApp } from '../helpers.ts';

describe('compression', () => {
  it('sends JSON as brotli or gzip, as the client asks, and as it is to a client that asks for neither', async () => {
    const app = await testApp();
    for (let index = 0; index < 12; index += 1) await createSurvey(app, { id: `survey-${index}`, name: `Survey number ${index}` });
    const plain = await app.inject({ url: '/v1/surveys', headers: asAdmin });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);

    const brotli = await app.inject({ url: '/v1/surveys', headers: { ...asAdmin, 'accept-encoding': 'gzip, deflate, br' } });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary).toContain('accept-encoding');
    expect(brotli.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(brotliDecompressSync(brotli.rawPayload).toString())).toEqual(plain.json());

    const gzip = await app.inject({ url: '/v1/surveys', headers: { ...asAdmin, 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(plain.json());
  });

  it('never compresses ingest replies, which are a few dozen bytes', async () => {
    const app = await testApp();
    await createSurvey(app);
    const response = await post(app, '/v1/responses', responseBody(), { 'accept-encoding': 'br, gzip' });
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.json()).toMatchObject({ status: 'created' });
  });

  it('compresses a streamed export, which decodes to the same CSV', async () => {
    const app = await testApp();
    await createSurvey(app);
    for (let index = 0; index < 60; index += 1) await post(app, '/v1/responses', responseBody({ comment: `comment number ${index}` }));
    const url = '/v1/surveys/demo/export?format=csv';
    const plain = await app.inject({ url, headers: asAdmin });
    const gzip = await app.inject({ url, headers: { ...asAdmin, 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
    expect(plain.body.split('\r\n')).toHaveLength(62);
  });

  it('sends /widget.js so that it decodes to the built script exactly (never encoded twice)', async () => {
    const script = `(function(){${'window.__npsloopTest=1;'.repeat(200)}})();\n`;
    const dir = tempDir();
    // A build folder as the widget's build writes it: the script, its brotli copy and the manifest.
    writeFileSync(join(dir, 'widget.js'), script);
    writeFileSync(join(dir, 'widget.js.br'), brotliCompressSync(script));
    writeFileSync(join(dir, 'widget.json'), JSON.stringify({ loader: { file: 'widget.js', hashed: 'widget.0123456789abcdef.js', integrity: 'sha384-x' }, chunks: [] }));
    const app = await testApp({ widgetPath: join(dir, 'widget.js') });

    const brotli = await app.inject({ url: '/widget.js', headers: { 'accept-encoding': 'br' } });
    expect(brotli.statusCode).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(script);

    const plain = await app.inject({ url: '/widget.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });
});
