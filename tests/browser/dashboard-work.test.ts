import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startStack, type Stack } from './support/stack';
import { answer, axeViolations, ensureDashboardBuilt, go, newPage, screenshot, signIn } from './dashboard-helpers';

// The daily work in real Chromium against a collector filled through its public
// API: a hostile comment stays text, comments filter, a read key cannot write.

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> Checkout broke & "lost" my cart';

describe('dashboard: comments, safety and access', () => {
  let stack: Stack;
  let browser: Browser;
  let readKey: string;

  beforeAll(async () => {
    await ensureDashboardBuilt();
    stack = await startStack();
    const comments = [
      [2, HOSTILE, 'checkout'], [3, 'Delivery was late again', 'delivery'], [5, 'Delivery took a week', 'delivery'],
      [7, 'Fine, but delivery could be faster', 'delivery'], [8, 'Good products', 'checkout'],
      [9, 'Friendly support, solved it in minutes', 'support'], [10, 'Fast delivery and great quality', 'delivery'],
      [10, 'Vriendelijke klantenservice', 'support'], [1, 'Support never answered my email', 'support'],
    ] as const;
    for (const [index, [score, comment, touchpoint]] of comments.entries()) {
      await answer(stack, { id: `answer-${String(index).padStart(4, '0')}`, score, comment, touchpoint, channel: 'web', consent: true, respondent: { email: `customer${index}@example.com` } });
    }
    browser = await launchBrowser();
    const created = await fetch(`${stack.collectorUrl}/v1/surveys`, { headers: { authorization: `Bearer ${stack.adminKey}` } });
    expect(created.status).toBe(200);
    readKey = await createReadKey(stack);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('shows a hostile comment literally and runs nothing', async () => {
    const { page, errors } = await newPage(browser);
    let dialogs = 0;
    page.on('dialog', (dialog) => { dialogs++; void dialog.dismiss(); });
    await signIn(page, stack.collectorUrl, stack.adminKey);
    await go(page, stack.collectorUrl, 'comments', 'Comments');
    await page.getByText(HOSTILE, { exact: true }).waitFor();
    expect(await page.locator('.quotes img, .quotes script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);
    await screenshot(page, 'comments-hostile');
    expect(errors).toEqual([]);
  });

  it('filters comments by group, touchpoint, score and text', async () => {
    const { page } = await newPage(browser);
    await signIn(page, stack.collectorUrl, stack.adminKey);
    await go(page, stack.collectorUrl, 'comments', 'Comments');
    const quotes = page.locator('.quotes blockquote');
    await expect.poll(() => quotes.count()).toBe(9);
    await page.getByLabel('Group').selectOption('detractor');
    await expect.poll(async () => (await quotes.allInnerTexts()).sort()).toEqual(['Support never answered my email', 'Delivery took a week', 'Delivery was late again', HOSTILE].sort());
    await page.getByLabel('Touchpoint').fill('delivery');
    await page.getByLabel('Touchpoint').press('Enter');
    await expect.poll(async () => (await quotes.allInnerTexts()).sort()).toEqual(['Delivery took a week', 'Delivery was late again'].sort());
    await page.getByRole('combobox', { name: /^Score/ }).selectOption('3');
    await expect.poll(async () => (await quotes.allInnerTexts()).sort()).toEqual(['Delivery was late again'].sort());
    await page.getByLabel('Group').selectOption('');
    await page.getByLabel('Touchpoint').fill('');
    await page.getByRole('combobox', { name: /^Score/ }).selectOption('');
    await page.getByLabel('Search comments').fill('support');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(async () => (await quotes.allInnerTexts()).sort()).toEqual(['Support never answered my email', 'Friendly support, solved it in minutes'].sort());
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lets a read key see the surveys but not change them', async () => {
    const { page } = await newPage(browser);
    await signIn(page, stack.collectorUrl, readKey);
    await go(page, stack.collectorUrl, 'surveys', 'Surveys');
    await page.getByText('Read-only: your key can see everything but cannot create or edit surveys').waitFor();
    expect(await page.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);
    expect(await page.locator('.scope').innerText()).toBe('read key');
    await screenshot(page, 'surveys-read-only');
  });

  it('creates and edits a survey, and offers its embed snippet', async () => {
    const { page } = await newPage(browser);
    await signIn(page, stack.collectorUrl, stack.adminKey);
    await go(page, stack.collectorUrl, 'surveys', 'Surveys');
    await page.getByRole('button', { name: 'New survey' }).click();
    const form = page.locator('form.survey-form').first();
    await form.getByLabel('Id').fill('checkout-flow');
    await form.getByLabel('Name').fill('Checkout flow');
    await form.getByLabel('Allowed origins').fill('https://shop.example');
    await form.getByRole('button', { name: 'Create survey' }).click();
    await page.waitForURL(/#\/checkout-flow\/surveys$/);
    await expect.poll(() => page.locator('[data-testid=snippet]').innerText())
      .toBe(`<script async src="${stack.collectorUrl}/widget.js" data-survey="checkout-flow"></script>`);
    expect(await page.locator('[data-testid=snippet-self-hosted]').innerText())
      .toBe(`<script async src="/js/widget.js" data-survey="checkout-flow" data-collector="${stack.collectorUrl}"></script>`);
    const settings = page.locator('form.survey-form');
    await settings.getByLabel('Name').fill('Checkout flow (EU)');
    // "Save changes" closes the whole form: below its last field, not beside "Allowed origins".
    const save = settings.getByRole('button', { name: 'Save changes' });
    const [saveBox, originsBox, activeBox] = await Promise.all([save.boundingBox(), settings.getByLabel('Allowed origins').boundingBox(), settings.getByLabel(/Active \(uncheck/).boundingBox()]);
    expect(saveBox!.y).toBeGreaterThan(Math.max(originsBox!.y + originsBox!.height, activeBox!.y + activeBox!.height));
    await save.click();
    await page.getByText('Saved.').waitFor();
    const stored = await (await fetch(`${stack.collectorUrl}/v1/surveys/checkout-flow`, { headers: { authorization: `Bearer ${stack.adminKey}` } })).json();
    expect(stored).toMatchObject({ id: 'checkout-flow', name: 'Checkout flow (EU)', allowedOrigins: ['https://shop.example'] });
  });
});

/** A read-scoped key, made the way an operator would (`npsloop keys create`), straight in the stack's database. */
async function createReadKey(stack: Stack): Promise<string> {
  const { openDatabase } = await import('../../packages/collector/src/db/database');
  const database = await openDatabase({ path: stack.dbPath });
  try {
    return (await database.keys.create('read', 'dashboard-browser-test')).secret;
  } finally {
    await database.close();
  }
}
