import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startHostPages, type HostPages } from './support/host-pages';
import { startStack, type Stack } from './support/stack';
import { loaderRan, nextSkip, watchSkips } from './support/widget-signals';

// The widget inside apps built on a UI framework, in real Chromium against a
// real collector: a Preact app (its own copy of Preact) that re-renders and
// calls the widget from its effects on every render, through the script tag's
// command queue and through the ESM entry as a bundler would ship it. The
// survey shows once, the app keeps its state and its DOM, and neither Preact
// copy reaches into the other.

const WIDGET_DIST = fileURLToPath(new URL('../../packages/widget/dist/', import.meta.url));
const PREACT_DIR = dirname(createRequire(new URL('../../packages/widget/package.json', import.meta.url)).resolve('preact/package.json'));
const HOST_PREACT = ['dist/preact.umd.js', 'hooks/dist/hooks.umd.js'].map((file) => readFileSync(join(PREACT_DIR, file), 'utf8')).join('\n');

describe('the widget in framework apps', () => {
  let stack: Stack;
  let browser: Browser;
  let hosts: HostPages;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
    hosts = await startHostPages();
    // The ESM build as a bundler would emit it next to the app: the entry and its chunks, the UI one loaded by import().
    for (const file of readdirSync(WIDGET_DIST).filter((name) => name.endsWith('.mjs'))) {
      hosts.serve(readFileSync(join(WIDGET_DIST, file), 'utf8'), `/${file}`, 'text/javascript; charset=utf-8');
    }
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await hosts?.close();
  });

  /** A host page on 127.0.0.1 with an `#app` element, the host's own Preact (`preact`, `preactHooks`) and `body`. */
  const appPage = (head: string, body: string) =>
    hosts.serve(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>App</title>${head}</head><body><div id="app"></div><script>${HOST_PREACT}</script>${body}</body></html>`);

  /** A fresh visitor (own storage) whose requests (collector and host), console warnings and page errors are recorded. */
  async function visitor(): Promise<{ context: BrowserContext; page: Page; requests: string[]; warnings: string[]; errors: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    const warnings: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/v1/') || /\/(widget|npsloop)[^/]*\.m?js$/.test(url.pathname)) requests.push(`${request.method()} ${url.pathname}`);
    });
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await watchSkips(page);
    return { context, page, requests, warnings, errors };
  }

  /** Waits until the app's effects have run `count` times in all (each render runs them once). */
  const rendersReach = (page: Page, count: number) => page.waitForFunction((expected) => ((window as unknown as { renders?: number }).renders ?? 0) >= expected, count);

  it('a Preact app that re-renders and calls track and show on every render: asked once, app state and DOM intact', async () => {
    const { context, page, requests, warnings, errors } = await visitor();
    const app = `<script>
      var h = preact.h, useState = preactHooks.useState, useEffect = preactHooks.useEffect;
      npsloop('identify', { userId: 'app-user-7' });
      function App() {
        var route = useState(location.hash === '#/done' ? 'done' : 'shop');
        var clicks = useState(0);
        useEffect(function () {
          var follow = function () { route[1](location.hash === '#/done' ? 'done' : 'shop'); };
          addEventListener('hashchange', follow);
          return function () { removeEventListener('hashchange', follow); };
        }, []);
        // On every render, as apps often do: say where the visitor is, and ask once the order is placed.
        useEffect(function () {
          window.renders = (window.renders || 0) + 1;
          npsloop('track', route[0] === 'done' ? 'checkout-done' : 'shop');
          if (route[0] === 'done') npsloop('show');
        });
        return h('main', null,
          h('h1', null, route[0] === 'done' ? 'Thank you for your order' : 'Shop'),
          h('a', { href: '#/done' }, 'Place order'),
          h('button', { type: 'button', onClick: function () { clicks[1](clicks[0] + 1); } }, 'Re-render ' + clicks[0]));
      }
      preact.render(h(App), document.getElementById('app'));
    </script>`;
    const snippet = `<script>window.npsloop = window.npsloop || function () { (npsloop.q = npsloop.q || []).push(arguments); };</script>
      <script async src="${stack.collectorUrl}/widget.js" data-survey="demo" data-mode="manual"></script>`;
    await page.goto(appPage(snippet, app));
    await loaderRan(page);
    await page.getByRole('button', { name: 'Re-render 0' }).click();
    await page.getByRole('button', { name: 'Re-render 1' }).click();
    await rendersReach(page, 3);
    expect(requests).toEqual(['GET /widget.js']);

    await page.getByRole('link', { name: 'Place order' }).click();
    await page.getByRole('heading', { name: 'Thank you for your order' }).waitFor();
    await page.getByRole('radiogroup').waitFor();
    // Every re-render asks again while the survey is open: nothing opens twice, nothing is fetched twice.
    for (const clicks of [2, 3, 4]) await page.getByRole('button', { name: `Re-render ${clicks}` }).click();
    await rendersReach(page, 7);
    await page.getByRole('radio', { name: '9', exact: true }).click();
    await page.getByRole('textbox').fill('Smooth checkout.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('button', { name: 'Yes' }).click();
    await expect.poll(async () => (await stack.responses()).find((row) => row.comment === 'Smooth checkout.')?.consent, { timeout: 10_000 }).toBe(1);
    const row = (await stack.responses()).find((candidate) => candidate.comment === 'Smooth checkout.')!;
    expect(row).toMatchObject({ score: 9, touchpoint: 'checkout-done', user_id: 'app-user-7', page: expect.stringMatching(/^\/page-\d+$/) });
    expect(await page.locator('npsloop-widget').count()).toBe(1);
    expect(requests.filter((request) => request.startsWith('GET'))).toEqual(['GET /widget.js', 'GET /v1/surveys/demo/public', expect.stringMatching(/^GET \/widget-ui\.[0-9a-f]{16}\.js$/)]);

    // Answered: once the thanks is closed, the next render is told why not, without a request.
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await page.locator('npsloop-widget').count()).toBe(0);
    const before = requests.length;
    await page.getByRole('button', { name: 'Re-render 5' }).click();
    expect(await nextSkip(page)).toBe('answered');
    expect(requests.slice(before).filter((request) => request.startsWith('GET'))).toEqual([]);
    await page.getByRole('button', { name: 'Re-render 6' }).waitFor();
    expect(await page.locator('#app npsloop-widget').count()).toBe(0);
    expect(warnings).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a Preact app on the ESM entry: init in an effect (twice, as in strict mode), the UI module fetched only when the survey shows', async () => {
    const { context, page, requests, warnings, errors } = await visitor();
    const app = `<script type="module">
      import { init, show, track } from '/npsloop.mjs';
      var h = preact.h, useState = preactHooks.useState, useEffect = preactHooks.useEffect;
      function App() {
        var screen = useState('home');
        // Mounted twice in development strict mode: the second init is ignored.
        useEffect(function () {
          init({ survey: 'demo', collector: ${JSON.stringify(stack.collectorUrl)}, mode: 'manual', onSkip: function (why) { window.npsloopSkips.push(why); } });
          init({ survey: 'another', collector: 'http://127.0.0.1:9', mode: 'auto' });
        }, []);
        useEffect(function () {
          window.renders = (window.renders || 0) + 1;
          track(screen[0]);
          if (screen[0] === 'feedback') show();
        });
        return h('button', { type: 'button', onClick: function () { screen[1]('feedback'); } }, screen[0] === 'feedback' ? 'On the feedback screen' : 'Open the feedback screen');
      }
      preact.render(h(App), document.getElementById('app'));
    </script>`;
    const surveyRequests = () => requests.filter((request) => request.startsWith('GET') && (request.includes('mount-survey') || request.includes('/v1/')));
    await page.goto(appPage('', app));
    await rendersReach(page, 1);
    expect(requests).toEqual(['GET /npsloop.mjs', expect.stringMatching(/^GET \/npsloop-index-[\w-]+\.mjs$/)]);

    await page.getByRole('button', { name: 'Open the feedback screen' }).click();
    await page.getByRole('radiogroup').waitFor();
    expect(surveyRequests()).toEqual([
      'GET /v1/surveys/demo/public',
      expect.stringMatching(/^GET \/npsloop-mount-survey-[\w-]+\.mjs$/),
    ]);
    await page.getByRole('radio', { name: '6', exact: true }).click();
    await expect.poll(async () => (await stack.responses()).find((row) => row.touchpoint === 'feedback')?.score, { timeout: 10_000 }).toBe(6);
    await page.getByRole('button', { name: 'On the feedback screen' }).waitFor();
    // The second init (another survey, an unreachable collector, auto mode) changed nothing.
    expect(warnings).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a host page running its own Preact keeps working, and its Preact's global hooks do not reach the survey", async () => {
    const { context, page, errors } = await visitor();
    // The host's app, on its own copy of Preact, with an options hook that tags every element it renders.
    const app = `<script>
      preact.options.vnode = function (vnode) { if (typeof vnode.type === 'string') vnode.props['data-host-preact'] = ''; };
      function Counter() { var state = preactHooks.useState(0); return preact.h('button', { type: 'button', onClick: function () { state[1](state[0] + 1); } }, 'Clicked ' + state[0]); }
      preact.render(preact.h(Counter), document.getElementById('app'));
      window.hostPreact = preact;
    </script><script async src="${stack.collectorUrl}/widget.js" data-survey="demo" data-touchpoint="host-preact"></script>`;
    await page.goto(appPage('', app));
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
