import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startHostPages, type HostPages } from './support/host-pages';
import { startStack, type Stack } from './support/stack';
import { loaderRan } from './support/widget-signals';

// The widget never breaks the host page, and the host page never breaks the
// widget: strict CSP, hostile CSS, blocked storage, missing fetch, RTL,
// every position, and a page that never shows the survey pays nothing.

const HOSTILE_CSS = `
  * { all: unset !important; }
  html, body, div, p, span, label, form { display: block; margin: 40px; padding: 20px; font: italic 30px/3 "Comic Sans MS", cursive; color: magenta; }
  button, input, textarea, [role=radio], [role=dialog] { all: unset; background: red !important; border: 6px dashed lime !important; font-size: 44px !important; padding: 30px !important; width: 200px !important; height: 90px !important; }
  svg, path { fill: orange !important; stroke-width: 20 !important; }
  npsloop-widget { position: absolute !important; top: -5000px; opacity: 0.2; transform: scale(3); filter: blur(4px); font-size: 50px; color: red; }
`;

describe('widget robustness', () => {
  let stack: Stack;
  let browser: Browser;
  let hosts: HostPages;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
    hosts = await startHostPages();
    mkdirSync('test-results', { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await hosts?.close();
  });

  /** Serves a host page with the widget's script tag and opens it in a fresh visitor's browser. */
  async function hostPage(
    options: { attributes?: Record<string, string>; head?: string; html?: string; viewport?: { width: number; height: number } } = {},
  ): Promise<{ page: Page; errors: string[] }> {
    const data = Object.entries({ survey: 'demo', brand: 'Acme', ...options.attributes })
      .map(([name, value]) => ` data-${name}="${value}"`)
      .join('');
    const url = hosts.serve(`<!doctype html><html ${options.html ?? 'lang="en"'}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title>${options.head ?? ''}</head>
<body><h1>Acme</h1><p>Host page content.</p><button type="button">Host button</button><script async src="${stack.collectorUrl}/widget.js"${data}></script></body></html>`);
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    return { page, errors };
  }

  /** Where the panel and the options are, and how they look, for comparing two pages. */
  async function layout(page: Page) {
    await page.getByRole('radiogroup').waitFor();
    await page.evaluate(() => document.querySelector('npsloop-widget')!.shadowRoot!.querySelector<HTMLElement>('[role=dialog]')!.focus());
    const dialog = page.getByRole('dialog');
    const look = await dialog.evaluate((panel) => {
      const style = (element: Element) => {
        const computed = getComputedStyle(element);
        return [computed.fontFamily, computed.fontSize, computed.color, computed.backgroundColor, computed.borderTopWidth, computed.padding].join(' | ');
      };
      return [panel, panel.querySelector('[role=radio]')!, panel.querySelector('.x')!, panel.querySelector('.e')!].map(style);
    });
    const boxes = [await dialog.boundingBox(), await page.getByRole('radio', { name: '0', exact: true }).boundingBox(), await page.getByRole('radio', { name: '10', exact: true }).boundingBox()];
    return { look, boxes, pixels: await dialog.screenshot() };
  }

  it('strict CSP example: works with no CSP violation and no console error', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`), true);
    });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      // Chromium asks for /favicon.ico by itself; its 404 is not the widget's.
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) consoleErrors.push(message.text());
    });
    const response = await page.goto(`${stack.examplesUrl}/strict-csp/`);
    const policy = response!.headers()['content-security-policy'];
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain('unsafe-inline');

    await page.getByRole('radio', { name: '7', exact: true }).click();
    await page.getByRole('textbox').fill('Works under CSP.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Thank you for your feedback!').waitFor();
    // The nonce'd stylesheet applied: the panel is a fixed card, not unstyled text.
    expect(await page.getByRole('dialog').evaluate((panel) => getComputedStyle(panel).position)).toBe('fixed');
    await expect.poll(async () => (await stack.responses()).find((row) => row.comment === 'Works under CSP.')?.touchpoint, { timeout: 10_000 }).toBe('csp-page');
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('hostile CSS (`* { all: unset !important }`, loud button/input rules) changes nothing: same layout, same pixels, still works', async () => {
    const plain = await hostPage();
    const hostile = await hostPage({ head: `<style>${HOSTILE_CSS}</style>` });
    const expected = await layout(plain.page);
    const actual = await layout(hostile.page);
    expect(actual.look).toEqual(expected.look);
    expect(actual.boxes).toEqual(expected.boxes);
    expect(actual.pixels.equals(expected.pixels)).toBe(true);
    await hostile.page.screenshot({ path: 'test-results/widget-hostile-css.png' });

    await hostile.page.getByRole('radio', { name: '4', exact: true }).click();
    await hostile.page.getByRole('textbox').fill('Hostile page, still fine.');
    await hostile.page.getByRole('button', { name: 'Send', exact: true }).click();
    await hostile.page.getByText('Thank you for your feedback!').waitFor();
    await expect.poll(async () => (await stack.responses()).some((row) => row.comment === 'Hostile page, still fine.'), { timeout: 10_000 }).toBe(true);
    expect([...plain.errors, ...hostile.errors]).toEqual([]);
    await plain.page.close();
    await hostile.page.close();
  });

  it('blocked localStorage, no fetch and a throwing sendBeacon: no error in the page, the answer still arrives', async () => {
    const head = `<script>
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
      delete window.fetch;
      window.fetch = undefined;
      navigator.sendBeacon = () => { throw new Error('beacon broken'); };
    </script>`;
    const { page, errors } = await hostPage({ head });
    await page.getByRole('radio', { name: '2', exact: true }).click();
    await page.getByRole('textbox').fill('Storage blocked.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Thank you for your feedback!').waitFor();
    await expect.poll(async () => (await stack.responses()).find((row) => row.comment === 'Storage blocked.')?.score, { timeout: 10_000 }).toBe(2);
    await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a page that never shows the survey renders nothing, sends nothing and adds no global but npsloop', async () => {
    const requests: string[] = [];
    const page = await browser.newPage();
    page.on('request', (request) => requests.push(request.url()));
    const quiet = (script: string) => `<!doctype html><html lang="en"><title>Quiet</title>${script}<p>No survey here.</p></html>`;
    const without = hosts.serve(quiet(''), '/without');
    const withScript = hosts.serve(quiet(`<script src="${stack.collectorUrl}/widget.js" data-survey="demo" data-mode="manual"></script>`), '/quiet');
    await page.goto(without);
    const globalsWithout = await page.evaluate(() => Object.keys(window));
    await page.goto(withScript);
    // Manual mode: once the loader has run, nothing is scheduled, so nothing can show or be sent by itself.
    await loaderRan(page);
    expect(await page.locator('npsloop-widget').count()).toBe(0);
    expect(requests.filter((url) => url.startsWith(stack.collectorUrl))).toEqual([`${stack.collectorUrl}/widget.js`]);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    const globalsWith = await page.evaluate(() => Object.keys(window));
    expect(globalsWith.filter((name) => !globalsWithout.includes(name))).toEqual(['npsloop']);
    await page.close();
  });

  it('a blocking script tag in <head> (before the body exists) still shows the survey', async () => {
    const page = await browser.newPage();
    const head = hosts.serve(`<!doctype html><html lang="en"><head><title>Head</title><script src="${stack.collectorUrl}/widget.js" data-survey="demo"></script></head><body><p>Body after the script.</p></body></html>`, '/head');
    await page.goto(head);
    await page.getByRole('radiogroup').waitFor();
    await page.close();
  });

  it("speaks the page's language, with the site's own wording where it set some", async () => {
    const { page } = await hostPage({ html: 'lang="nl-BE"', attributes: { 'text-why-detractor': 'Wat kunnen we beter doen?' } });
    await page.getByRole('radiogroup', { name: 'Hoe waarschijnlijk is het dat je Acme zou aanbevelen aan een vriend of collega?' }).waitFor();
    await page.getByRole('radio', { name: '3', exact: true }).click();
    await page.getByRole('textbox', { name: 'Wat kunnen we beter doen?' }).fill('Sneller laden.');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByText('Bedankt voor je feedback!').waitFor();
    await expect.poll(async () => (await stack.responses()).find((row) => row.comment === 'Sneller laden.')?.locale, { timeout: 10_000 }).toBe('nl');
    await page.close();
  });

  it('right-to-left pages get a mirrored layout and mirrored arrow keys', async () => {
    const { page } = await hostPage({ html: 'lang="ar" dir="rtl"', attributes: { locale: 'en' } });
    await page.getByRole('radiogroup').waitFor();
    const zero = (await page.getByRole('radio', { name: '0', exact: true }).boundingBox())!;
    const ten = (await page.getByRole('radio', { name: '10', exact: true }).boundingBox())!;
    const close = (await page.getByRole('button', { name: 'Close' }).boundingBox())!;
    expect(zero.x).toBeGreaterThan(ten.x);
    expect(close.x).toBeLessThan(ten.x);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByRole('radio', { name: '1', exact: true }).getAttribute('aria-checked')).toBe('true');
    await page.screenshot({ path: 'test-results/widget-rtl.png' });
    await page.close();
  });

  for (const position of ['bottom-left', 'bottom-center', 'center'] as const) {
    it(`sits at ${position} with the site's accent colour`, async () => {
      const { page } = await hostPage({ attributes: { position, accent: '#0a7d4f', theme: 'dark' } });
      await page.getByRole('radio', { name: '5', exact: true }).focus();
      await page.keyboard.press('ArrowRight');
      const box = (await page.getByRole('dialog').boundingBox())!;
      const middle = box.x + box.width / 2;
      if (position === 'bottom-left') expect(box.x).toBe(16);
      else expect(Math.abs(middle - 640)).toBeLessThanOrEqual(1);
      if (position === 'center') expect(Math.abs(box.y + box.height / 2 - 400)).toBeLessThanOrEqual(1);
      else expect(box.y + box.height).toBe(800 - 16);
      const checked = page.getByRole('radio', { name: '6', exact: true });
      expect(await checked.evaluate((radio) => getComputedStyle(radio).backgroundColor)).toBe('rgb(10, 125, 79)');
      await page.screenshot({ path: `test-results/widget-${position}.png` });
      await page.close();
    });
  }
});
