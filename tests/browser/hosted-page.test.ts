import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startHostPages, type HostPages } from './support/host-pages';
import { startStack, type Stack } from './support/stack';

// The hosted survey page (/s/:surveyId) in real Chromium: a person following an email link records
// a score and writes why; another site using <img>, <iframe>, <script>, fetch or a form post records nothing.
describe('the hosted survey page, driven by people and by other sites', () => {
  let stack: Stack;
  let browser: Browser;
  let hostPages: HostPages;
  /** Another site: the host-page server reached as `localhost`, so it is cross-site to the collector on 127.0.0.1. */
  let otherSite: (html: string) => string;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
    hostPages = await startHostPages();
    otherSite = (html) => hostPages.serve(html).replace('//127.0.0.1:', '//localhost:');
  });

  afterAll(async () => {
    await browser?.close();
    await hostPages?.close();
    await stack?.close();
  });

  const answer = async (id: string) => (await stack.responses()).find((row) => row.id === id);

  /** Resolves once every request to the collector whose URL contains one of `marks` got its answer (or failed). */
  function collectorRequestsDone(page: Page, marks: string[]): Promise<void> {
    const pending = new Set(marks);
    return new Promise((resolve) => {
      const settle = (request: Request) => {
        const mark = marks.find((candidate) => request.url().includes(candidate));
        if (mark) pending.delete(mark);
        if (pending.size === 0) resolve();
      };
      page.on('requestfinished', settle);
      page.on('requestfailed', settle);
    });
  }

  /** A person clicks the email link (in a webmail on another site), then writes why on the hosted page. */
  async function answerByEmailLink(page: Page, rid: string, score: number, comment: string) {
    await page.goto(otherSite(`<a href="${stack.collectorUrl}/s/demo?score=${score}&rid=${rid}&touchpoint=email-receipt">${score}</a>`));
    await page.getByRole('link', { name: String(score) }).click();
    const why = page.getByRole('textbox', { name: 'What is the main reason for your score?' });
    await why.waitFor();
    expect(await answer(rid)).toMatchObject({ score, channel: 'link', touchpoint: 'email-receipt', comment: null });
    await why.fill(comment);
    await page.getByRole('button', { name: 'Send' }).click();
    // The thanks page: the form is gone and the status says thank you.
    await page.waitForURL(`${stack.collectorUrl}/s/demo`);
    await page.getByRole('status').getByText('Thank you for your feedback!').waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
  }

  it('a person following the link records the score, and the why form on the page updates it', async () => {
    const page = await browser.newPage();
    await answerByEmailLink(page, 'mail_click001', 9, 'Great service');
    expect(await answer('mail_click001')).toMatchObject({ score: 9, comment: 'Great service' });

    // A link opened straight in the browser (typed, or handed over by a mail app) records too.
    await page.goto(`${stack.collectorUrl}/s/demo?score=4&rid=mail_direct01`);
    await page.getByRole('textbox', { name: 'What is the main reason for your score?' }).waitFor();
    expect(await answer('mail_direct01')).toMatchObject({ score: 4, channel: 'link' });
    await page.close();
  });

  it('an <img>, <iframe>, <script> and fetch on another site record nothing', async () => {
    const page = await browser.newPage();
    const link = (rid: string, score: number) => `${stack.collectorUrl}/s/demo?score=${score}&rid=${rid}`;
    const done = collectorRequestsDone(page, ['evil_img0001', 'evil_frame001', 'evil_script01', 'evil_fetch001']);
    await page.goto(otherSite(`<!doctype html><title>Other site</title>
      <img src="${link('evil_img0001', 0)}" alt="">
      <iframe src="${link('evil_frame001', 1)}" title="embedded survey"></iframe>
      <script src="${link('evil_script01', 2)}"></script>
      <script>fetch(${JSON.stringify(link('evil_fetch001', 3))}, { mode: 'no-cors' }).catch(() => {});</script>`));
    await done;
    const stored = (await stack.responses()).map((row) => row.id);
    expect(stored.filter((id) => String(id).startsWith('evil_'))).toEqual([]);
    await page.close();
  });

  it('a form posted from another site is refused and does not rewrite a known answer', async () => {
    const page = await browser.newPage();
    await answerByEmailLink(page, 'mail_known001', 9, 'Great service');
    await page.goto(otherSite(`<!doctype html><title>Other site</title>
      <form method="post" action="${stack.collectorUrl}/s/demo">
        <input name="id" value="mail_known001"><input name="score" value="0"><input name="comment" value="Rewritten by another site">
        <button>Win a prize</button>
      </form>`));
    await page.getByRole('button', { name: 'Win a prize' }).click();
    await page.getByRole('heading', { name: 'Error 403' }).waitFor();
    expect(await page.getByText('only from its own page').count()).toBe(1);
    expect(await answer('mail_known001')).toMatchObject({ score: 9, comment: 'Great service' });
    await page.close();
  });
});
