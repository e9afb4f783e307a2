// Measures, in real Chromium on loopback, how long the survey takes from
// `npsloop('show')` to the radiogroup on screen, and which requests a quiet
// page and a showing page make. A measurement, not a test: it prints figures.
//
//   pnpm build && node packages/widget/scripts/measure-show.mjs [--runs 20]
//
// cold:        a new visitor, empty HTTP cache: settings and UI chunk over the network
// chunk cached: the UI chunk (and the 60 s cacheable settings) from the HTTP cache, no localStorage
// warm:        the next page view: chunk from the HTTP cache, settings from the loader's record
/* global performance, requestAnimationFrame -- used inside page.evaluate, in the browser */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildApp } from '../../collector/dist/app.js';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 20;
const ADMIN_KEY = 'measure-admin-key-0123456789';

const dir = mkdtempSync(join(tmpdir(), 'npsloop-measure-'));
const app = await buildApp({ dbPath: join(dir, 'npsloop.db'), adminKey: ADMIN_KEY, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const collector = `http://127.0.0.1:${app.server.address().port}`;
const created = await fetch(`${collector}/v1/surveys`, {
  method: 'POST',
  headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
  body: JSON.stringify({ id: 'demo', name: 'Demo', brand: 'Acme', allowedOrigins: ['http://127.0.0.1:*'] }),
});
if (created.status !== 201) throw new Error(`creating the survey failed: ${created.status}`);

const page = (mode) => `<!doctype html><html lang="en"><title>Host</title><p>Host page.</p><script async src="${collector}/widget.js" data-survey="demo" data-mode="${mode}"></script></html>`;
const host = createServer((request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(page(request.url === '/auto' ? 'auto' : 'manual')));
await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
const hostUrl = `http://127.0.0.1:${host.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/** Milliseconds from npsloop('show') to the radiogroup in the DOM, and to the next painted frame. */
async function timeShow(tab) {
  await tab.goto(`${hostUrl}/manual`);
  await tab.waitForFunction(() => window.npsloop?.loaded === true);
  return tab.evaluate(() => new Promise((resolve) => {
    const started = performance.now();
    window.npsloop('on', 'show', () => {
      const rendered = performance.now() - started;
      if (!document.querySelector('npsloop-widget')?.shadowRoot?.querySelector('[role=radiogroup]')) throw new Error('no radiogroup');
      requestAnimationFrame(() => requestAnimationFrame(() => resolve({ rendered, painted: performance.now() - started })));
    });
    window.npsloop('show');
  }));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p90 = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)];
const results = { cold: [], 'chunk cached': [], warm: [] };
for (let run = 0; run < runs; run++) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  results.cold.push(await timeShow(tab));
  await tab.evaluate(() => localStorage.clear());
  results['chunk cached'].push(await timeShow(tab));
  results.warm.push(await timeShow(tab));
  await context.close();
}
console.log(`show → radiogroup, Chromium on loopback, ${runs} runs each (median / p90 ms):`);
for (const [name, samples] of Object.entries(results)) {
  const rendered = samples.map((sample) => sample.rendered);
  const painted = samples.map((sample) => sample.painted);
  console.log(`  ${name.padEnd(13)} in the DOM ${median(rendered).toFixed(1)} / ${p90(rendered).toFixed(1)}   painted ${median(painted).toFixed(1)} / ${p90(painted).toFixed(1)}`);
}

/** The collector requests a fresh visitor's page makes until the loader has decided. */
async function requestsOf(path, wait) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const seen = [];
  tab.on('request', (request) => request.url().startsWith(collector) && seen.push(`${request.method()} ${request.url().slice(collector.length)}`));
  await tab.goto(hostUrl + path);
  await wait(tab);
  await tab.waitForLoadState('networkidle');
  await context.close();
  return seen;
}
console.log('requests of a quiet page (manual mode, no show):', await requestsOf('/manual', (tab) => tab.waitForFunction(() => window.npsloop?.loaded)));
console.log('requests of a showing page (auto mode):', await requestsOf('/auto', (tab) => tab.waitForFunction(() => document.querySelector('npsloop-widget'))));

await browser.close();
await app.close();
host.close();
rmSync(dir, { recursive: true, force: true });
