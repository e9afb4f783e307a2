import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../packages/collector/src/app';
import { launchBrowser } from './support/browser';

type FastifyInstance = Awaited<ReturnType<typeof buildApp>>;

// The interactive API reference at /docs: Swagger UI served by the collector
// itself, under its CSP, readable on a 320 px phone.

describe('collector: /docs', () => {
  let app: FastifyInstance;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    app = await buildApp({ dbPath: ':memory:', adminKey: 'api-docs-admin-key-0123456789' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lists every operation at 320 px, without a CSP violation, a request elsewhere or sideways scrolling', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    const problems: string[] = [];
    const foreign: string[] = [];
    page.on('console', (message) => { if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text()); });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => { if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) foreign.push(request.url()); });
    await page.goto(`${origin}/docs`);
    await page.getByText('npsloop collector API').first().waitFor();
    const ingest = page.locator('.opblock-summary-path', { hasText: /^\/v1\/responses$/ }).first();
    await ingest.waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(40);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    // An operation opens to its request example and its responses.
    await page.locator('.opblock-post', { has: ingest }).locator('.opblock-summary').first().click();
    await page.getByText('Record a response, or update it with the same id').first().waitFor();
    await page.locator('.opblock-post.is-open .responses-table').first().waitFor();
    expect(await page.locator('.opblock-post.is-open').first().innerText()).toContain('429');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });
});
