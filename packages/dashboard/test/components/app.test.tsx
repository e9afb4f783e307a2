import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/components/App.tsx';
import { ADMIN_KEY, testCollector } from '../support/collector.ts';
import { mount, type, waitFor } from '../support/render.ts';

let collector: Awaited<ReturnType<typeof testCollector>>;
let view: ReturnType<typeof mount> | null = null;

beforeEach(async () => {
  sessionStorage.clear();
  window.location.hash = '';
  collector = await testCollector();
});
afterEach(async () => {
  view?.unmount();
  view = null;
  await collector.close();
});

async function signIn(key: string) {
  view = mount(<App fetcher={collector.fetcher} />);
  // The dictionary loads first (its own chunk), then the form appears.
  type(await waitFor(() => view!.container.querySelector<HTMLInputElement>('#api-key'), view.container), key);
  view.container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  return view.container;
}

describe('sign-in', () => {
  it('keeps the key in sessionStorage, out of the URL, and shows the overview with n and the interval', async () => {
    for (const [index, score] of [10, 9, 9, 7, 3].entries()) await collector.answer(`answer-${index}0000`, score);
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

  it('says so when the key is wrong, and stores nothing', async () => {
    const page = await signIn('not-a-key');
    const alert = await waitFor(() => page.querySelector('[role=alert]'), page);
    expect(alert.textContent).toContain('The API key was not accepted');
    expect(sessionStorage.getItem('npsloop.apiKey')).toBeNull();
  });

  it('lets a read key see everything but disables writing, with an explanation', async () => {
    window.location.hash = '#/demo/surveys';
    const page = await signIn(collector.readKey);
    await waitFor(() => page.querySelector('form.survey-form'), page);
    expect(page.querySelector('.scope')!.textContent).toBe('read key');
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
  });
});
