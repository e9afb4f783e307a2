import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../packages/collector/src/db/database';
import { seedMetricDemo } from '../../packages/collector/src/demo/demo-metrics';
import { launchBrowser } from './support/browser';
import { startStack, type Stack } from './support/stack';
import { axeViolations, ensureDashboardBuilt, go, newPage, screenshot, seedDemoData, signIn } from './dashboard-helpers';

// The journey page on the demo data set (`npsloop demo`: NPS, a CSAT survey across the touchpoints, a CES survey
// at support, the journey across them) in real Chromium: the steps left to right, no axe violation, stacked on a
// phone; screenshots in test-results/dashboard/.

describe('the dashboard journey page', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    await ensureDashboardBuilt();
    stack = await startStack();
    await seedDemoData(stack);
    const database = await openDatabase({ path: stack.dbPath });
    try {
      await seedMetricDemo(database, { surveyId: 'demo', now: Date.now(), days: 60, seed: 7, allowedOrigins: ['http://127.0.0.1:*'] });
    } finally {
      await database.close();
    }
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('reads the demo journey left to right, each step with its figures and intervals, with no axe violation', async () => {
    const { page, errors } = await newPage(browser);
    await signIn(page, stack.collectorUrl, stack.adminKey);
    await go(page, stack.collectorUrl, 'journey', 'Journey');
    const steps = page.getByRole('list', { name: 'Steps of Acme webshop journey (demo), in order' }).locator(':scope > li');
    expect(await steps.locator('h3').allTextContents()).toEqual(['1 Onboarding', '2 Checkout', '3 Delivery', '4 Support']);
    const boxes = await Promise.all([0, 1, 2, 3].map((index) => steps.nth(index).boundingBox()));
    for (let index = 1; index < boxes.length; index++) expect(boxes[index]!.x).toBeGreaterThan(boxes[index - 1]!.x + boxes[index - 1]!.width);
    expect(await steps.nth(1).textContent()).toMatch(/Acme touchpoints \(CSAT demo\) CSAT \(1–5\)\d+(\.\d)?%n = \d+, 95% CI/);
    expect(await steps.nth(3).textContent()).toContain('CES (1–7)');
    // Deliveries got better this month in the demo: the step says so in words, not by colour alone.
    expect(await steps.nth(2).getByText('Moved significantly').count()).toBe(1);
    expect(await steps.nth(2).textContent()).toMatch(/significantly up: \+\d+(\.\d)? points/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'journey');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stacks the steps on a 320 px phone without scrolling sideways', async () => {
    const { page, errors } = await newPage(browser, { viewport: { width: 320, height: 720 } });
    await signIn(page, stack.collectorUrl, stack.adminKey);
    await go(page, stack.collectorUrl, 'journey', 'Journey');
    const steps = page.locator('ol.journey-map > li');
    const first = (await steps.nth(0).boundingBox())!;
    const second = (await steps.nth(1).boundingBox())!;
    expect(second.y).toBeGreaterThan(first.y + first.height);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'journey-phone');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the journey editor with every step in order, with no axe violation, on a desktop and on a 320 px phone', async () => {
    for (const viewport of [{ width: 1280, height: 860 }, { width: 320, height: 720 }]) {
      const { page, errors } = await newPage(browser, { viewport });
      await signIn(page, stack.collectorUrl, stack.adminKey);
      await go(page, stack.collectorUrl, 'journey', 'Journey');
      await page.getByRole('button', { name: 'Edit journey' }).click();
      const steps = page.locator('form.journey-form ol.journey-steps > li > fieldset > legend');
      await steps.first().waitFor();
      expect(await steps.allTextContents()).toEqual(['Step 1', 'Step 2', 'Step 3', 'Step 4']);
      expect(await page.getByRole('group', { name: 'Step 2' }).getByLabel('Step name').inputValue()).toBe('Checkout');
      expect(await page.getByRole('button', { name: 'Move step 1 up' }).isDisabled()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, viewport.width === 320 ? 'journey-editor-phone' : 'journey-editor');
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
