/** Renders Preact into happy-dom and waits for what the user would see. */
import { h, render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { createI18n, I18nContext } from '../../src/i18n/i18n.ts';
import type { Locale } from '../../src/i18n/locales.ts';
import type { Messages } from '../../src/i18n/messages.ts';
import { de } from '../../src/i18n/messages/de.ts';
import { en } from '../../src/i18n/messages/en.ts';
import { es } from '../../src/i18n/messages/es.ts';
import { fr } from '../../src/i18n/messages/fr.ts';
import { nl } from '../../src/i18n/messages/nl.ts';

/** Every dictionary, for tests that read the words a page should show. */
export const DICTIONARIES: Record<Locale, Messages> = { en, nl, de, fr, es };

/**
 * Mounts `node` in a fresh container inside a language provider (British English
 * and UTC unless told otherwise, so dates read the same on every machine);
 * `unmount()` cleans up. `<App>` brings its own provider, which then wins.
 */
export function mount(node: ComponentChild, options: { locale?: Locale; formatLocale?: string; timeZone?: string } = {}) {
  const locale = options.locale ?? 'en';
  const i18n = createI18n(locale, DICTIONARIES[locale], options.formatLocale ?? (locale === 'en' ? 'en-GB' : locale), undefined, options.timeZone ?? 'UTC');
  const container = document.createElement('div');
  document.body.append(container);
  act(() => render(h(I18nContext.Provider, { value: i18n }, node), container));
  return { container, unmount: () => { render(null, container); container.remove(); } };
}

/** How long `waitFor` waits for its signal: generous, because a busy 2-core machine can be slow; it returns as soon as the signal comes. */
const PATIENCE_MS = 15_000;

/** Waits (re-rendering) until `check` returns a truthy value; fails with the container's text after PATIENCE_MS. */
export async function waitFor<T>(check: () => T | null | undefined | false, container?: Element): Promise<T> {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waitFor: gave up; the page says: ${container?.textContent?.slice(0, 600) ?? ''}`);
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  }
}

/** Waits until no "Loading …" line is left in `container` (every resource has answered). */
export function settled(container: Element): Promise<true> {
  return waitFor(() => container.querySelector('[data-loading]') === null && container.textContent !== '', container);
}

/** Sets an input's value and fires `input`, as typing does. */
export function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Sets a select's or input's value and fires `change`, as picking does. */
export function choose(field: HTMLSelectElement | HTMLInputElement, value: string) {
  act(() => {
    field.value = value;
    field.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** The input, select or textarea whose label starts with `name` (the label's own text, not its hints). */
export function field<T extends HTMLElement = HTMLInputElement>(container: Element, name: string): T {
  for (const label of container.querySelectorAll('label')) {
    if (!label.textContent?.trim().startsWith(name)) continue;
    const control = label.htmlFor ? container.querySelector(`#${CSS.escape(label.htmlFor)}`) : label.querySelector('input, select, textarea');
    if (control) return control as T;
  }
  const labelled = [...container.querySelectorAll('[aria-label]')].find((node) => node.getAttribute('aria-label') === name);
  if (labelled) return labelled as T;
  throw new Error(`no field "${name}"; the page says: ${container.textContent?.slice(0, 400)}`);
}

/** Picks the choice labelled `name` in a segmented control (a radio group), as a click on it does. */
export function pick(container: Element, name: string) {
  const label = [...container.querySelectorAll('.segmented label')].find((item) => item.textContent?.trim() === name);
  if (!label) throw new Error(`no choice "${name}"; the page says: ${container.textContent?.slice(0, 400)}`);
  act(() => label.querySelector('input')!.click());
}

/** Clicks the button whose text is `name` (exactly), failing with the page text when there is none. */
export function click(container: Element, name: string) {
  const button = [...container.querySelectorAll('button')].find((item) => item.textContent?.trim() === name);
  if (!button) throw new Error(`no button "${name}"; the page says: ${container.textContent?.slice(0, 400)}`);
  act(() => button.click());
  return button;
}
