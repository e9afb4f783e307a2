import { describe, expect, it } from 'vitest';
import { pageTest, recording } from '../support/app.ts';
import { choose, click, DICTIONARIES, field, type, waitFor } from '../support/render.ts';

const en = DICTIONARIES.en;
const words = en.keys;
const setup = pageTest();

interface ListedKey { id: string; name: string | null; scope: string; lastUsedAt: string | null }
const listed = async () => (await setup.collector.admin<{ keys: ListedKey[] }>('GET', '/v1/keys')).keys;
/** What `GET /v1/keys/me` answers to `secret`: its status and body. */
async function me(secret: string) {
  const response = await setup.collector.fetcher('/v1/keys/me', { headers: { authorization: `Bearer ${secret}` } });
  return { status: response.status, body: await response.json() };
}
const row = (container: Element, id: string) => container.querySelector(`tr[data-key-id="${id}"]`);
const cells = (container: Element, id: string) => [...row(container, id)!.querySelectorAll('th, td')].map((cell) => cell.textContent);
const button = (container: Element, label: string) => [...container.querySelectorAll('button')].find((item) => item.getAttribute('aria-label') === label)!;
const confirmGroup = (container: Element) => container.querySelector('[role=group].confirm');

describe('settings: API keys', { timeout: 60_000 }, () => {
  it('is the first settings section, and lists keys with name, scope, created and last used, never a secret', async () => {
    const { id } = await setup.collector.createKey('admin', 'Nightly export');
    await setup.open('#/demo/settings');
    expect(setup.view.container.querySelector('nav.sections [aria-current=page]')!.textContent).toBe(en.settings.section.keys);
    const headers = [...setup.view.container.querySelectorAll('table.keys thead th')].map((th) => th.textContent);
    expect(headers).toEqual(['Name', 'Scope', 'Created', 'Last used', 'Revoke']);
    expect(cells(setup.view.container, id)).toEqual([`Nightly export${id}`, 'admin', expect.stringMatching(/\d{4}/), 'never', 'Revoke']);
    // Newest first.
    expect(setup.view.container.querySelector('table.keys tbody tr')!.getAttribute('data-key-id')).toBe(id);
    expect(setup.view.container.textContent).not.toMatch(/npsk_/);
    // Signed in with the start-up key: it says why that key is not in the list.
    expect(setup.view.container.textContent).toContain('You are signed in with the start-up admin key (NPSLOOP_ADMIN_KEY)');
  });

  it('creates a key, shows its secret once with a plain warning, and the secret works', async () => {
    await setup.open('#/demo/settings/keys');
    const form = setup.view.container.querySelector('form.key-form')!;
    expect(field(form, words.scopes.read).checked).toBe(true);
    type(field(form, words.name), '  Support laptop ');
    choose(field(form, words.scopes.admin), 'admin');
    click(form, words.submit);
    const secret = await waitFor(() => setup.view.container.querySelector('[data-testid=secret]')?.textContent, setup.view.container);
    expect(secret).toMatch(/^npsk_/);
    const box = setup.view.container.querySelector('.secret')!;
    expect(box.textContent).toContain('Copy this key now: it will not be shown again.');
    expect(document.activeElement).toBe(box);
    const [created] = (await listed()).filter((key) => key.name === 'Support laptop');
    expect(created).toMatchObject({ scope: 'admin', lastUsedAt: null });
    expect(JSON.stringify(await listed())).not.toContain(secret);
    expect(await me(secret)).toEqual({ status: 200, body: { id: created.id, name: 'Support laptop', scope: 'admin', source: 'database' } });
    await waitFor(() => row(setup.view.container, created.id), setup.view.container);
    expect(setup.view.container.querySelector('[data-testid=keys-status]')!.textContent).toBe('Key "Support laptop" created.');

    click(box, en.common.stored);
    expect(setup.view.container.querySelector('[data-testid=secret]')).toBeNull();
    expect(setup.view.container.textContent).not.toContain(secret);
  });

  it('copies the secret with the copy button and says so', async () => {
    await setup.open('#/demo/settings/keys');
    const form = setup.view.container.querySelector('form.key-form')!;
    type(field(form, words.name), 'CI');
    click(form, words.submit);
    const secret = await waitFor(() => setup.view.container.querySelector('[data-testid=secret]')?.textContent, setup.view.container);
    click(setup.view.container, words.copy);
    await waitFor(() => setup.view.container.querySelector('.secret [role=status]')?.textContent === en.common.copied, setup.view.container);
    expect(await navigator.clipboard.readText()).toBe(secret);
  });

  it('shows the collector’s refusal of an empty name and stores nothing', async () => {
    await setup.open('#/demo/settings/keys');
    const form = setup.view.container.querySelector('form.key-form')!;
    type(field(form, words.name), '   ');
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    const alert = await waitFor(() => form.querySelector('[role=alert]'), setup.view.container);
    expect(alert.textContent).toMatch(/name/);
    expect((await listed()).map((key) => key.name)).toEqual(['dashboard-test']);
  });

  it('revokes only after confirming: Cancel and Escape keep the key and give the focus back; the revoked key is refused at once', async () => {
    const { secret, id } = await setup.collector.createKey('read', 'Wall screen');
    await setup.open('#/demo/settings/keys');
    const label = words.revokeLabel('Wall screen');
    const revoke = button(setup.view.container, label);
    revoke.focus();
    revoke.click();
    const group = await waitFor(() => confirmGroup(setup.view.container), setup.view.container);
    expect(group.getAttribute('aria-label')).toBe(label);
    expect(group.textContent).toContain(words.confirmRevoke('Wall screen'));
    expect(document.activeElement?.textContent).toBe(en.common.cancel);
    expect(revoke.getAttribute('aria-expanded')).toBe('true');
    click(group, en.common.cancel);
    await waitFor(() => !confirmGroup(setup.view.container), setup.view.container);
    expect(document.activeElement).toBe(revoke);

    revoke.click();
    const again = await waitFor(() => confirmGroup(setup.view.container), setup.view.container);
    again.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await waitFor(() => !confirmGroup(setup.view.container), setup.view.container);
    expect((await listed()).map((key) => key.id)).toContain(id);
    expect((await me(secret)).status).toBe(200);

    revoke.click();
    click(await waitFor(() => confirmGroup(setup.view.container), setup.view.container), words.confirm);
    await waitFor(() => setup.view.container.querySelector('[data-testid=keys-status]')?.textContent === 'Key "Wall screen" revoked.', setup.view.container);
    await waitFor(() => !row(setup.view.container, id), setup.view.container);
    expect(document.activeElement?.textContent).toBe(words.list);
    expect((await listed()).map((key) => key.id)).not.toContain(id);
    expect((await me(secret)).status).toBe(401);
  });

  it('warns before you revoke the key you are signed in with, then signs you out with the reason', async () => {
    const { secret, id } = await setup.collector.createKey('admin', 'My own');
    await setup.open('#/demo/settings/keys', { key: secret });
    expect(setup.view.container.textContent).not.toContain('start-up admin key');
    expect(row(setup.view.container, id)!.querySelector('.badge')!.textContent).toBe(words.yours);
    button(setup.view.container, words.revokeLabel('My own')).click();
    const group = await waitFor(() => confirmGroup(setup.view.container), setup.view.container);
    expect(group.textContent).toContain(words.confirmOwn);
    click(group, words.confirm);
    const notice = await waitFor(() => setup.view.container.querySelector('[data-testid=sign-in-notice]'), setup.view.container);
    expect(notice.textContent).toBe(en.signIn.revoked);
    expect(sessionStorage.getItem('npsloop.apiKey')).toBeNull();
    expect((await me(secret)).status).toBe(401);
  });

  it('speaks German like every other screen', async () => {
    localStorage.setItem('npsloop.locale', 'de');
    await setup.open('#/demo/settings/keys', { locale: 'de' });
    const de = DICTIONARIES.de.keys;
    expect(setup.view.container.querySelector('nav.sections [aria-current=page]')!.textContent).toBe('API-Schlüssel');
    expect([...setup.view.container.querySelectorAll('table.keys thead th')].map((th) => th.textContent))
      .toEqual([de.columns.name, de.columns.scope, de.columns.created, de.columns.lastUsed, de.columns.revoke]);
    expect(setup.view.container.querySelector('form.key-form h2')!.textContent).toBe(de.create);
    expect(setup.view.container.textContent).toContain(de.scopeName.read);
  });

  it('needs an admin key: a read key sees why, and the keys are never asked for', async () => {
    const { fetcher, requests } = recording(setup.collector);
    await setup.open('#/demo/settings/keys', { key: setup.collector.readKey, fetcher });
    expect(setup.view.container.querySelector('.notice')!.textContent).toBe(en.readOnly.settings);
    expect(setup.view.container.querySelector('form')).toBeNull();
    expect(requests).not.toContain('GET /v1/keys');
  });
});
