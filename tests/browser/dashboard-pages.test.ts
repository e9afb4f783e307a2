import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startStack, type Stack } from './support/stack';
import { axeViolations, dashboardOrigin, ensureDashboardBuilt, go, hasRoute, newPage, screenshot, seedDemoData, signIn } from './dashboard-helpers';

// Every page of the dashboard on the demo data set, in real Chromium: what a
// team lead reads, axe (WCAG 2.x A/AA) with zero violations, and a screenshot
// of each page (light and dark, laptop and phone) in test-results/dashboard/.

const PAGES = [
  { name: 'overview', heading: 'Overview' },
  { name: 'comments', heading: 'Comments' },
  { name: 'inbox', heading: 'Loop inbox' },
  { name: 'huddle', heading: 'Huddle' },
  { name: 'touchpoints', heading: 'Touchpoints' },
  { name: 'surveys', heading: 'Surveys' },
];

describe('dashboard pages on the demo data', () => {
  let stack: Stack;
  let browser: Browser;
  let origin: Awaited<ReturnType<typeof dashboardOrigin>>;

  beforeAll(async () => {
    await ensureDashboardBuilt();
    stack = await startStack();
    seedDemoData(stack);
    origin = await dashboardOrigin(stack);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await origin?.close();
    await stack?.close();
  });

  it('signs in and reads the overview: NPS with interval and n, the change and its significance, trend and distribution', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${origin.url}/dashboard/`);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in');
    await signIn(page, origin.url, stack.adminKey);
    await page.locator('[data-testid=nps]').waitFor();
    expect(page.url()).not.toContain(stack.adminKey);
    const headline = await page.locator('.headline').innerText();
    expect(headline).toMatch(/NPS, last 30 days/);
    expect(headline).toMatch(/95% CI [+\u22120-9.]+ to [+\u22120-9.]+ · n = \d+/);
    expect(await page.locator('rect.bar.detractor').count()).toBe(7);
    if (await hasRoute(stack, '/v1/surveys/demo/trend?interval=day')) {
      await expect.poll(() => page.locator('[data-testid=change]').innerText()).toMatch(/vs previous 30 days .*(no significant change|significantly (up|down))/);
      await expect.poll(() => page.locator('svg.trend').getAttribute('aria-label')).toMatch(/^NPS per day: /);
      await page.getByText('Week', { exact: true }).click();
      await expect.poll(() => page.locator('svg.trend').getAttribute('aria-label')).toMatch(/^NPS per week: w\/c /);
    } else {
      await expect.poll(() => page.getByText('The trend: not available on this collector yet').count()).toBe(1);
    }
    expect(errors).toEqual([]);
  });

  it.each(PAGES)('$name: no axe violations, light and dark, laptop and phone; screenshots saved', async ({ name, heading }) => {
    for (const [scheme, width] of [['light', 1280], ['dark', 1280], ['light', 390]] as const) {
      const { page, errors } = await newPage(browser, { colorScheme: scheme, viewport: { width, height: 860 } });
      await signIn(page, origin.url, stack.adminKey);
      await go(page, origin.url, name, heading);
      await settle(page);
      expect(await axeViolations(page), `${name} ${scheme} ${width}`).toEqual([]);
      await screenshot(page, `${name}-${scheme}-${width}`);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });
});

/** Waits until no "Loading…" line is left on the page. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => ![...document.querySelectorAll('[role=status]')].some((node) => node.textContent?.startsWith('Loading')));
}
