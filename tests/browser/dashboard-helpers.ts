/** Shared steps of the dashboard browser tests: the built app, sign-in, data, axe, screenshots. */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { build } from 'vite';
import { openDatabase } from '../../packages/collector/src/db/database';
import { seedDemo } from '../../packages/collector/src/demo/demo-seed';
import type { PageId } from '../../packages/dashboard/src/routes';
import { PAGES, SETTINGS_SECTIONS } from '../../packages/dashboard/src/routes';
import type { Locale } from '../../packages/dashboard/src/i18n/locales';
import type { Messages } from '../../packages/dashboard/src/i18n/messages';
import { de } from '../../packages/dashboard/src/i18n/messages/de';
import { en } from '../../packages/dashboard/src/i18n/messages/en';
import { es } from '../../packages/dashboard/src/i18n/messages/es';
import { fr } from '../../packages/dashboard/src/i18n/messages/fr';
import { nl } from '../../packages/dashboard/src/i18n/messages/nl';
import type { Stack } from './support/stack';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DASHBOARD_ROOT = join(import.meta.dirname, '../../packages/dashboard');
/** Where screenshots go (gitignored). */
export const SHOTS = join(import.meta.dirname, '../../test-results/dashboard');

/** Builds the dashboard once when dist/ is missing (CI builds first; a fresh checkout may not have). */
export async function ensureDashboardBuilt(): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  if (existsSync(join(DASHBOARD_ROOT, 'dist/index.html'))) return;
  await build({ root: DASHBOARD_ROOT, configFile: join(DASHBOARD_ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

/** A page in a fresh context (its own sessionStorage), failing the test on any page error. */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/** Every dashboard dictionary, so tests name headings and buttons the way each language does. */
export const DICTIONARIES: Record<Locale, Messages> = { en, nl, de, fr, es };

/** A browser locale that picks each dashboard language (what a visitor's browser would send). */
export const BROWSER_LOCALES: Record<Locale, string> = { en: 'en-GB', nl: 'nl-NL', de: 'de-DE', fr: 'fr-FR', es: 'es-ES' };

/** Every screen: the pages, with the settings page once per section (`settings/webhooks`). */
export const SCREENS = [...PAGES.filter((id) => id !== 'settings'), ...SETTINGS_SECTIONS.map((section) => `settings/${section}`)];

/** The h1 of a screen in a language. */
export function heading(locale: Locale, screen: string): string {
  return DICTIONARIES[locale].nav.page[screen.split('/')[0] as PageId];
}

/**
 * Opens /dashboard/ and signs in with `key`; resolves once the navigation shows
 * and the app has put the first survey into the address. Waiting for that
 * address matters: a test that navigates before it lands would see its own
 * navigation replaced (on a busy machine, a 30 s wait for a heading that never comes).
 */
export async function signIn(page: Page, origin: string, key: string, hash = ''): Promise<void> {
  await page.goto(`${origin}/dashboard/${hash}`);
  await page.locator('#api-key').fill(key);
  await page.locator('form button[type=submit]').click();
  await page.locator('.top nav').waitFor();
  await page.waitForFunction(() => /^#\/[^/]+\//.test(window.location.hash));
}

/** Goes to a screen (`inbox`, `settings/webhooks`) of the `demo` survey; waits for its heading and until nothing is loading. */
export async function go(page: Page, origin: string, screen: string, name: string): Promise<void> {
  await page.goto(`${origin}/dashboard/#/demo/${screen}`);
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  await settle(page);
}

/** Waits until no resource on the page is still loading (each loading line carries `data-loading`). */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-loading]') === null);
}

/** axe-core on the whole page: WCAG 2.0/2.1/2.2 A and AA; each violation as `id: targets`. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.slice(0, 5).map((node) => node.target))}`);
  });
}

/** Saves a full-page screenshot as test-results/dashboard/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  // From the top, so the sticky header sits where a reader expects it in a full-page picture.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * Fills the stack's `demo` survey with the demo data set (60 days, loops in
 * every state, actions), as `npsloop demo` does: a second connection to the
 * database file while the collector runs.
 */
export async function seedDemoData(stack: Stack): Promise<void> {
  const database = await openDatabase({ path: stack.dbPath });
  try {
    await seedDemo(database, { surveyId: 'demo', now: Date.now(), days: 60, seed: 7 });
  } finally {
    await database.close();
  }
}

/** Stores one answer through the public ingest route, as the widget would. */
export async function answer(stack: Stack, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${stack.collectorUrl}/v1/responses`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ surveyId: 'demo', ...body }),
  });
  if (response.status >= 300) throw new Error(`ingest failed: ${response.status} ${await response.text()}`);
}
