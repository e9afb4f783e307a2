import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpReceiver } from '../../packages/collector/test/invitations/smtp-receiver';
import { launchBrowser } from './support/browser';
import { startStack } from './support/stack';
import { axeViolations, DICTIONARIES, ensureDashboardBuilt, go, newPage, screenshot, signIn } from './dashboard-helpers';

// The invite page in real Chromium against a real collector whose invitations go to a real SMTP server on loopback.

const words = DICTIONARIES.en.invite;

describe('dashboard: invite', () => {
  let browser: Browser;
  beforeAll(async () => {
    await ensureDashboardBuilt();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('makes personal links and lists them, starts an email invitation run, follows it to the end and shows its send log', async () => {
    const smtp = await startSmtpReceiver();
    const stack = await startStack({ mail: { smtpUrl: smtp.url, from: 'Acme <nps@acme.example>', ratePerMinute: 6000 } });
    try {
      const { page, errors } = await newPage(browser);
      await signIn(page, stack.collectorUrl, stack.adminKey);
      await go(page, stack.collectorUrl, 'invite', DICTIONARIES.en.nav.page.invite);

      await page.locator('#link-people').fill('ann@example.com\nbob@example.com\ncustomer-381');
      await page.locator('#link-touchpoint').fill('onboarding');
      await page.getByRole('button', { name: words.links.submit }).click();
      await page.getByRole('status').filter({ hasText: '3 links made.' }).waitFor();
      await page.locator('table.links tbody tr').nth(2).waitFor();
      expect(await page.getByRole('button', { name: words.links.copyLabel('customer-381') }).isVisible()).toBe(true);

      await page.locator('#invitation-people').fill('cleo@example.com\ndan@example.com\neve@example.com');
      await page.getByRole('button', { name: words.invitations.submit }).click();
      await page.getByText('3 of 3 done: 3 sent, 0 skipped, 0 failed.').waitFor();
      expect(smtp.received.map((message) => message.to).sort()).toEqual(['cleo@example.com', 'dan@example.com', 'eve@example.com']);
      await page.getByRole('button', { name: words.invitations.showLog }).click();
      await page.locator('table.send-log tbody tr').nth(2).waitFor();
      expect(await page.locator('table.send-log tbody tr td:first-of-type').allTextContents()).toEqual(['sent', 'sent', 'sent']);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'en-invite-working');
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await stack.close();
    }
  }, 120_000);
});
