import { describe, expect, it } from 'vitest';
import { App } from '../../src/components/App.tsx';
import { storeKey } from '../../src/session.ts';
import { pageTest, recording } from '../support/app.ts';
import { ADMIN_KEY } from '../support/collector.ts';
import { DICTIONARIES, type, waitFor } from '../support/render.ts';

const en = DICTIONARIES.en;
const setup = pageTest();

async function signIn(key: string, fetcher: typeof fetch = setup.collector.fetcher) {
  setup.mount(<App fetcher={fetcher} />);
  // The dictionary loads first (its own chunk), then the form appears.
  type(await waitFor(() => setup.view.container.querySelector<HTMLInputElement>('#api-key'), setup.view.container), key);
  setup.view.container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  return setup.view.container;
}

/** A fetch that fails the way a browser's does when nothing answers (collector down, offline). */
const unreachable = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;

describe('sign-in', { timeout: 60_000 }, () => {
  it('keeps the key in sessionStorage, out of the URL, and shows the overview with n and the interval', async () => {
    for (const [index, score] of [10, 9, 9, 7, 3].entries()) await setup.collector.answer(`answer-${index}0000`, score);
    const page = await signIn(ADMIN_KEY);
    await waitFor(() => page.querySelector('[data-testid=nps]'), page);
    expect(sessionStorage.getItem('npsloop.apiKey')).toBe(ADMIN_KEY);
    expect(window.location.href).not.toContain(ADMIN_KEY);
    expect(window.location.hash).toBe('#/demo/overview');
    const headline = await waitFor(() => page.querySelector('.headline')?.textContent?.includes('n = 5') && page.querySelector('.headline')!.textContent, page);
    expect(page.querySelector('[data-testid=nps]')!.textContent).toBe('+40');
    expect(headline).toMatch(/95% CI .+ to .+ · n = 5/);
    expect(page.querySelector('.scope')!.textContent).toBe('admin key');
  });

  it('asks GET /v1/keys/me what the key may do, and writes nothing to find out', async () => {
    const { fetcher, requests } = recording(setup.collector);
    const page = await signIn(setup.collector.readKey, fetcher);
    await waitFor(() => page.querySelector('.top nav'), page);
    expect(requests[0]).toBe('GET /v1/keys/me');
    expect(requests.filter((request) => !request.startsWith('GET '))).toEqual([]);
  });

  it('says the collector does not know a wrong key (and that a revoked one is refused the same way), and stores nothing', async () => {
    const page = await signIn('not-a-key');
    const alert = await waitFor(() => page.querySelector('[role=alert]'), page);
    expect(alert.textContent).toBe(en.signIn.unknownKey);
    expect(page.querySelector('#api-key')!.getAttribute('aria-invalid')).toBe('true');
    expect(sessionStorage.getItem('npsloop.apiKey')).toBeNull();
  });

  it('refuses a key that was revoked before signing in, with the same words', async () => {
    const { secret, id } = await setup.collector.createKey('admin', 'Old laptop');
    await setup.collector.admin('DELETE', `/v1/keys/${id}`);
    const page = await signIn(secret);
    const alert = await waitFor(() => page.querySelector('[role=alert]'), page);
    expect(alert.textContent).toBe(en.signIn.unknownKey);
    expect(sessionStorage.getItem('npsloop.apiKey')).toBeNull();
  });

  it('says when the collector cannot be reached, naming where it looked, and keeps the form', async () => {
    const page = await signIn(ADMIN_KEY, unreachable);
    const alert = await waitFor(() => page.querySelector('[role=alert]'), page);
    expect(alert.textContent).toBe(en.signIn.unreachable(window.location.origin));
    expect(page.querySelector<HTMLInputElement>('#api-key')!.value).toBe(ADMIN_KEY);
    expect(sessionStorage.getItem('npsloop.apiKey')).toBeNull();
  });

  it('signs out with "your key stopped working" when the key is revoked while in use', async () => {
    const { secret, id } = await setup.collector.createKey('read', 'Wall screen');
    const page = await signIn(secret);
    await waitFor(() => page.querySelector('.top nav'), page);
    expect(page.querySelector('.scope')!.textContent).toBe('read key · Wall screen');
    await setup.collector.admin('DELETE', `/v1/keys/${id}`);
    window.location.hash = '#/demo/comments';
    const notice = await waitFor(() => page.querySelector('[data-testid=sign-in-notice]'), page);
    expect(notice.textContent).toBe(en.signIn.revoked);
    expect(notice.getAttribute('role')).toBe('alert');
    expect(sessionStorage.getItem('npsloop.apiKey')).toBeNull();
  });

  it('a key kept in the tab is asked about again; when the collector is out of reach it offers to try again', async () => {
    let reachable = false;
    const fetcher = ((input: RequestInfo | URL, init?: RequestInit) => (reachable ? setup.collector.fetcher(input, init) : unreachable(input, init))) as typeof fetch;
    storeKey(setup.collector.readKey);
    setup.mount(<App fetcher={fetcher} />);
    const alert = await waitFor(() => setup.view.container.querySelector('[role=alert]'), setup.view.container);
    expect(alert.textContent).toBe(en.signIn.unreachable(window.location.origin));
    reachable = true;
    [...setup.view.container.querySelectorAll('button')].find((button) => button.textContent === en.signIn.retry)!.click();
    await waitFor(() => setup.view.container.querySelector('.scope')?.textContent === 'read key · dashboard-test', setup.view.container);
  });

  it('lets a read key see everything but disables writing, with an explanation', async () => {
    window.location.hash = '#/demo/surveys';
    const page = await signIn(setup.collector.readKey);
    await waitFor(() => page.querySelector('form.survey-form'), page);
    expect(page.querySelector('.scope')!.textContent).toBe('read key · dashboard-test');
    expect(page.textContent).toContain('Read-only: your key can see everything but cannot create or edit surveys');
    expect([...page.querySelectorAll<HTMLFieldSetElement>('form.survey-form fieldset')].every((fieldset) => fieldset.disabled)).toBe(true);
    expect(page.querySelector('[data-testid=snippet]')!.textContent).toContain('data-survey="demo"');
  });

  it('signs out by forgetting the key', async () => {
    const page = await signIn(ADMIN_KEY);
    const button = await waitFor(() => [...page.querySelectorAll('button')].find((b) => b.textContent === 'Sign out'), page);
    button.click();
    await waitFor(() => page.querySelector('#api-key'), page);
    expect(sessionStorage.getItem('npsloop.apiKey')).toBeNull();
    expect(page.querySelector('[data-testid=sign-in-notice]')).toBeNull();
  });
});
