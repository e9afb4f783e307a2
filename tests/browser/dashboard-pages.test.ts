import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../packages/dashboard/src/i18n/locales';
import { launchBrowser } from './support/browser';
import { startStack, type Stack } from './support/stack';
import {
  axeViolations, BROWSER_LOCALES, DICTIONARIES, ensureDashboardBuilt, go, heading, newPage, SCREENS, screenshot, seedDemoData, signIn,
} from './dashboard-helpers';

// Every screen of the dashboard on the demo data set, in real Chromium: what a
// team lead reads, axe (WCAG 2.x A/AA) with zero violations in every language,
// light and dark and at 320 px, and screenshots in test-results/dashboard/.

const en = DICTIONARIES.en;
const VARIANTS = [['light', 1280], ['dark', 1280], ['light', 320]] as const;

describe('dashboard pages on the demo data', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    await ensureDashboardBuilt();
    stack = await startStack();
    await seedDemoData(stack);
    // A stored key, so the keys screen shows its table (not just "no keys yet") in every language and variant.
    await stack.admin('POST', '/v1/keys', { scope: 'read', name: 'Wall screen' });
    // A paused webhook, so the webhooks screen shows a card with its badge and note in every language and variant.
    const webhook = await stack.admin('POST', '/v1/webhooks', { url: 'https://93.184.215.14/hooks/crm', events: ['loop.opened'], description: 'CRM' }) as { id: string };
    await stack.admin('PATCH', `/v1/webhooks/${webhook.id}`, { paused: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('signs in and reads the overview: NPS with interval and n, the change and its significance, trend and distribution', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${stack.collectorUrl}/dashboard/`);
    await page.locator('#api-key').waitFor();
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

  it('keeps the trend chart’s text at one size from a phone to a wide screen, and the newest week label whole', async () => {
    const sizes: number[] = [];
    for (const width of [390, 1280, 1920]) {
      const { page } = await newPage(browser, { viewport: { width, height: 900 } });
      await signIn(page, stack.collectorUrl, stack.adminKey);
      await go(page, stack.collectorUrl, 'overview', en.nav.page.overview);
      await page.getByText('Week', { exact: true }).click();
      await expect.poll(() => page.locator('svg.trend').getAttribute('aria-label')).toMatch(/^NPS per week: /);
      const measured = await page.locator('svg.trend').evaluate((svg) => {
        const box = svg.getBoundingClientRect();
        const labels = [...svg.querySelectorAll('text.axis-label')].map((text) => text.getBoundingClientRect());
        const last = labels[labels.length - 1];
        return { height: labels[0].height, fontSize: parseFloat(getComputedStyle(svg.querySelector('text')!).fontSize), inside: labels.every((r) => r.left >= box.left - 0.5 && r.right <= box.right + 0.5), last: [last.left, last.right, box.right] };
      });
      expect(measured.inside, `labels inside the chart at ${width} px: ${JSON.stringify(measured.last)}`).toBe(true);
      sizes.push(Math.round(measured.height));
      expect(measured.fontSize).toBeCloseTo(0.85 * 15, 0);
      if (width === 390) await screenshot(page, 'overview-trend-390');
      await page.context().close();
    }
    // Same rendered text height at every width (the drawing is never scaled).
    expect(new Set(sizes).size, `label heights ${sizes.join(', ')}`).toBe(1);
  });

  it('works a loop from open to resolved with the keyboard: assign, contacted, note, resolved', async () => {
    const { page, errors } = await newPage(browser);
    await signIn(page, stack.collectorUrl, stack.adminKey);
    await page.getByLabel(en.nav.yourName).fill('Robin');
    await go(page, stack.collectorUrl, 'inbox', en.nav.page.inbox);
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

  it('creates an improvement action with a due date from a theme in huddle mode, in one step', async () => {
    const { page, errors } = await newPage(browser, { viewport: { width: 1440, height: 900 } });
    await signIn(page, stack.collectorUrl, stack.adminKey);
    await go(page, stack.collectorUrl, 'huddle', en.nav.page.huddle);
    const theme = page.locator('.themes.detractor .theme-blocks > li').first();
    const term = (await theme.locator('h3').evaluate((node) => node.firstChild?.textContent ?? '')).trim();
    await theme.getByRole('button', { name: `Make an action from "${term}"` }).click();
    const form = page.getByRole('form', { name: 'New improvement action' });
    await form.getByLabel('Owner').fill('Sam');
    await form.getByLabel('Due date').fill('2031-05-30');
    await form.getByRole('button', { name: 'Create action' }).click();
    const row = page.locator('table tr', { hasText: `Fix: ${term}` });
    await row.waitFor();
    expect(await row.innerText()).toContain('Sam');
    expect(await row.getByLabel(`Due date of "Fix: ${term}"`).inputValue()).toBe('2031-05-30');
    const { actions } = await (await fetch(`${stack.collectorUrl}/v1/actions?surveyId=demo`, { headers: { authorization: `Bearer ${stack.adminKey}` } })).json();
    expect(actions).toContainEqual(expect.objectContaining({ title: `Fix: ${term}`, owner: 'Sam', state: 'proposed', dueDate: '2031-05-30', themes: [term] }));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'huddle-action-due-date');
    expect(errors).toEqual([]);
  });

  it.each(LOCALES)('%s: every screen has no axe violations in light, dark and at 320 px, and a phone never scrolls sideways', async (locale) => {
    for (const [scheme, width] of VARIANTS) {
      const { page, errors } = await newPage(browser, { colorScheme: scheme, viewport: { width, height: 860 }, locale: BROWSER_LOCALES[locale] });
      await signIn(page, stack.collectorUrl, stack.adminKey);
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      for (const screen of SCREENS) {
        await go(page, stack.collectorUrl, screen, heading(locale, screen));
        const where = `${locale} ${screen} ${scheme} ${width}`;
        expect(await axeViolations(page), where).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(width);
        if (locale === 'en' || (scheme === 'light' && width === 1280)) await screenshot(page, `${locale}-${screen.replace('/', '-')}-${scheme}-${width}`);
      }
      expect(errors).toEqual([]);
      await page.context().close();
    }
  }, 600_000);
});
