import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startStack, type Stack } from './support/stack';
import { axeViolations, ensureDashboardBuilt, newPage, screenshot } from './dashboard-helpers';

// The hosted survey page (/s/:survey, for email and app links) in real Chromium:
// its 0–10 row is as wide as the end labels under it, on a phone and a laptop.

describe('hosted survey page', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    await ensureDashboardBuilt();
    stack = await startStack();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it.each([1280, 600, 320])('at %i px the 0–10 row spans the end labels’ width, every score is a big enough target, and nothing scrolls sideways', async (width) => {
    const { page, errors } = await newPage(browser, { viewport: { width, height: 800 } });
    await page.goto(`${stack.collectorUrl}/s/demo`);
    const layout = await page.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      const scores = [...document.querySelectorAll('.scale label')].map((label) => label.getBoundingClientRect());
      return {
        scale: box('.scale'), ends: box('.ends'),
        smallest: { width: Math.min(...scores.map((r) => r.width)), height: Math.min(...scores.map((r) => r.height)) },
        right: Math.max(...scores.map((r) => r.right)),
        scrollWidth: document.documentElement.scrollWidth,
      };
    });
    expect(Math.abs(layout.scale.width - layout.ends.width)).toBeLessThanOrEqual(1);
    expect(layout.scale.left).toBeCloseTo(layout.ends.left, 0);
    expect(layout.right).toBeGreaterThan(layout.ends.right - 2);
    expect(layout.smallest.height).toBeGreaterThanOrEqual(44);
    expect(layout.smallest.width).toBeGreaterThanOrEqual(44);
    expect(layout.scrollWidth).toBeLessThanOrEqual(width);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `hosted-page-${width}`);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
