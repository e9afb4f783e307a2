import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../packages/collector/src/app';
import { launchBrowser } from './support/browser';
import { ensureDashboardBuilt } from './dashboard-helpers';

type FastifyInstance = Awaited<ReturnType<typeof buildApp>>;

// How the collector serves the dashboard: hashed assets cached for a year,
// index.html revalidated and locked down by a Content-Security-Policy that the
// app runs under in Chromium, an SPA fallback, 404 and 503 in the error envelope.

const DIST = join(import.meta.dirname, '../../packages/dashboard/dist');

/** A collector as deployed, optionally with the dashboard looked for in another folder. */
async function collectorWithDashboard(dashboardDir?: string): Promise<FastifyInstance> {
  return buildApp({ dbPath: ':memory:', adminKey: 'dashboard-serving-admin-key-01234', dashboardDir });
}

describe('collector: /dashboard', () => {
  let app: FastifyInstance;
  let browser: Browser;

  beforeAll(async () => {
    await ensureDashboardBuilt();
    app = await collectorWithDashboard();
    await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('serves index.html for the app and its pages, revalidated, with a strict CSP', async () => {
    for (const url of ['/dashboard/', '/dashboard/inbox', '/dashboard/any/deep/page']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.body).toContain('<div id="app"></div>');
    }
    const bare = await app.inject({ url: '/dashboard' });
    expect([bare.statusCode, bare.headers.location]).toEqual([308, '/dashboard/']);
  });

  it('caches hashed assets for a year and answers a missing file or an escape attempt with 404 in the envelope', async () => {
    const script = readdirSync(join(DIST, 'assets')).find((name) => name.endsWith('.js'))!;
    const asset = await app.inject({ url: `/dashboard/assets/${script}` });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/dashboard/assets/nope-123.js', '/dashboard/..%2f..%2fpackage.json', '/dashboard/%2e%2e/%2e%2e/package.json']) {
      const missing = await app.inject({ url });
      expect(missing.statusCode, url).toBe(404);
      expect(missing.json().error.code, url).toBe('not_found');
    }
  });

  it('answers 503 in the error envelope until the dashboard is built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'npsloop-no-dashboard-'));
    const unbuilt = await collectorWithDashboard(empty);
    const response = await unbuilt.inject({ url: '/dashboard/' });
    expect(response.statusCode).toBe(503);
    expect(response.json().error).toEqual({ code: 'dashboard_unavailable', message: expect.stringContaining('not built yet') });
    await unbuilt.close();
    rmSync(empty, { recursive: true, force: true });
  });

  it('runs in Chromium under its own CSP without a single violation', async () => {
    const address = app.server.address() as { port: number };
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => { if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text()); });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`http://127.0.0.1:${address.port}/dashboard/`);
    await page.getByRole('heading', { name: 'Sign in to the dashboard' }).waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
    expect(problems).toEqual([]);
    await page.close();
  });
});
