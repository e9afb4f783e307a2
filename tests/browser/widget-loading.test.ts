import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
// console; a blocked chunk breaks nothing; a host page's own Preact is unaffected.

const PREACT_DIR = dirname(createRequire(new URL('../../packages/widget/package.json', import.meta.url)).resolve('preact/package.json'));
const HOST_PREACT = ['dist/preact.umd.js', 'hooks/dist/hooks.umd.js'].map((file) => readFileSync(join(PREACT_DIR, file), 'utf8')).join('\n');

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
    await page.goto(hostPage('data-survey="demo"'));
    await page.getByRole('radiogroup').waitFor();
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

  it('a blocked UI chunk: no page error, nothing drawn, nothing recorded; it shows on the next page view once unblocked', async () => {
    const { context, page, errors } = await visitor();
    await context.route(/\/widget-ui\.[0-9a-f]{16}\.js$/, (route) => route.abort('blockedbyclient'));
    const url = hostPage('data-survey="demo" data-touchpoint="blocked-chunk"');
    await page.goto(url);
    expect(await nextSkip(page)).toBe('unavailable');
    expect(await page.locator('npsloop-widget').count()).toBe(0);
    expect((await stack.events()).filter((event) => event.touchpoint === 'blocked-chunk')).toEqual([]);
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('npsloop')!).quiet)).toEqual({});
    await context.unroute(/\/widget-ui\.[0-9a-f]{16}\.js$/);
    await page.reload();
    await page.getByRole('radio', { name: '8', exact: true }).click();
    await expect.poll(async () => (await stack.events()).filter((event) => event.touchpoint === 'blocked-chunk').map((event) => event.type), { timeout: 10_000 }).toEqual(['shown']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an altered UI chunk fails its integrity check: nothing runs, nothing shows, no page error', async () => {
    const { context, page, errors } = await visitor();
    await context.route(/\/widget-ui\.[0-9a-f]{16}\.js$/, async (route) => {
      const original = await route.fetch();
      await route.fulfill({ response: original, body: `window.tampered = true;${await original.text()}` });
    });
    await page.goto(hostPage('data-survey="demo"'));
    expect(await nextSkip(page)).toBe('unavailable');
    expect(await page.evaluate(() => (window as unknown as { tampered?: boolean }).tampered)).toBeUndefined();
    expect(await page.locator('npsloop-widget').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a host page running its own Preact keeps working, and its Preact's global hooks do not reach the survey", async () => {
    const { context, page, errors } = await visitor();
    // The host's app, on its own copy of Preact, with an options hook that tags every element it renders.
    const app = `<div id="app"></div><script>${HOST_PREACT}
      preact.options.vnode = function (vnode) { if (typeof vnode.type === 'string') vnode.props['data-host-preact'] = ''; };
      function Counter() { var state = preactHooks.useState(0); return preact.h('button', { type: 'button', onClick: function () { state[1](state[0] + 1); } }, 'Clicked ' + state[0]); }
      preact.render(preact.h(Counter), document.getElementById('app'));
      window.hostPreact = preact;
    </script>`;
    await page.goto(hostPage('data-survey="demo" data-touchpoint="host-preact"', app));
    await page.getByRole('button', { name: 'Clicked 0' }).click();
    await page.getByRole('button', { name: 'Clicked 1' }).waitFor();
    await page.getByRole('radiogroup').waitFor();
    expect(await page.locator('#app [data-host-preact]').count()).toBe(1);
    expect(await page.evaluate(() => document.querySelector('npsloop-widget')!.shadowRoot!.querySelectorAll('[data-host-preact]').length)).toBe(0);
    await page.getByRole('radio', { name: '10', exact: true }).click();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Thank you for your feedback!').waitFor();
    await page.getByRole('button', { name: 'Clicked 1' }).click();
    await page.getByRole('button', { name: 'Clicked 2' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { preact: unknown; hostPreact: unknown }).preact === (window as unknown as { hostPreact: unknown }).hostPreact)).toBe(true);
    await expect.poll(async () => (await stack.responses()).find((row) => row.touchpoint === 'host-preact')?.score, { timeout: 10_000 }).toBe(10);
    expect(errors).toEqual([]);
    await context.close();
  });
});
