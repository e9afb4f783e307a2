import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startStack, type Stack } from './support/stack';
import { answer, axeViolations, ensureDashboardBuilt, go, newPage, screenshot, signIn } from './dashboard-helpers';

// Huddle mode in real Chromium: the team starts a huddle on the digest, watches the timer, makes an
// action from a theme, notes what it learned, closes the huddle, and the next one opens with that action.

describe('dashboard: a huddle from start to close, and the next one', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    await ensureDashboardBuilt();
    stack = await startStack();
    const comments = [
      [2, 'Slow delivery, the parcel took two weeks'], [3, 'Slow delivery and no tracking'], [1, 'Slow delivery again'],
      [10, 'Friendly support, solved at once'], [9, 'Friendly support team'], [8, 'Fine'],
    ] as const;
    for (const [index, [score, comment]] of comments.entries()) await answer(stack, { id: `huddle-answer-${index}`, score, comment, channel: 'web' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('runs a huddle with its timer, notes and an action, closes it, and opens the next with that action and where it stands', async () => {
    const { page, errors } = await newPage(browser);
    await signIn(page, stack.collectorUrl, stack.adminKey);
    await go(page, stack.collectorUrl, 'huddle', 'Huddle');

    await page.getByRole('button', { name: 'Start the huddle' }).click();
    await page.getByRole('heading', { name: 'Huddle in progress' }).waitFor();
    await expect.poll(() => page.getByRole('timer').textContent()).toMatch(/^1[45]:\d\d left$/);
    await page.getByText('20 min', { exact: true }).click();
    await expect.poll(() => page.getByRole('timer').textContent()).toMatch(/^(19|20):\d\d left$/);
    await page.getByText('This is the first huddle: nothing promised before.').waitFor();

    await page.getByRole('button', { name: 'Make an action from "slow delivery"' }).click();
    const form = page.getByRole('form', { name: 'New improvement action' });
    await form.getByLabel('Owner').fill('Dana');
    await form.getByRole('button', { name: 'Create action' }).click();
    const made = page.getByRole('region', { name: 'Actions from this huddle' });
    await made.getByRole('cell', { name: 'Fix: slow delivery' }).waitFor();

    const notes = page.getByRole('form', { name: 'Notes' });
    await notes.getByLabel('Attendees').fill('Dana, Eve');
    await notes.getByLabel('What did we learn?').fill('Parcels wait two days at the depot');
    await notes.getByLabel('What do staff need?').fill('Tracking links in the support tool');
    await notes.getByLabel('What did we decide?').fill('Ship from the second depot for a week');
    await notes.getByRole('button', { name: 'Save notes' }).click();
    await page.getByRole('status').filter({ hasText: 'Notes saved.' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'huddle-running');

    await page.getByRole('button', { name: 'Close the huddle' }).click();
    await page.getByRole('status').filter({ hasText: /^Huddle of .+ closed and kept\.$/ }).waitFor();
    const kept = await fetch(`${stack.collectorUrl}/v1/surveys/demo/huddles`, { headers: { authorization: `Bearer ${stack.adminKey}` } });
    const [first] = (await kept.json()).huddles;
    expect(first).toMatchObject({ state: 'closed', attendees: ['Dana', 'Eve'], learned: 'Parcels wait two days at the depot', decisions: 'Ship from the second depot for a week', actions: 1 });

    await page.getByRole('button', { name: 'Start the huddle' }).click();
    const previous = page.getByRole('region', { name: /^Promised at the huddle of .+: where each stands$/ });
    await previous.getByRole('cell', { name: 'Fix: slow delivery' }).waitFor();
    const row = previous.getByRole('row', { name: /Fix: slow delivery/ });
    expect(await row.getByRole('cell', { name: 'Dana' }).count()).toBe(1);
    expect(await row.getByText('proposed', { exact: true }).count()).toBe(1);
    await row.getByRole('button', { name: 'Start' }).click();
    await row.getByText('in progress', { exact: true }).waitFor();
    await screenshot(page, 'huddle-next');
    expect(errors).toEqual([]);
  });
});
