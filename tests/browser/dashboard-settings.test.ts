import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startStack, type Stack } from './support/stack';
import { answer, axeViolations, DICTIONARIES, ensureDashboardBuilt, go, newPage, screenshot, signIn } from './dashboard-helpers';

// The screens added on top of existing APIs, in real Chromium against a real
// collector whose webhook worker delivers to real receivers on loopback:
// webhooks (secret once, delivery log), privacy (erasure), loop tags and exclusion.

const en = DICTIONARIES.en;

/** A receiver on loopback that answers every delivery with `status` and counts them. */
async function receiver(status: number): Promise<{ url: string; received: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      count++;
      response.statusCode = status;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/npsloop`, received: () => count, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('dashboard settings and loop details', () => {
  let stack: Stack;
  let browser: Browser;
  let good: Awaited<ReturnType<typeof receiver>>;
  let broken: Awaited<ReturnType<typeof receiver>>;

  beforeAll(async () => {
    await ensureDashboardBuilt();
    stack = await startStack({ allowPrivateWebhooks: true });
    browser = await launchBrowser();
    good = await receiver(204);
    broken = await receiver(500);
  });

  afterAll(async () => {
    await browser?.close();
    await good?.close();
    await broken?.close();
    await stack?.close();
  });

  it('creates webhooks, shows each secret once, and shows delivered and failing deliveries in the log', async () => {
    const { page, errors } = await newPage(browser);
    await signIn(page, stack.collectorUrl, stack.adminKey);
    await go(page, stack.collectorUrl, 'settings/webhooks', en.nav.page.settings);
    for (const [target, description] of [[good, 'Team chat bridge'], [broken, 'Broken CRM']] as const) {
      const form = page.getByRole('form', { name: en.webhooks.create });
      await form.getByLabel(en.webhooks.url).fill(target.url);
      await form.getByLabel(en.webhooks.description).fill(description);
      await form.getByLabel(en.webhooks.event['loop.opened']).uncheck();
      await form.getByLabel(en.webhooks.event['response.created']).check();
      await form.getByRole('button', { name: en.webhooks.submit }).click();
      await expect.poll(() => page.getByTestId('secret').innerText()).toMatch(/^whsec_/);
      if (target === good) await screenshot(page, 'settings-webhook-secret');
      await page.getByRole('button', { name: en.common.stored }).click();
      await page.locator('.webhook', { hasText: target.url }).waitFor();
    }
    expect(await page.getByTestId('secret').count()).toBe(0);

    await answer(stack, { id: 'hook-answer-0001', score: 9, comment: 'Quick and friendly' });
    await expect.poll(() => good.received(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => broken.received(), { timeout: 20_000 }).toBe(1);

    const goodCard = page.locator('.webhook', { hasText: good.url });
    await goodCard.getByRole('button', { name: en.webhooks.log }).click();
    const goodRow = goodCard.locator('.delivery-log tbody tr');
    await expect.poll(() => goodRow.first().locator('td').allTextContents()).toEqual(
      expect.arrayContaining(['response.created', en.webhooks.deliveryState.succeeded, '1', '204']));

    const brokenCard = page.locator('.webhook', { hasText: broken.url });
    await brokenCard.getByRole('button', { name: en.webhooks.log }).click();
    const brokenCells = brokenCard.locator('.delivery-log tbody tr').first().locator('td');
    await expect.poll(async () => (await brokenCells.allTextContents()).slice(0, 4)).toEqual(['response.created', en.webhooks.deliveryState.pending, '1', '500']);
    // A pending delivery says when the worker tries again.
    expect(await brokenCells.nth(4).innerText()).not.toBe('–');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'settings-webhooks-log');
    expect(errors).toEqual([]);
  });

  it('pauses a webhook: an answer meanwhile queues nothing for it; Resume brings it back', async () => {
    const adminGet = async (path: string) => (await fetch(`${stack.collectorUrl}${path}`, { headers: { authorization: `Bearer ${stack.adminKey}` } })).json();
    const { webhooks } = await adminGet('/v1/webhooks') as { webhooks: { id: string; url: string }[] };
    const goodId = webhooks.find((webhook) => webhook.url === good.url)!.id;
    const brokenId = webhooks.find((webhook) => webhook.url === broken.url)!.id;
    const logLength = async (id: string) => ((await adminGet(`/v1/webhooks/${id}/deliveries`)) as { deliveries: unknown[] }).deliveries.length;
    const [goodBefore, brokenBefore] = [await logLength(goodId), await logLength(brokenId)];
    const { page, errors } = await newPage(browser);
    await signIn(page, stack.collectorUrl, stack.adminKey);
    await go(page, stack.collectorUrl, 'settings/webhooks', en.nav.page.settings);
    const card = page.locator('.webhook', { hasText: good.url });
    await card.getByRole('button', { name: en.webhooks.pauseLabel(good.url) }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toBe(en.webhooks.pausedDone);
    await card.getByTestId('paused-note').waitFor();
    // Keyboard focus stays on the button, which now resumes.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(en.webhooks.resume);

    // The ingest answer returns once its deliveries are queued: the other webhook got one, the paused one none.
    await answer(stack, { id: 'paused-answer-01', score: 8 });
    expect(await logLength(brokenId)).toBe(brokenBefore + 1);
    expect(await logLength(goodId)).toBe(goodBefore);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'settings-webhook-paused');

    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').innerText()).toBe(en.webhooks.resumedDone);
    await card.getByRole('button', { name: en.webhooks.pauseLabel(good.url) }).waitFor();
    expect(await card.getByTestId('paused-note').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('erases a respondent from the privacy screen, and the answers are gone from the API', async () => {
    await answer(stack, { id: 'erase-ann-0001', score: 3, comment: 'Call me', consent: true, respondent: { email: 'ann@example.com' } });
    await answer(stack, { id: 'keep-bob-0001', score: 4, comment: 'Meh', consent: true, respondent: { email: 'bob@example.com' } });
    const { page, errors } = await newPage(browser, { viewport: { width: 390, height: 860 } });
    await signIn(page, stack.collectorUrl, stack.adminKey);
    await go(page, stack.collectorUrl, 'settings/privacy', en.nav.page.settings);
    await page.getByLabel(en.privacy.value.email).fill('ann@example.com');
    const erase = page.getByRole('button', { name: en.privacy.submit });
    expect(await erase.isDisabled()).toBe(true);
    await page.getByLabel(en.privacy.understand).check();
    await erase.click();
    await expect.poll(() => page.getByTestId('erased').innerText()).toBe('Erased. Responses: 1, loops: 1, notes: 0, action links: 0, webhook deliveries: 2.');
    const listed = await (await fetch(`${stack.collectorUrl}/v1/surveys/demo/responses?limit=500`, { headers: { authorization: `Bearer ${stack.adminKey}` } })).json();
    expect(listed.responses.map((response: { id: string }) => response.id)).not.toContain('erase-ann-0001');
    expect(listed.responses.map((response: { id: string }) => response.id)).toContain('keep-bob-0001');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'settings-privacy-erased-390');
    expect(errors).toEqual([]);
  });

  it('sets the retention period from the privacy screen on a phone, and turns it off again', async () => {
    const { page, errors } = await newPage(browser, { viewport: { width: 390, height: 860 } });
    await signIn(page, stack.collectorUrl, stack.adminKey);
    await go(page, stack.collectorUrl, 'settings/privacy', en.nav.page.settings);
    const form = page.locator('form.retention-form');
    await form.getByLabel(en.privacy.keepDays).check();
    await form.getByLabel(en.privacy.daysField).fill('400');
    await form.getByLabel(en.privacy.understandPurge).check();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'settings-retention-390');
    await form.getByRole('button', { name: en.privacy.saveRetention }).click();
    await expect.poll(() => page.getByTestId('retention').innerText()).toBe(en.privacy.retentionDays('400'));
    const read = async () => (await fetch(`${stack.collectorUrl}/v1/privacy`, { headers: { authorization: `Bearer ${stack.adminKey}` } })).json();
    expect(await read()).toEqual({ retentionDays: 400, source: 'setting', stored: 400 });
    await form.getByLabel(en.privacy.keepAll).check();
    await form.getByRole('button', { name: en.privacy.saveRetention }).click();
    await expect.poll(() => page.getByTestId('retention').innerText()).toBe(en.privacy.retentionOff);
    expect(await read()).toEqual({ retentionDays: null, source: 'off', stored: null });
    expect(errors).toEqual([]);
  });

  it('tags a loop and excludes a test answer from the figures, from the inbox', async () => {
    await answer(stack, { id: 'test-answer-001', score: 0, comment: 'test test ignore', consent: true, respondent: { email: 'qa@example.com' } });
    const before = await stack.summary();
    const { page, errors } = await newPage(browser);
    await signIn(page, stack.collectorUrl, stack.adminKey);
    await go(page, stack.collectorUrl, 'inbox', en.nav.page.inbox);
    await page.locator('.loop-row[data-response-id="test-answer-001"]').click();
    const detail = page.locator('.loop-detail');
    await detail.getByLabel(en.loop.tagsField).fill('QA, Test run');
    await detail.getByRole('button', { name: en.loop.saveTags }).click();
    await expect.poll(() => page.getByTestId('inbox-status').innerText()).toBe(en.loop.done.tags);
    await screenshot(page, 'inbox-tags');
    await detail.getByLabel(en.loop.exclude).check();
    await expect.poll(() => page.getByTestId('inbox-status').innerText()).toBe(en.loop.done.excluded);
    await page.locator('.loop-row[data-response-id="test-answer-001"]').waitFor({ state: 'detached' });
    // The excluded answer stays in the panel (ticked), so no other loop slides in under the pointer.
    expect(await detail.locator('blockquote').innerText()).toBe('test test ignore');
    expect(await detail.getByLabel(en.loop.exclude).isChecked()).toBe(true);
    const loop = await (await fetch(`${stack.collectorUrl}/v1/responses/test-answer-001/loop`, { headers: { authorization: `Bearer ${stack.adminKey}` } })).json();
    expect(loop).toMatchObject({ tags: ['qa', 'test-run'], excluded: true });
    expect((await stack.summary()).n).toBe(before.n - 1);
    await page.getByLabel(en.inbox.showExcluded).check();
    await page.locator('.loop-row[data-response-id="test-answer-001"] .badge', { hasText: en.inbox.excluded }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('on a phone: sends a test message that fails, fixes the address, and retries it: delivered', async () => {
    const flaky = await receiver(503);
    const fixed = await receiver(204);
    try {
      await stack.admin('POST', '/v1/webhooks', { url: flaky.url, events: ['loop.overdue'], description: 'Pager' });
      const { page, errors } = await newPage(browser, { viewport: { width: 320, height: 860 } });
      await signIn(page, stack.collectorUrl, stack.adminKey);
      await go(page, stack.collectorUrl, 'settings/webhooks', en.nav.page.settings);
      const card = page.locator('.webhook', { hasText: flaky.url });
      await card.getByRole('button', { name: en.webhooks.testLabel(flaky.url) }).click();
      const outcome = card.getByTestId('delivery-outcome');
      // The real delivery worker sends it within a second or two; the log follows it until the endpoint has answered.
      await expect.poll(() => outcome.innerText(), { timeout: 20_000 }).toBe(en.webhooks.outcome.failed('HTTP 503'));
      expect(flaky.received()).toBe(1);

      await card.getByRole('button', { name: en.webhooks.editLabel(flaky.url) }).click();
      const form = card.getByRole('form', { name: en.webhooks.editTitle(flaky.url) });
      await form.getByLabel(en.webhooks.url).fill(fixed.url);
      await form.getByRole('button', { name: en.webhooks.save }).click();
      await page.getByText(en.webhooks.saved).waitFor();
      const fixedCard = page.locator('.webhook', { hasText: fixed.url });
      await fixedCard.getByRole('button', { name: en.webhooks.log }).click();
      await fixedCard.locator('.delivery-log tbody tr[data-state=failed]').getByRole('button', { name: en.webhooks.retry }).click();
      await expect.poll(() => fixedCard.getByTestId('delivery-outcome').innerText(), { timeout: 20_000 }).toBe(en.webhooks.outcome.succeeded('204'));
      expect(fixed.received()).toBe(1);
      expect(flaky.received()).toBe(1);
      // The log reflows on a phone: nothing scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      expect(await fixedCard.locator('.table-scroll').evaluate((box) => box.scrollWidth - box.clientWidth)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'settings-webhooks-test-retry-320');
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await flaky.close();
      await fixed.close();
    }
  });

  it('reads the webhooks screen in Dutch, with the browser’s language', async () => {
    const { page, errors } = await newPage(browser, { locale: 'nl-NL' });
    await signIn(page, stack.collectorUrl, stack.adminKey);
    await go(page, stack.collectorUrl, 'settings/webhooks', DICTIONARIES.nl.nav.page.settings);
    await page.locator('.webhook', { hasText: good.url }).getByRole('button', { name: DICTIONARIES.nl.webhooks.log }).click();
    await page.getByText(DICTIONARIES.nl.webhooks.deliveryState.succeeded, { exact: true }).first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await screenshot(page, 'nl-settings-webhooks-log');
    expect(errors).toEqual([]);
  });
});
