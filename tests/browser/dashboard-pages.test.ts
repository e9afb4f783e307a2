import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGES } from '../../packages/dashboard/src/routes';
import { launchBrowser } from './support/browser';
import { startStack, type Stack } from './support/stack';
import { axeViolations, ensureDashboardBuilt, go, newPage, screenshot, seedDemoData, signIn } from './dashboard-helpers';

// Every page of the dashboard on the demo data set, in real Chromium: what a
// team lead reads, axe (WCAG 2.x A/AA) with zero violations, and a screenshot
// of each page (light and dark, laptop and phone) in test-results/dashboard/.


describe('dashboard pages on the demo data', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    await ensureDashboardBuilt();
    stack = await startStack();
    await seedDemoData(stack);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('signs in and reads the overview: NPS with interval and n, the change and its significance, trend and distribution', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${stack.collectorUrl}/dashboard/`);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in');
    await signIn(page, stack.collectorUrl, stack.adminKey);
    await page.locator('[data-testid=nps]').waitFor();
    expect(page.url()).not.toContain(stack.adminKey);
    const headline = await page.locator('.headline').innerText();
    expect(headline).toMatch(/NPS, last 30 days/);
    expect(headline).toMatch(/95% CI [+\u22120-9.]+ to [+\u22120-9.]+ · n = \d+/);
    expect(await page.locator('rect.bar.detractor').count()).toBe(7);
    await expect.poll(() => page.locator('[data-testid=change]').innerText()).toMatch(/vs previous 30 days .*(no significant change|significantly (up|down))/);
    await expect.poll(() => page.locator('svg.trend').getAttribute('aria-label')).toMatch(/^NPS per day: /);
    await page.getByText('Week', { exact: true }).click();
    await expect.poll(() => page.locator('svg.trend').getAttribute('aria-label')).toMatch(/^NPS per week: w\/c /);
    expect(errors).toEqual([]);
  });

  it('works a loop from open to resolved with the keyboard: assign, contacted, note, resolved', async () => {
    const { page, errors } = await newPage(browser);
    await signIn(page, stack.collectorUrl, stack.adminKey);
    await page.getByLabel('Your name (for notes and assignments)').fill('Robin');
    await go(page, stack.collectorUrl, 'inbox', 'Loop inbox');
    const id = await page.locator('.loop-row[aria-current=true]').getAttribute('data-response-id');
    const status = page.getByTestId('inbox-status');
    // Leave the name field, as a person would, so keys go to the inbox.
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('?');
    await page.getByRole('region', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('a');
    await expect.poll(() => status.innerText()).toBe('Assigned to Robin.');
    await page.keyboard.press('c');
    await expect.poll(() => status.innerText()).toBe('Marked contacted.');
    expect(await page.locator('.loop-row[aria-current=true]').getAttribute('data-response-id')).toBe(id);
    await page.keyboard.press('n');
    await page.keyboard.type('Called her back; a new card is on its way.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => status.innerText()).toBe('Note added.');
    await page.locator('.notes').getByText('Called her back; a new card is on its way.').waitFor();
    await screenshot(page, 'inbox-working');
    await page.keyboard.press('Escape');
    await page.keyboard.press('r');
    await expect.poll(() => status.innerText()).toBe('Marked resolved.');
    const loop = await (await fetch(`${stack.collectorUrl}/v1/responses/${id}/loop`, { headers: { authorization: `Bearer ${stack.adminKey}` } })).json();
    expect(loop).toMatchObject({ state: 'resolved', assignee: 'Robin' });
    expect(loop.notes.map((note: { author: string; text: string }) => `${note.author}: ${note.text}`)).toContain('Robin: Called her back; a new card is on its way.');
    await page.getByText('Done', { exact: true }).click();
    await page.locator(`.loop-row[data-response-id="${id}"]`).waitFor();
    expect(errors).toEqual([]);
  });

  it('creates an improvement action from a theme in huddle mode, in one step', async () => {
    const { page, errors } = await newPage(browser, { viewport: { width: 1440, height: 900 } });
    await signIn(page, stack.collectorUrl, stack.adminKey);
    await go(page, stack.collectorUrl, 'huddle', 'Huddle');
    const theme = page.locator('.themes.detractor .theme-blocks > li').first();
    const term = (await theme.locator('h3').evaluate((heading) => heading.firstChild?.textContent ?? '')).trim();
    await theme.getByRole('button', { name: `Make an action from "${term}"` }).click();
    const form = page.getByRole('form', { name: 'New improvement action' });
    await form.getByLabel('Owner').fill('Sam');
    await form.getByRole('button', { name: 'Create action' }).click();
    const row = page.locator('table tr', { hasText: `Fix: ${term}` });
    await row.waitFor();
    expect(await row.innerText()).toContain('Sam');
    const { actions } = await (await fetch(`${stack.collectorUrl}/v1/actions?surveyId=demo`, { headers: { authorization: `Bearer ${stack.adminKey}` } })).json();
    expect(actions).toContainEqual(expect.objectContaining({ title: `Fix: ${term}`, owner: 'Sam', state: 'proposed', themes: [term] }));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'huddle-action-created');
    expect(errors).toEqual([]);
  });

  it.each(PAGES)('$id: no axe violations, light and dark, laptop and a 320 px phone without sideways scrolling; screenshots saved', async ({ id: name, label: heading }) => {
    for (const [scheme, width] of [['light', 1280], ['dark', 1280], ['light', 320]] as const) {
      const { page, errors } = await newPage(browser, { colorScheme: scheme, viewport: { width, height: 860 } });
      await signIn(page, stack.collectorUrl, stack.adminKey);
      await go(page, stack.collectorUrl, name, heading);
      await settle(page);
      expect(await axeViolations(page), `${name} ${scheme} ${width}`).toEqual([]);
      // Nothing wider than the screen: a phone never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width} px`).toBeLessThanOrEqual(width);
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
