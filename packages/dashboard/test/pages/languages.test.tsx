import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageTest } from '../support/app.ts';
import { App } from '../../src/components/App.tsx';
import { choose, DICTIONARIES, field, waitFor } from '../support/render.ts';

const setup = pageTest();
const original = Object.getOwnPropertyDescriptor(window.navigator, 'languages');

/** The browser's language preferences, as a visitor's settings would give them. */
function browserPrefers(...languages: string[]) {
  Object.defineProperty(window.navigator, 'languages', { value: languages, configurable: true });
}

beforeEach(async () => {
  for (const [index, score] of [10, 9, 9, 10, 7, 3, 10].entries()) await setup.collector.answer(`lang-${index}00000`, score, score < 7 ? 'Te traag' : undefined);
});
afterEach(async () => {
  if (original) Object.defineProperty(window.navigator, 'languages', original);
  else delete (window.navigator as { languages?: unknown }).languages;
  document.documentElement.lang = 'en';
});

describe('languages', { timeout: 60_000 }, () => {
  it('speaks the browser’s language, with <html lang> to match and numbers written its way', async () => {
    browserPrefers('nl-BE', 'en');
    await setup.open('#/demo/overview', { locale: 'nl' });
    expect(document.documentElement.lang).toBe('nl');
    expect(setup.view.container.querySelector('.headline-label')!.textContent).toBe('NPS, laatste 30 dagen');
    expect(setup.view.container.querySelector('[data-testid=nps]')!.textContent).toBe('+57,1');
    expect(setup.view.container.querySelector('.headline-meta')!.textContent).toMatch(/^95%-BI [+\u2212]\d+(,\d)? tot \+\d+(,\d)? · n = 7$/);
    expect(document.title).toBe('Overzicht · npsloop');
  });

  it('switches language from the header, re-renders everything, and remembers the choice', async () => {
    browserPrefers('en-GB');
    await setup.open('#/demo/touchpoints');
    choose(field<HTMLSelectElement>(setup.view.container, 'Language'), 'de');
    await waitFor(() => setup.view.container.querySelector('h1')?.textContent === 'Kontaktpunkte', setup.view.container);
    expect(document.documentElement.lang).toBe('de');
    expect(localStorage.getItem('npsloop.locale')).toBe('de');
    expect(setup.view.container.querySelector('nav[aria-label=Seiten]')!.textContent).toContain('Nachfassen');
    expect(setup.view.container.querySelector('table.segments thead')!.textContent).toContain('Antworten');
    setup.view.unmount();
    // The next visit opens in German although the browser still prefers English.
    await setup.open('#/demo/overview', { locale: 'de' });
    expect(setup.view.container.querySelector('.headline-label')!.textContent).toBe('NPS, letzte 30 Tage');
  });

  it.each(['fr', 'es'] as const)('shows the sign-in page in %s', async (locale) => {
    browserPrefers(locale);
    sessionStorage.clear();
    setup.mount(<App fetcher={setup.collector.fetcher} />);
    await waitFor(() => setup.view.container.querySelector('h1')?.textContent === DICTIONARIES[locale].signIn.title, setup.view.container);
    expect(document.documentElement.lang).toBe(locale);
    expect(setup.view.container.querySelector('label[for=api-key]')!.textContent).toBe(DICTIONARIES[locale].signIn.key);
  });
});
