/** Opens the whole dashboard on a page, signed in, against the test collector; waits for real signals, never for time. */
import { h } from 'preact';
import { App } from '../../src/components/App.tsx';
import { storeKey, storeName } from '../../src/session.ts';
import { ADMIN_KEY, type testCollector } from './collector.ts';
import { DICTIONARIES, mount, settled, waitFor } from './render.ts';
import type { Locale } from '../../src/i18n/locales.ts';

/** The test collector. */
export type TestCollector = Awaited<ReturnType<typeof testCollector>>;

/** Clears what a previous test left: the key, the name, the saved language, the address. */
export function freshBrowser() {
  sessionStorage.clear();
  localStorage.clear();
  window.location.hash = '';
}

/**
 * Signs in with `key` (admin by default), goes to `hash` and resolves once the
 * page's h1 reads its name in `locale` and every resource on it has answered.
 */
export async function openPage(collector: TestCollector, hash: string, options: { key?: string; name?: string; locale?: Locale; heading?: string; fetcher?: typeof fetch } = {}) {
  storeKey(options.key ?? ADMIN_KEY);
  if (options.name) storeName(options.name);
  window.location.hash = hash;
  const view = mount(h(App, { fetcher: options.fetcher ?? collector.fetcher }));
  const page = hash.split('/')[2] as keyof typeof DICTIONARIES.en.nav.page;
  const heading = options.heading ?? DICTIONARIES[options.locale ?? 'en'].nav.page[page];
  await waitFor(() => view.container.querySelector('h1')?.textContent === heading, view.container);
  await settled(view.container);
  return view;
}

/** A fetch to the test collector that also records each request as "METHOD /path" (what the dashboard asked, in order). */
export function recording(collector: TestCollector): { fetcher: typeof fetch; requests: string[] } {
  const requests: string[] = [];
  const fetcher = ((input: RequestInfo | URL, init: RequestInit = {}) => {
    requests.push(`${init.method ?? 'GET'} ${String(input).split('?')[0]}`);
    return collector.fetcher(input, init);
  }) as typeof fetch;
  return { fetcher, requests };
}
