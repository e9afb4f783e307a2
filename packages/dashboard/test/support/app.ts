/** Opens the whole dashboard on a page, signed in, against the test collector; waits for real signals, never for time. */
import { h, type ComponentChild } from 'preact';
import { afterEach, beforeEach } from 'vitest';
import type { AppOptions } from '../../../collector/src/app.ts';
import { App } from '../../src/components/App.tsx';
import { storeKey, storeName } from '../../src/session.ts';
import { ADMIN_KEY, testCollector } from './collector.ts';
import { DICTIONARIES, mount, settled, waitFor } from './render.ts';
import type { Locale } from '../../src/i18n/locales.ts';

/** The test collector. */
export type TestCollector = Awaited<ReturnType<typeof testCollector>>;

/** What `mount` gives back: the container and `unmount()`. */
export type View = ReturnType<typeof mount>;

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

/**
 * The setup every page test shares, called once at the top of a file: before each test a fresh browser state and a
 * fresh test collector (built with `options`), after it the page unmounted and the collector closed. Read `collector`
 * and `view` inside tests; a file's own `beforeEach` (seeding answers) runs after this one's.
 */
export function pageTest(options: Partial<AppOptions> = {}) {
  let collector: TestCollector | null = null;
  let view: View | null = null;
  beforeEach(async () => {
    freshBrowser();
    collector = await testCollector(options);
  });
  afterEach(async () => {
    view?.unmount();
    view = null;
    await collector?.close();
    collector = null;
  });
  return {
    /** This test's collector. */
    get collector(): TestCollector {
      if (!collector) throw new Error('pageTest: no collector outside a test');
      return collector;
    },
    /** The page or component on screen. */
    get view(): View {
      if (!view) throw new Error('pageTest: nothing is open; call open() or mount() first');
      return view;
    },
    /** Opens a page of the dashboard as `openPage` does; it is unmounted after the test. */
    async open(hash: string, openOptions: Parameters<typeof openPage>[2] = {}): Promise<View> {
      view?.unmount();
      view = await openPage(this.collector, hash, openOptions);
      return view;
    },
    /** Mounts `node` as `mount` does; it is unmounted after the test. */
    mount(node: ComponentChild, mountOptions: Parameters<typeof mount>[1] = {}): View {
      view?.unmount();
      view = mount(node, mountOptions);
      return view;
    },
    /** Replaces this test's collector with one built with other options (e.g. `retentionDays`). */
    async restart(restartOptions: Partial<AppOptions>): Promise<TestCollector> {
      await collector?.close();
      collector = await testCollector({ ...options, ...restartOptions });
      return collector;
    },
  };
}

