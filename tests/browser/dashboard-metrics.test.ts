import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startStack, type Stack } from './support/stack';
import { axeViolations, ensureDashboardBuilt, newPage, screenshot, settle, signIn } from './dashboard-helpers';

// A CSAT survey's overview in real Chromium: the survey's own score (% satisfied) with its interval,
// its groups and the 1–5 distribution; no axe violation; a screenshot in test-results/dashboard/.

describe('the dashboard on a CSAT survey', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    await ensureDashboardBuilt();
    stack = await startStack();
    await stack.admin('POST', '/v1/surveys', { id: 'delivery', name: 'Delivery', brand: 'Acme', metric: 'csat', allowedOrigins: ['http://127.0.0.1:*'] });
    const scores = [5, 5, 5, 4, 4, 4, 4, 3, 3, 2, 1, 5, 4, 4, 2, 5, 4, 3, 5, 4];
    for (const [index, score] of scores.entries()) {
      const response = await fetch(`${stack.collectorUrl}/v1/responses`, {
        method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:1' },
        body: JSON.stringify({ id: `csat-browser-${String(index).padStart(4, '0')}`, surveyId: 'delivery', score, touchpoint: index % 2 ? 'checkout' : 'delivery' }),
      });
      if (response.status !== 201) throw new Error(`answer not stored: ${response.status} ${await response.text()}`);
    }
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('shows % satisfied with its interval, the CSAT groups and the 1–5 distribution, with no axe violation', async () => {
    const { page, errors } = await newPage(browser);
    await signIn(page, stack.collectorUrl, stack.adminKey);
    await page.goto(`${stack.collectorUrl}/dashboard/#/delivery/overview`);
    await page.getByText('CSAT, last 30 days').waitFor();
    await settle(page);
    // 14 of 20 answered 4 or 5.
    expect(await page.getByTestId('nps').textContent()).toBe('70%');
    expect(await page.getByRole('list', { name: 'Groups' }).textContent()).toContain('Satisfied (4–5) 70% (14)');
    expect(await page.getByRole('img', { name: /^Answers per score, 1: 1, 2: 2, 3: 3, 4: 8, 5: 6$/ }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'overview-csat');
    expect(errors).toEqual([]);
    await page.close();
  });
});
