import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startStack, type Stack } from './support/stack';

// One real answer travels the whole path: a visitor on the example page picks
// a score and writes why; the collector stores it; the summary counts it once.
describe('one answer, end to end', () => {
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

  it('is counted once in the summary with its comment stored', async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${stack.examplesUrl}/plain-html/`);
    const scale = page.getByRole('radiogroup', { name: /How likely are you to recommend/ });
    await scale.waitFor();
    expect(await scale.getByRole('radio').count()).toBe(11);

    await scale.getByRole('radio', { name: '9', exact: true }).click();
    const why = page.getByRole('textbox', { name: 'What is the main reason for your score?' });
    await why.fill('Setup took two minutes and the docs were clear.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Thank you for your feedback!').waitFor();

    // The comment update may still be on the wire when the thanks shows; poll the API as a user would.
    await expect.poll(async () => (await stack.responses())[0]?.comment, { timeout: 30_000 }).toBe(
      'Setup took two minutes and the docs were clear.',
    );
    const summary = await stack.summary('demo');
    expect(summary).toMatchObject({
      surveyId: 'demo',
      n: 1,
      nps: 100,
      promoters: { count: 1, percent: 100 },
      passives: { count: 0, percent: 0 },
      detractors: { count: 0, percent: 0 },
      interval: { level: 0.95, method: 'adjusted-wald' },
    });
    expect(summary.distribution).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);

    const rows = await stack.responses();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ survey_id: 'demo', score: 9 });
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
