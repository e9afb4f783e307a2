import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startHostPages, type HostPages } from './support/host-pages';
import { startStack, type Stack } from './support/stack';

// CSAT (1–5) and CES (1–7) surveys in real Chromium: the scale is a radio group named by the
// standard question, worked by the keyboard, with no axe violation; the answer is stored on the scale.

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

function hostPage(collectorUrl: string, survey: string, locale: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title></head>
<body><h1>Acme</h1><script async src="${collectorUrl}/widget.js" data-survey="${survey}" data-brand="Acme"></script></body></html>`;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(
      { include: [['npsloop-widget']] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] },
    );
    return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
  });
}

const CASES = [
  { metric: 'csat', locale: 'en', points: 5, question: 'How satisfied were you with Acme?', low: 'Very dissatisfied', high: 'Very satisfied' },
  { metric: 'csat', locale: 'fr', points: 5, question: 'Quel est votre niveau de satisfaction concernant Acme\u00a0?', low: 'Très insatisfait', high: 'Très satisfait' },
  { metric: 'ces', locale: 'en', points: 7, question: 'Acme made it easy for me to handle my issue.', low: 'Strongly disagree', high: 'Strongly agree' },
  { metric: 'ces', locale: 'nl', points: 7, question: 'Acme maakte het mij gemakkelijk om mijn vraag af te handelen.', low: 'Helemaal oneens', high: 'Helemaal eens' },
] as const;

describe('CSAT and CES widgets', () => {
  let stack: Stack;
  let browser: Browser;
  let hosts: HostPages;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
    hosts = await startHostPages();
    mkdirSync('test-results', { recursive: true });
    for (const metric of ['csat', 'ces']) {
      await stack.admin('POST', '/v1/surveys', { id: `${metric}-survey`, name: metric, brand: 'Acme', metric, allowedOrigins: ['http://127.0.0.1:*', 'http://localhost:*'] });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await hosts?.close();
  });

  for (const { metric, locale, points, question, low, high } of CASES) {
    it(`${metric} (${locale}): a radio group of ${points} named by the question, keyboard only, no axe violation, stored on the scale`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(hosts.serve(hostPage(stack.collectorUrl, `${metric}-survey`, locale)));
      const group = page.getByRole('radiogroup', { name: question });
      await group.waitFor();
      const radios = group.getByRole('radio');
      expect(await radios.allTextContents()).toEqual(Array.from({ length: points }, (_, index) => String(index + 1)));
      expect(await page.getByText(low, { exact: true }).count()).toBe(1);
      expect(await page.getByText(high, { exact: true }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `test-results/widget-${metric}-${locale}.png` });

      // Into the group, to its end, one back: the checked option follows, and nothing is answered yet.
      await page.keyboard.press('Tab');
      await expect.poll(() => page.evaluate(() => document.querySelector('npsloop-widget')!.shadowRoot!.activeElement?.textContent)).toBe('1');
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft');
      const chosen = points - 1;
      await expect.poll(() => group.getByRole('radio', { checked: true }).textContent()).toBe(String(chosen));
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Enter');
      await page.getByRole('textbox').waitFor();
      await expect.poll(async () => (await stack.summary(`${metric}-survey`)).n).toBeGreaterThan(0);
      const summary = await stack.summary(`${metric}-survey`) as unknown as { metric: string; distribution: number[] };
      expect(summary.metric).toBe(metric);
      expect(summary.distribution).toHaveLength(points);
      expect(summary.distribution[chosen - 1]).toBeGreaterThan(0);
      await page.close();
    });
  }
});
