import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startHostPages, type HostPages } from './support/host-pages';
import { startStack, type Stack } from './support/stack';
import { axeViolations, screenshot } from './dashboard-helpers';

// Personal links (POST /v1/surveys/:id/links) clicked in real Chromium from a webmail on another site:
// the hosted page records the score for the link's recipient, asks why and consent, and a second click updates the answer.
describe('personal links through the hosted page', () => {
  let stack: Stack;
  let browser: Browser;
  let hostPages: HostPages;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
    hostPages = await startHostPages();
  });

  afterAll(async () => {
    await browser?.close();
    await hostPages?.close();
    await stack?.close();
  });

  /** A webmail page on another site (`localhost`, cross-site to the collector on 127.0.0.1) with the link's 0–10 row. */
  const webmail = (url: string) => hostPages.serve(`<!doctype html><title>Inbox</title><p>How likely…</p>${
    Array.from({ length: 11 }, (_, score) => `<a href="${url}&amp;score=${score}">${score}</a>`).join(' ')}`).replace('//127.0.0.1:', '//localhost:');

  it('a recipient clicks a score, writes why and agrees to be contacted; a second click updates the same answer', async () => {
    const { links } = await stack.admin('POST', '/v1/surveys/demo/links', {
      recipients: [{ email: 'ann@example.com', userId: 'cust-17', traits: { plan: 'pro' } }], touchpoint: 'renewal', channel: 'email',
    }) as { links: { url: string }[] };
    const page = await browser.newPage();
    await page.goto(webmail(links[0].url));
    await page.getByRole('link', { name: '2', exact: true }).click();
    const why = page.getByRole('textbox', { name: 'What is the main reason for your score?' });
    await why.waitFor();
    const [stored] = (await stack.responses()).filter((row) => row.email === 'ann@example.com');
    expect(stored).toMatchObject({ score: 2, user_id: 'cust-17', touchpoint: 'renewal', channel: 'email', comment: null, consent: null });
    expect(await axeViolations(page)).toEqual([]);
    await why.fill('The invoice was wrong twice');
    await page.getByRole('checkbox', { name: 'May we contact you about your answer?' }).check();
    await screenshot(page, 'personal-link-why-and-consent');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('status').getByText('Thank you for your feedback!').waitFor();

    await page.goto(webmail(links[0].url));
    await page.getByRole('link', { name: '7', exact: true }).click();
    await why.waitFor();
    const mine = (await stack.responses()).filter((row) => row.email === 'ann@example.com');
    expect(mine).toMatchObject([{ id: stored.id, score: 7, comment: 'The invoice was wrong twice', consent: 1, properties: '{"plan":"pro"}' }]);
    await page.close();
  });

  it('a changed link shows a page that says so, and stores nothing', async () => {
    const { links } = await stack.admin('POST', '/v1/surveys/demo/links', { recipients: [{ email: 'bob@example.com' }] }) as { links: { url: string }[] };
    const token = new URL(links[0].url).searchParams.get('t')!;
    const changed = links[0].url.replace(token, token.slice(0, 5) + (token[5] === 'a' ? 'b' : 'a') + token.slice(6));
    const page = await browser.newPage();
    await page.goto(webmail(changed));
    await page.getByRole('link', { name: '9', exact: true }).click();
    await page.getByRole('heading', { name: 'This survey link is not valid' }).waitFor();
    expect(await page.getByText('Nothing was recorded.').count()).toBe(1);
    expect((await stack.responses()).filter((row) => row.email === 'bob@example.com')).toEqual([]);
    await page.close();
  });
});
