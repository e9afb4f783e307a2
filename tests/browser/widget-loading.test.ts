import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startHostPages, type HostPages } from './support/host-pages';
import { startStack, type Stack } from './support/stack';
import { loaderRan, nextSkip, watchSkips } from './support/widget-signals';

// How the widget loads, in real Chromium against a real collector: a page
// where the survey will not show pays for widget.js alone; a page where it
// shows fetches the survey's settings and the Preact UI chunk, then shows;
// the survey's settings (brand, wording, sampling, active) take effect with
// only data-survey on the page; refusals show nothing and say why in the
// console; a UI chunk or settings request that fails or hangs breaks nothing
// and is tried again. Host pages built on a framework: widget-host-apps.test.ts.

describe('widget loading', () => {
  let stack: Stack;
  let browser: Browser;
  let hosts: HostPages;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
    hosts = await startHostPages();
    const survey = (id: string, fields: Record<string, unknown> = {}) =>
      stack.admin('POST', '/v1/surveys', { id, name: id, allowedOrigins: ['http://127.0.0.1:*'], ...fields });
    await survey('branded', { brand: 'Newcomer Co', wording: { en: { thanks: 'Cheers from Newcomer Co!' } }, followUp: { detractor: 'What should we fix first?' } });
    await survey('paused', { brand: 'Paused Co', active: false });
    await survey('nobody', { brand: 'Nobody Co', sampling: 0 });
    await survey('strict', { brand: 'Strict Co' });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await hosts?.close();
  });

  /** A host page with only the embed snippet (and whatever else is given), served on 127.0.0.1. */
  const hostPage = (attributes: string, extra = '') =>
    hosts.serve(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><h1>Host</h1>${extra}<script async src="${stack.collectorUrl}/widget.js" ${attributes}></script></body></html>`);

  /** A fresh visitor (own storage) on a page: its collector requests, console warnings and page errors are recorded. */
  async function visitor(): Promise<{ context: BrowserContext; page: Page; requests: string[]; warnings: string[]; errors: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    const warnings: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(stack.collectorUrl)) requests.push(`${request.method()} ${request.url().slice(stack.collectorUrl.length)}`);
    });
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await watchSkips(page);
    return { context, page, requests, warnings, errors };
  }

  it('an eligible page requests widget.js, the settings and the UI chunk (compressed, immutable), then shows', async () => {
    const { context, page, requests, errors } = await visitor();
    const chunk = page.waitForResponse((response) => /\/widget-ui\.[0-9a-f]{16}\.js$/.test(response.url()));
    const shownEvent = page.waitForRequest((request) => request.url().endsWith('/v1/events'));
    await page.goto(hostPage('data-survey="demo"'));
    await page.getByRole('radiogroup').waitFor();
    // The loader sets no header: the browser labels the string body text/plain, a simple request (no preflight).
    expect((await shownEvent).headers()['content-type']).toBe('text/plain;charset=UTF-8');
    const chunkResponse = await chunk;
    expect(chunkResponse.status()).toBe(200);
    expect(chunkResponse.headers()['content-encoding']).toMatch(/^(br|gzip)$/);
    expect(chunkResponse.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(requests.slice(0, 3)).toEqual(['GET /widget.js', 'GET /v1/surveys/demo/public', expect.stringMatching(/^GET \/widget-ui\.[0-9a-f]{16}\.js$/)]);
    const manifest = (await (await fetch(`${stack.collectorUrl}/widget.json`)).json()) as { chunks: { url: string }[] };
    expect(requests[2]).toBe(`GET ${manifest.chunks[0].url}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a quiet page requests widget.js and nothing else: manual mode without show, answered, dismissed, sampled out', async () => {
    const { context, page, requests, errors } = await visitor();
    await page.goto(hostPage('data-survey="demo" data-mode="manual"'));
    await loaderRan(page);
    expect(await page.locator('npsloop-widget').count()).toBe(0);
    expect(requests).toEqual(['GET /widget.js']);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);

    // Answered: the next page decides from the visitor's record alone.
    await page.goto(hostPage('data-survey="demo"'));
    await page.getByRole('radio', { name: '9', exact: true }).click();
    await page.getByRole('textbox').waitFor();
    await page.waitForFunction(() => localStorage.getItem('npsloop:outbox') === null);
    requests.length = 0;
    await page.reload();
    expect(await nextSkip(page)).toBe('answered');
    expect(requests).toEqual(['GET /widget.js']);

    // Sampled out: the first page asks the collector, the next decides from the cached settings.
    await page.goto(hostPage('data-survey="nobody"'));
    expect(await nextSkip(page)).toBe('sampled');
    requests.length = 0;
    await page.reload();
    expect(await nextSkip(page)).toBe('sampled');
    expect(requests).toEqual(['GET /widget.js']);
    expect(errors).toEqual([]);
    await context.close();

    // Dismissed, in a fresh visitor.
    const second = await visitor();
    await second.page.goto(hostPage('data-survey="demo"'));
    await second.page.getByRole('radiogroup').waitFor();
    await second.page.keyboard.press('Escape');
    await second.page.waitForFunction(() => localStorage.getItem('npsloop:outbox') === null);
    second.requests.length = 0;
    await second.page.reload();
    expect(await nextSkip(second.page)).toBe('dismissed');
    expect(second.requests).toEqual(['GET /widget.js']);
    await second.context.close();
  });

  it('the brand, wording and follow-up prompt set through the admin API appear with only data-survey on the page', async () => {
    const { context, page, requests, errors } = await visitor();
    await page.goto(hostPage('data-survey="branded"'));
    await page.getByRole('radiogroup', { name: 'How likely are you to recommend Newcomer Co to a friend or colleague?' }).waitFor();
    expect(await page.getByRole('dialog').getAttribute('aria-label')).toBe('Newcomer Co');
    await page.getByRole('radio', { name: '3', exact: true }).click();
    await page.getByRole('textbox', { name: 'What should we fix first?' }).fill('The search.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Cheers from Newcomer Co!').waitFor();
    await page.screenshot({ path: 'test-results/widget-branded-thanks.png' });
    await expect.poll(async () => (await stack.responses()).find((row) => row.comment === 'The search.')?.survey_id, { timeout: 10_000 }).toBe('branded');
    expect(requests.filter((request) => request.includes('/public'))).toEqual(['GET /v1/surveys/branded/public']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([
    ['a paused survey (active: false)', 'paused', '127.0.0.1', 'paused', 'npsloop: survey "paused" is paused'],
    ['a survey that samples nobody (sampling: 0)', 'nobody', '127.0.0.1', 'sampled', undefined],
    ['a foreign origin', 'strict', 'localhost', 'refused', 'npsloop: survey "strict" does not allow origin http://localhost:PORT'],
    ['an unknown survey', 'no-such-survey', '127.0.0.1', 'refused', 'npsloop: survey "no-such-survey" does not exist'],
  ])('%s: nothing shows, no UI is loaded, and a refusal says why once in the console', async (_name, survey, host, reason, warning) => {
    const { context, page, requests, warnings, errors } = await visitor();
    const url = new URL(hostPage(`data-survey="${survey}"`));
    url.hostname = host;
    await page.goto(url.href);
    expect(await nextSkip(page)).toBe(reason);
    expect(await page.locator('npsloop-widget').count()).toBe(0);
    expect(requests).toEqual(['GET /widget.js', `GET /v1/surveys/${survey}/public`]);
    expect(warnings).toEqual(warning ? [warning.replace('PORT', url.port)] : []);
    // Asked again on the same page: decided from the cached answer, and not said twice.
    await page.evaluate(() => (window as unknown as { npsloop(command: string): void }).npsloop('show'));
    expect(await nextSkip(page, 1)).toBe(reason);
    expect(requests).toHaveLength(2);
    expect(warnings).toHaveLength(warning ? 1 : 0);
    expect(errors).toEqual([]);
    await context.close();
  });

  const CHUNK = /\/widget-ui\.[0-9a-f]{16}\.js$/;
  const SETTINGS = /\/v1\/surveys\/demo\/public$/;
  const UNAVAILABLE = 'npsloop: survey "demo" is unavailable: its settings or UI did not load; will try again';
  /** Answers a request the way a failing network or server would; `hang` never answers (until the route is removed). */
  const failures: [string, RegExp, 'hang' | ((route: Route) => Promise<void>)][] = [
    ['the UI chunk is missing (404)', CHUNK, (route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' })],
    ['the UI chunk is blocked (network error)', CHUNK, (route) => route.abort('blockedbyclient')],
    ['the UI chunk never arrives (the loader gives up after 15 s)', CHUNK, 'hang'],
    ['the settings request fails (503)', SETTINGS, (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable","message":"busy"}}' })],
    ['the settings request never gets an answer (offline)', SETTINGS, (route) => route.abort('internetdisconnected')],
  ];

  it.each(failures)('%s: nothing drawn or recorded, one console warning, the page keeps working, and the next show succeeds', async (_name, pattern, failure) => {
    const { context, page, warnings, errors } = await visitor();
    const requested = new Promise<void>((resolve) => {
      void context.route(pattern, async (route) => {
        resolve();
        if (failure !== 'hang') await failure(route);
      });
    });
    if (failure === 'hang') await page.clock.install();
    const touchpoint = `failing-${failures.findIndex((row) => row[0] === _name)}`;
    await page.goto(hostPage(`data-survey="demo" data-touchpoint="${touchpoint}"`, '<button type="button" id="host" onclick="this.textContent = \'Host still works\'">Host button</button>'));
    await requested;
    // The loader waits 15 s for the chunk; the page's clock jumps there instead of the test sleeping.
    if (failure === 'hang') await page.clock.fastForward(16_000);
    await expect.poll(() => warnings, { timeout: 10_000 }).toEqual([UNAVAILABLE]);
    expect(await nextSkip(page)).toBe('unavailable');
    expect(await page.locator('npsloop-widget').count()).toBe(0);
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('npsloop') ?? '{"quiet":{}}').quiet)).toEqual({});
    await page.getByRole('button', { name: 'Host button' }).click();
    await page.getByRole('button', { name: 'Host still works' }).waitFor();

    // Once the network works again (a request left hanging now gets its answer late: it draws nothing),
    // the next show on the same page asks afresh and shows, once.
    await context.unroute(pattern);
    await page.evaluate(() => (window as unknown as { npsloop(command: string): void }).npsloop('show'));
    await page.getByRole('radio', { name: '7', exact: true }).click();
    await expect.poll(async () => (await stack.responses()).filter((row) => row.touchpoint === touchpoint).map((row) => row.score), { timeout: 10_000 }).toEqual([7]);
    expect(await page.locator('npsloop-widget').count()).toBe(1);
    expect((await stack.events()).filter((event) => event.touchpoint === touchpoint).map((event) => event.type)).toEqual(['shown']);
    expect(warnings).toEqual([UNAVAILABLE]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a blocked UI chunk: it shows on the next page view once unblocked', async () => {
    const { context, page, errors } = await visitor();
    await context.route(CHUNK, (route) => route.abort('blockedbyclient'));
    await page.goto(hostPage('data-survey="demo" data-touchpoint="blocked-chunk"'));
    expect(await nextSkip(page)).toBe('unavailable');
    await context.unroute(CHUNK);
    await page.reload();
    await page.getByRole('radio', { name: '8', exact: true }).click();
    await expect.poll(async () => (await stack.events()).filter((event) => event.touchpoint === 'blocked-chunk').map((event) => event.type), { timeout: 10_000 }).toEqual(['shown']);
    expect(errors).toEqual([]);
    await context.close();
  });

  // An altered chunk is kept by the browser's cache as it came (immutable, for a year), so trying it
  // again cannot help: it must never run, and the site owner must be told.
  it('an altered UI chunk fails its integrity check: nothing runs or shows, no page error, one console warning', async () => {
    const { context, page, warnings, errors } = await visitor();
    await context.route(CHUNK, async (route) => {
      const original = await route.fetch();
      await route.fulfill({ response: original, body: `window.tampered = true;${await original.text()}` });
    });
    await page.goto(hostPage('data-survey="demo"'));
    expect(await nextSkip(page)).toBe('unavailable');
    expect(warnings).toEqual([UNAVAILABLE]);
    expect(await page.evaluate(() => (window as unknown as { tampered?: boolean }).tampered)).toBeUndefined();
    expect(await page.locator('npsloop-widget').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
