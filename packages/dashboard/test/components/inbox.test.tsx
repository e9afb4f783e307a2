import { beforeEach, describe, expect, it } from 'vitest';
import { pageTest } from '../support/app.ts';
import { App } from '../../src/components/App.tsx';
import { storeKey, storeName } from '../../src/session.ts';
import { ADMIN_KEY } from '../support/collector.ts';
import { type, waitFor } from '../support/render.ts';

const setup = pageTest();

beforeEach(async () => {
  await setup.collector.answer('first-0001', 2, 'Parcel never arrived', 'ann@example.com');
  await setup.collector.answer('second-001', 5, 'Checkout is slow');
  await setup.collector.answer('happy-0001', 10, 'Great');
  window.location.hash = '#/demo/inbox';
});

const press = (key: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
const selected = () => document.querySelector('.loop-row[aria-current=true]')?.getAttribute('data-response-id');

async function openInbox(key: string, name = 'Robin') {
  storeKey(key);
  storeName(name);
  setup.mount(<App fetcher={setup.collector.fetcher} />);
  await waitFor(() => setup.view.container.querySelectorAll('.loop-row').length === 2, setup.view.container);
  return setup.view.container;
}

describe('loop inbox', () => {
  it('lists detractors only, oldest first, with contact details only when consented', async () => {
    const page = await openInbox(ADMIN_KEY);
    expect([...page.querySelectorAll('.loop-comment')].map((node) => node.textContent)).toEqual(['Parcel never arrived', 'Checkout is slow']);
    expect(selected()).toBe('first-0001');
    await waitFor(() => page.querySelector('.facts a[href="mailto:ann@example.com"]'), page);
    expect(page.querySelector('.facts')!.textContent).toContain('due in');
  });

  it('moves with j and k and works the loop with a, c and r', async () => {
    const page = await openInbox(ADMIN_KEY);
    press('j');
    await waitFor(() => selected() === 'second-001', page);
    expect(page.querySelector('.facts')!.textContent).toContain('No consent to contact');
    press('k');
    await waitFor(() => selected() === 'first-0001', page);
    const status = () => page.querySelector('[data-testid=inbox-status]')!.textContent;
    press('a');
    await waitFor(() => status() === 'Assigned to Robin.', page);
    press('c');
    await waitFor(() => status() === 'Marked contacted.', page);
    await waitFor(() => page.querySelector('.loop-detail .state')?.textContent === 'contacted', page);
    press('r');
    await waitFor(() => status() === 'Marked resolved.', page);
    const loop = await (await setup.collector.fetcher('/v1/responses/first-0001/loop', { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json();
    expect(loop).toMatchObject({ state: 'resolved', assignee: 'Robin' });
    await waitFor(() => page.querySelectorAll('.loop-row').length === 1, page);
  });

  it('assigns by the name the viewer gave, and asks for one rather than storing a word like "me"', async () => {
    const page = await openInbox(ADMIN_KEY, '');
    await waitFor(() => page.querySelector('.loop-actions'), page);
    const assign = [...page.querySelectorAll<HTMLButtonElement>('.loop-actions button')].find((button) => button.textContent!.startsWith('Assign to me'))!;
    expect(assign.textContent).toBe('Assign to me (give your name first)');
    expect(assign.disabled).toBe(true);
    press('a');
    await waitFor(() => page.querySelector('.loop-detail [role=alert]')?.textContent === 'Give your name first (top of the page), so the team sees who has this loop.', page);
    const loop = await (await setup.collector.fetcher('/v1/responses/first-0001/loop', { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json();
    expect(loop.assignee).toBeNull();
  });

  it('shows the shortcuts on ?', async () => {
    const page = await openInbox(ADMIN_KEY);
    press('?');
    await waitFor(() => page.querySelector('[aria-label="Keyboard shortcuts"]'), page);
  });

  it('refuses changes with a read key, saying why', async () => {
    const page = await openInbox(setup.collector.readKey);
    await waitFor(() => page.querySelector('.loop-actions'), page);
    expect((page.querySelector('.loop-actions') as HTMLFieldSetElement).disabled).toBe(true);
    expect(page.textContent).toContain('Read-only: your key can see everything but cannot change loops or add notes');
    press('c');
    await waitFor(() => page.querySelector('.loop-detail [role=alert]')?.textContent === 'Read-only key: changes need an admin key.', page);
  });
});

describe('loop tags and exclusion', () => {
  it('saves tags as slugs, and excluding a test answer takes it out of the queue until "Show excluded"', async () => {
    const page = await openInbox(ADMIN_KEY);
    const tags = page.querySelector<HTMLInputElement>('.loop-tags input:not([type])')!;
    type(tags, 'Billing, VIP customer');
    page.querySelector('form.loop-tags')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await waitFor(() => page.querySelector('[data-testid=inbox-status]')!.textContent === 'Tags saved.', page);
    const stored = async () => (await (await setup.collector.fetcher('/v1/responses/first-0001/loop', { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json());
    expect(await stored()).toMatchObject({ tags: ['billing', 'vip-customer'], excluded: false });
    const summary = async () => (await (await setup.collector.fetcher('/v1/surveys/demo/summary', { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json());

    const exclude = () => page.querySelector<HTMLInputElement>('.loop-detail .loop-tags input[type=checkbox]')!;
    exclude().click();
    await waitFor(() => page.querySelector('[data-testid=inbox-status]')!.textContent === 'Excluded from the figures.', page);
    await waitFor(() => page.querySelectorAll('.loop-row').length === 1, page);
    expect(await stored()).toMatchObject({ excluded: true });
    expect((await summary()).n).toBe(2);
    // The excluded loop stays in the panel, ticked, saying why it left the list: the next loop never slides in
    // under the pointer (a second click there would exclude someone else's answer).
    expect(page.querySelector('.loop-detail .quote')!.textContent).toContain('Parcel never arrived');
    expect(exclude().checked).toBe(true);
    expect(page.querySelector('[data-testid=left-list]')!.textContent).toBe('Not in this list any more: it stays here until you pick another loop.');
    expect(selected()).toBeUndefined();

    // Undone where it was made: counted again, and back in the list.
    exclude().click();
    await waitFor(() => page.querySelector('[data-testid=inbox-status]')!.textContent === 'Counted in the figures again.', page);
    await waitFor(() => page.querySelectorAll('.loop-row').length === 2, page);
    expect(await stored()).toMatchObject({ excluded: false });
    expect((await summary()).n).toBe(3);
    expect(selected()).toBe('first-0001');
    expect(page.querySelector('[data-testid=left-list]')).toBeNull();
    exclude().click();
    await waitFor(() => page.querySelectorAll('.loop-row').length === 1, page);

    [...page.querySelectorAll('label.check')].find((label) => label.textContent === 'Show excluded')!.querySelector('input')!.click();
    await waitFor(() => page.querySelector('.loop-row[data-response-id="first-0001"] .badge')?.textContent === 'excluded', page);
  });
});
