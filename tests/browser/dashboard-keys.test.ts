import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startStack, type Stack } from './support/stack';
import { LOCALES } from '../../packages/dashboard/src/i18n/locales';
import { axeViolations, BROWSER_LOCALES, DICTIONARIES, ensureDashboardBuilt, go, newPage, screenshot, settle, signIn } from './dashboard-helpers';

// API keys from the dashboard, in real Chromium against a real collector: an
// admin makes a key (its secret shown once, copied with the button), someone
// signs in with it in a fresh browser, the admin revokes it, and the next
// request with it is refused and said so. Sign-in's words for a wrong key and
// for a collector that is down.

const en = DICTIONARIES.en;
const keys = en.keys;

/** What the collector says to `GET /v1/keys/me` with `secret`: the status. */
async function statusOf(stack: Stack, secret: string): Promise<number> {
  return (await fetch(`${stack.collectorUrl}/v1/keys/me`, { headers: { authorization: `Bearer ${secret}` } })).status;
}

/** The key row of the keys table whose name is `name`. */
const keyRow = (page: Page, name: string) => page.locator('table.keys tbody tr', { has: page.locator('th', { hasText: name }) });

describe('dashboard API keys', () => {
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

  it('creates a key, signs in with it in a fresh browser, and revokes it: the next request is refused and the page says so', async () => {
    const { page: admin, errors } = await newPage(browser);
    await admin.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.collectorUrl });
    await signIn(admin, stack.collectorUrl, stack.adminKey);
    await go(admin, stack.collectorUrl, 'settings/keys', en.nav.page.settings);
    expect(await admin.locator('nav.sections [aria-current=page]').innerText()).toBe(en.settings.section.keys);

    // Made with the keyboard: type the name, Enter submits; the secret box takes the focus, Tab reaches Copy.
    const form = admin.getByRole('form', { name: keys.create });
    await form.getByLabel(keys.name).fill('Wall screen');
    expect(await form.getByLabel(keys.scopes.read).isChecked()).toBe(true);
    await form.getByLabel(keys.name).press('Enter');
    const secretBox = admin.getByRole('group', { name: keys.secret });
    await secretBox.waitFor();
    const secret = await admin.getByTestId('secret').innerText();
    expect(secret).toMatch(/^npsk_[A-Za-z0-9_-]{40,}$/);
    expect(await secretBox.evaluate((box) => box === document.activeElement)).toBe(true);
    await admin.keyboard.press('Tab');
    expect(await admin.evaluate(() => document.activeElement?.textContent)).toBe(keys.copy);
    await admin.keyboard.press('Enter');
    await expect.poll(() => secretBox.getByRole('status').innerText()).toBe(en.common.copied);
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await keyRow(admin, 'Wall screen').waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await screenshot(admin, 'settings-keys-secret');
    await admin.getByRole('button', { name: en.common.stored }).click();
    await secretBox.waitFor({ state: 'detached' });
    expect(await admin.content()).not.toContain(secret);

    // Someone else, in a fresh browser, signs in with it.
    const { page: wall, errors: wallErrors } = await newPage(browser);
    await signIn(wall, stack.collectorUrl, secret);
    expect(await wall.locator('.scope').innerText()).toBe('read key · Wall screen');
    await wall.locator('[data-testid=nps]').waitFor();

    // The admin sees it was used, and revokes it after confirming.
    await admin.reload();
    await admin.getByRole('heading', { level: 1, name: en.nav.page.settings }).waitFor();
    await settle(admin);
    const row = keyRow(admin, 'Wall screen');
    expect(await row.locator('td').allInnerTexts()).toEqual(['read', expect.stringMatching(/\d{4}/), expect.not.stringMatching(keys.never), keys.revoke]);
    await row.getByRole('button', { name: keys.revokeLabel('Wall screen') }).click();
    const confirm = admin.getByRole('group', { name: keys.revokeLabel('Wall screen') });
    await confirm.waitFor();
    expect(await admin.evaluate(() => document.activeElement?.textContent)).toBe(en.common.cancel);
    expect(await axeViolations(admin)).toEqual([]);
    await screenshot(admin, 'settings-keys-confirm');
    await confirm.getByRole('button', { name: keys.confirm }).click();
    await expect.poll(() => admin.getByTestId('keys-status').innerText()).toBe(keys.revoked('Wall screen'));
    await row.waitFor({ state: 'detached' });
    expect(await statusOf(stack, secret)).toBe(401);

    // The fresh browser's next request is refused, and the page says why.
    const [refused] = await Promise.all([
      wall.waitForResponse((response) => response.status() === 401),
      wall.getByRole('navigation', { name: en.nav.pages }).getByRole('link', { name: en.nav.page.comments, exact: true }).click(),
    ]);
    expect(await refused.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const notice = wall.getByTestId('sign-in-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toBe(en.signIn.revoked);
    expect(await wall.evaluate(() => sessionStorage.getItem('npsloop.apiKey'))).toBeNull();
    expect(await axeViolations(wall)).toEqual([]);
    await screenshot(wall, 'sign-in-key-revoked');
    expect(errors).toEqual([]);
    expect(wallErrors).toEqual([]);
  });

  it.each(LOCALES)('%s: at 320 px each key is one block of label and value lines, nothing scrolls sideways, Revoke is in reach', async (locale) => {
    const words = DICTIONARIES[locale].keys;
    for (const [name, scope] of [['Finance team dashboard on the big screen', 'read'], [`Deploy bot ${locale}`, 'admin']] as const) {
      await stack.admin('POST', '/v1/keys', { name, scope });
    }
    const { page, errors } = await newPage(browser, { viewport: { width: 320, height: 860 }, locale: BROWSER_LOCALES[locale] });
    await signIn(page, stack.collectorUrl, stack.adminKey);
    await go(page, stack.collectorUrl, 'settings/keys', DICTIONARIES[locale].nav.page.settings);
    const row = keyRow(page, `Deploy bot ${locale}`);
    await row.waitFor();
    // The table fits its card: no scrolling sideways, neither the page nor the table inside it.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await page.locator('.table-scroll').evaluate((box) => box.scrollWidth - box.clientWidth)).toBe(0);
    // One block per key: its cells stacked, each value beside its column's name, Revoke inside the screen.
    const cells = await row.locator('th, td').evaluateAll((nodes) => nodes.map((node) => {
      const box = node.getBoundingClientRect();
      return { left: Math.round(box.left), top: Math.round(box.top), label: getComputedStyle(node, '::before').content };
    }));
    expect(new Set(cells.map((cell) => cell.left)).size).toBe(1);
    expect(cells.map((cell) => cell.top)).toEqual([...cells.map((cell) => cell.top)].sort((a, b) => a - b));
    expect(cells.slice(1, 4).map((cell) => cell.label)).toEqual([words.columns.scope, words.columns.created, words.columns.lastUsed].map((label) => `"${label}" / ""`));
    const revoke = await row.getByRole('button', { name: words.revokeLabel(`Deploy bot ${locale}`) }).boundingBox();
    expect(revoke!.x + revoke!.width).toBeLessThanOrEqual(320);
    // Screen readers still meet a table with its column headers.
    expect(await page.getByRole('columnheader', { name: words.columns.lastUsed }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    if (locale === 'en' || locale === 'de') await screenshot(page, `${locale}-settings-keys-320`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says when a key is not known, and when the collector cannot be reached', async () => {
    const { page, errors } = await newPage(browser, { viewport: { width: 390, height: 800 } });
    await page.goto(`${stack.collectorUrl}/dashboard/`);
    await page.locator('#api-key').fill('npsk_typo');
    await page.getByRole('button', { name: en.signIn.submit }).click();
    const alert = page.locator('#sign-in-error');
    await expect.poll(() => alert.innerText()).toBe(en.signIn.unknownKey);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-unknown-key-390');

    await stack.stopCollector();
    try {
      await page.locator('#api-key').fill(stack.adminKey);
      await page.getByRole('button', { name: en.signIn.submit }).click();
      await expect.poll(() => alert.innerText()).toBe(en.signIn.unreachable(stack.collectorUrl));
      await screenshot(page, 'sign-in-unreachable-390');
    } finally {
      await stack.startCollector();
    }
    // Once it is back, the same key signs in.
    await page.getByRole('button', { name: en.signIn.submit }).click();
    await page.locator('.top nav').waitFor();
    expect(errors).toEqual([]);
  });
});
