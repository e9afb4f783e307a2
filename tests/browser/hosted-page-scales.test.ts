import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startStack, type Stack } from './support/stack';
import { axeViolations, ensureDashboardBuilt, newPage, screenshot } from './dashboard-helpers';

// The hosted page's scale is a real radio group for every metric: named by the question, arrow keys move the
// choice, Send records it; with JavaScript turned off the form works the same. CSAT (1–5) and CES (1–7) here.

describe('the hosted page draws CSAT and CES scales as radio groups', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    await ensureDashboardBuilt();
    stack = await startStack();
    await stack.admin('POST', '/v1/surveys', { id: 'delivery', name: 'Delivery', brand: 'Acme', metric: 'csat', allowedOrigins: ['http://127.0.0.1:*'] });
    await stack.admin('POST', '/v1/surveys', { id: 'support', name: 'Support', brand: 'Acme', metric: 'ces', allowedOrigins: ['http://127.0.0.1:*'] });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const answerOf = async (surveyId: string) => (await stack.responses()).filter((row) => row.survey_id === surveyId);

  it('CSAT: five radios named by the question, picked with the arrow keys and sent with the keyboard; no axe violation', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${stack.collectorUrl}/s/delivery?touchpoint=delivery`);
    const group = page.getByRole('group', { name: 'How satisfied were you with Acme?' });
    const radios = group.getByRole('radio');
    expect(await radios.count()).toBe(5);
    expect(await group.getByRole('radio', { name: '1' }).getAttribute('aria-describedby')).toBe('low');
    expect(await page.locator('#low').textContent()).toBe('1 = Very dissatisfied');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await group.getByRole('radio', { name: '4' }).isChecked()).toBe(true);
    await screenshot(page, 'hosted-csat');
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: 'What is the main reason for your score?' }).waitFor();
    expect(await answerOf('delivery')).toMatchObject([{ score: 4, channel: 'link', touchpoint: 'delivery' }]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('CES without JavaScript: seven radios; picking one and pressing Send records it, and nothing is recorded before', async () => {
    const { page } = await newPage(browser, { javaScriptEnabled: false, viewport: { width: 320, height: 720 } });
    await page.goto(`${stack.collectorUrl}/s/support?rid=ces_nojs_0001`);
    const group = page.getByRole('group', { name: 'Acme made it easy for me to handle my issue.' });
    expect(await group.getByRole('radio').count()).toBe(7);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await answerOf('support')).toEqual([]);
    await group.getByRole('radio', { name: '6' }).check();
    await screenshot(page, 'hosted-ces-320');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('textbox', { name: 'What is the main reason for your score?' }).waitFor();
    expect(await answerOf('support')).toMatchObject([{ id: 'ces_nojs_0001', score: 6, channel: 'link' }]);
    await page.context().close();
  });
});
