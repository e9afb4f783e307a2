import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startStack, type Stack } from './support/stack';
import { loaderRan, nextSkip, watchSkips } from './support/widget-signals';

// The widget as visitors use it, against a real collector: the full flow with
// its context, keyboard-only use, the SPA example, dismissal, cross-tab sync,
// and exactly-once delivery across a collector outage.

describe('widget flow', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  /** A fresh visitor (own localStorage) on an example page, collecting page errors and the loader's decisions not to show. */
  async function visit(example: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await watchSkips(page);
    await page.goto(`${stack.examplesUrl}/${example}/`);
    return { page, errors };
  }

  const rowsOf = async (survey = 'demo') => (await stack.responses()).filter((row) => row.survey_id === survey);
  const eventTypes = async () => (await stack.events()).map((event) => event.type);

  it('full flow: score sent on pick with its context, comment updates the same row, thanks, shown event', async () => {
    const before = (await stack.responses()).length;
    const { page, errors } = await visit('plain-html');
    const scale = page.getByRole('radiogroup', { name: 'How likely are you to recommend Acme to a friend or colleague?' });
    await scale.getByRole('radio', { name: '6', exact: true }).click();

    // The score alone is stored before any comment is written.
    await expect.poll(async () => (await stack.responses()).length, { timeout: 10_000 }).toBe(before + 1);
    const [row] = (await stack.responses()).slice(before);
    expect(row).toMatchObject({ survey_id: 'demo', score: 6, comment: null, touchpoint: 'homepage', channel: 'web', locale: 'en', page: '/plain-html/', device: 'desktop' });

    await page.getByRole('textbox', { name: 'What is the main reason for your score?' }).fill('Pricing page was confusing.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Thank you for your feedback!').waitFor();
    await expect.poll(async () => (await stack.responses()).find((candidate) => candidate.id === row.id)?.comment, { timeout: 10_000 }).toBe('Pricing page was confusing.');
    expect((await stack.responses()).length).toBe(before + 1);
    expect(await eventTypes()).toContain('shown');

    // Nothing leaks into the page: one global, no cookies, one small localStorage record.
    expect(await page.evaluate(() => typeof (window as unknown as { npsloop: unknown }).npsloop)).toBe('function');
    expect(await page.context().cookies()).toEqual([]);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['npsloop']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keyboard only: focus moves in, Tab reaches the scale, arrows move without answering, Enter answers, Tab to Send, Escape closes and focus returns', async () => {
    const before = (await stack.responses()).length;
    const { page, errors } = await visit('plain-html');
    const focusedName = () => page.evaluate(() => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      return element ? element.getAttribute('aria-label') || element.textContent || element.tagName : null;
    });
    await page.getByRole('radiogroup').waitFor();
    // Focus is in the prompt, on no option (a ring on "0" would look like a suggested answer).
    expect(await focusedName()).toBe('Acme');
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('0');

    const scoresSent: unknown[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/v1/responses')) scoresSent.push(JSON.parse(request.postData()!).score);
    });
    for (let press = 0; press < 4; press++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    expect(await focusedName()).toBe('3');
    expect(await page.getByRole('radio', { name: '3', exact: true }).getAttribute('aria-checked')).toBe('true');
    // Still on the score step: moving the choice did not answer.
    expect(await page.getByRole('textbox').count()).toBe(0);

    await page.keyboard.press('Enter');
    await expect.poll(async () => (await stack.responses()).length, { timeout: 10_000 }).toBe(before + 1);
    expect((await stack.responses()).at(-1)).toMatchObject({ score: 3 });
    // Requests go out in order: had an arrow key answered, its score would have been sent before this one. The
    // browser reports a request to the test over its own connection, which can trail the row the test just read.
    await expect.poll(() => scoresSent.includes(3), { timeout: 10_000 }).toBe(true);
    expect(scoresSent).toEqual([3]);
    expect(await focusedName()).toBe('TEXTAREA');
    await page.keyboard.type('Too many steps.');
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('Send');
    await page.keyboard.press('Enter');
    await page.getByText('Thank you for your feedback!').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('npsloop-widget').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await expect.poll(async () => (await stack.responses()).at(-1)?.comment, { timeout: 10_000 }).toBe('Too many steps.');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Space answers too, and the close button and Escape are reachable by keyboard', async () => {
    const { page } = await visit('plain-html');
    await page.getByRole('radiogroup').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('End');
    await page.keyboard.press('Space');
    await page.getByRole('textbox').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const closeFocused = await page.evaluate(() => document.querySelector('npsloop-widget')?.shadowRoot?.activeElement?.getAttribute('aria-label'));
    expect(closeFocused).toBe('Close');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('npsloop-widget').count()).toBe(0);
    await page.close();
  });

  it('dismissal is recorded as an event and respected on the next page load', async () => {
    const { page } = await visit('plain-html');
    const dismissedBefore = (await eventTypes()).filter((type) => type === 'dismissed').length;
    await page.getByRole('radiogroup').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await eventTypes()).filter((type) => type === 'dismissed').length, { timeout: 10_000 }).toBe(dismissedBefore + 1);
    await page.reload();
    expect(await nextSkip(page)).toBe('dismissed');
    expect(await page.locator('npsloop-widget').count()).toBe(0);
    await page.close();
  });

  it('SPA example: nothing on load (manual mode), asks after the order with consent for the identified customer', async () => {
    const { page, errors } = await visit('spa');
    // Manual mode: once the loader has run, nothing is scheduled, so nothing can show by itself.
    await loaderRan(page);
    expect(await page.locator('npsloop-widget').count()).toBe(0);
    await page.getByRole('link', { name: 'Checkout' }).click();
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByRole('radio', { name: '10', exact: true }).click();
    await page.getByRole('textbox').fill('Smooth checkout.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('group', { name: 'May we contact you about your answer?' }).getByRole('button', { name: 'Yes' }).click();
    await page.getByText('Thank you for your feedback!').waitFor();
    await expect.poll(async () => (await stack.responses()).find((row) => row.comment === 'Smooth checkout.')?.consent, { timeout: 10_000 }).toBe(1);
    const row = (await stack.responses()).find((candidate) => candidate.comment === 'Smooth checkout.')!;
    expect(row).toMatchObject({ score: 10, user_id: 'demo-customer-1', touchpoint: 'checkout-done', journey: 'purchase', page: '/spa/' });
    expect(JSON.parse(row.properties as string)).toEqual({ plan: 'pro', orders: 3 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a second open tab closes its prompt when the visitor answers in the first', async () => {
    const context = await browser.newContext();
    const first = await context.newPage();
    const second = await context.newPage();
    await first.goto(`${stack.examplesUrl}/plain-html/`);
    await second.goto(`${stack.examplesUrl}/plain-html/`);
    await second.getByRole('radiogroup').waitFor();
    await first.getByRole('radio', { name: '8', exact: true }).click();
    await expect.poll(() => second.locator('npsloop-widget').count(), { timeout: 5000 }).toBe(0);
    await context.close();
  });

  it('collector down while the visitor answers, then up: the answer arrives exactly once, comment included', async () => {
    const { page, errors } = await visit('plain-html');
    await page.getByRole('radiogroup').waitFor();
    const before = await rowsOf();
    await stack.stopCollector();
    try {
      await page.getByRole('radio', { name: '9', exact: true }).click();
      await page.getByRole('textbox').fill('Answered while offline.');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.getByText('Thank you for your feedback!').waitFor();
      // Failed sends wait in the outbox.
      await expect.poll(() => page.evaluate(() => localStorage.getItem('npsloop:outbox')), { timeout: 5000 }).not.toBeNull();
    } finally {
      await stack.startCollector();
    }
    await expect.poll(async () => (await rowsOf()).length, { timeout: 30_000 }).toBe(before.length + 1);
    await expect.poll(async () => (await rowsOf()).find((row) => row.comment === 'Answered while offline.')?.score, { timeout: 30_000 }).toBe(9);
    await expect.poll(() => page.evaluate(() => localStorage.getItem('npsloop:outbox')), { timeout: 30_000 }).toBeNull();
    // A later flush (the network coming back, another page load) sends nothing twice.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    const posted: string[] = [];
    page.on('request', (request) => request.method() === 'POST' && posted.push(request.url()));
    await page.reload();
    // The reloaded page flushed its (empty) outbox at start, then decided not to ask again.
    expect(await nextSkip(page)).toBe('answered');
    expect(posted).toEqual([]);
    expect((await rowsOf()).length).toBe(before.length + 1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
