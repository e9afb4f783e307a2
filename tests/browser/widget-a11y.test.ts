import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startHostPages, type HostPages } from './support/host-pages';
import { startStack, type Stack } from './support/stack';

// Accessibility and looks in real Chromium: axe-core (WCAG 2.0/2.1/2.2 A and AA)
// on every step in light and dark, a 320 px phone, and screenshots of each state
// in test-results/ for a human to look at.

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let hosts: HostPages;

/** A host page on an allowed origin with the widget's script tag. */
function hostPage(collectorUrl: string, attributes: Record<string, string>, body = '<h1>Acme</h1><p>Some page content.</p>'): string {
  const data = Object.entries({ survey: 'demo', brand: 'Acme', ...attributes })
    .map(([name, value]) => ` data-${name}="${value}"`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title></head>
<body>${body}<script async src="${collectorUrl}/widget.js"${data}></script></body></html>`;
}

async function openHostPage(page: Page, html: string): Promise<void> {
  await page.goto(hosts.serve(html));
  await page.getByRole('radiogroup').waitFor();
}

/** Runs axe-core inside the page against the widget's host element (axe descends into open shadow roots). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(
      { include: [['npsloop-widget']] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] },
    );
    return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
  });
  return violations;
}

describe('widget accessibility and looks', () => {
  let stack: Stack;
  let browser: Browser;

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

  for (const theme of ['light', 'dark']) {
    for (const width of [1280, 320]) {
      it(`has no axe violations on any step (${theme}, ${width} px) and looks right`, async () => {
        const page = await browser.newPage({ viewport: { width, height: width === 320 ? 640 : 800 } });
        await page.emulateMedia({ colorScheme: theme as 'light' | 'dark' });
        await openHostPage(page, hostPage(stack.collectorUrl, { theme: 'auto', 'ask-email': '' }));
        const shot = (step: string) => page.screenshot({ path: `test-results/widget-${step}-${theme}-${width}.png` });

        expect(await axeViolations(page)).toEqual([]);
        await shot('score');
        await page.keyboard.press('Tab');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        expect(await axeViolations(page)).toEqual([]);
        await shot('score-moved');

        await page.getByRole('radio', { name: '7', exact: true }).click();
        await page.getByRole('textbox').fill('The onboarding could be shorter.');
        expect(await axeViolations(page)).toEqual([]);
        await shot('why');

        await page.getByRole('button', { name: 'Send', exact: true }).click();
        await page.getByRole('textbox', { name: 'Your email address' }).waitFor();
        expect(await axeViolations(page)).toEqual([]);
        await shot('consent');

        await page.getByRole('button', { name: 'No', exact: true }).click();
        await page.getByText('Thank you for your feedback!').waitFor();
        expect(await axeViolations(page)).toEqual([]);
        await shot('thanks');
        await page.close();
      });
    }
  }

  it('a refused answer shows the neutral error instead of the thanks, announced, with no axe violation, and warns in the console', async () => {
    await stack.admin('POST', '/v1/surveys', { id: 'pausing', name: 'Pausing', brand: 'Acme', allowedOrigins: ['http://127.0.0.1:*'] });
    const page = await browser.newPage();
    const warnings: string[] = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await openHostPage(page, hostPage(stack.collectorUrl, { survey: 'pausing' }));
    // Paused while the prompt is open: the score is refused.
    await stack.admin('PATCH', '/v1/surveys/pausing', { active: false });
    await page.getByRole('radio', { name: '6', exact: true }).click();
    await page.getByText('Sorry, your answer could not be saved.').waitFor();
    expect(await page.getByText('Thank you for your feedback!').count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('dialog').locator('[aria-live=polite]').textContent()).toBe('Sorry, your answer could not be saved.');
    expect(await axeViolations(page)).toEqual([]);
    expect(warnings).toEqual(['npsloop: survey "pausing" is paused']);
    await page.screenshot({ path: 'test-results/widget-refused.png' });
    await page.close();
  });

  it('animates only without prefers-reduced-motion', async () => {
    for (const [reducedMotion, animation] of [['no-preference', 'i'], ['reduce', 'none']] as const) {
      const page = await browser.newPage({ reducedMotion });
      await openHostPage(page, hostPage(stack.collectorUrl, {}));
      expect(await page.getByRole('dialog').evaluate((panel) => getComputedStyle(panel).animationName)).toBe(animation);
      await page.close();
    }
  });

  it('fits a 320 px viewport: no horizontal scroll, all 11 options visible, targets at least 24×24 px', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 568 } });
    await openHostPage(page, hostPage(stack.collectorUrl, {}));
    const options = page.getByRole('radio');
    expect(await options.count()).toBe(11);
    for (let score = 0; score <= 10; score++) {
      const option = page.getByRole('radio', { name: String(score), exact: true });
      const box = (await option.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(24);
      expect(box.height).toBeGreaterThanOrEqual(24);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(320);
      await expect.poll(() => option.isVisible()).toBe(true);
    }
    const close = (await page.getByRole('button', { name: 'Close' }).boundingBox())!;
    expect(Math.min(close.width, close.height)).toBeGreaterThanOrEqual(24);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.close();
  });
});
