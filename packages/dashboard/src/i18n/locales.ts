/** The dashboard's languages: which one a viewer gets, and remembering their choice. */

/** Languages the dashboard speaks, in the order the picker lists them. */
export const LOCALES = ['en', 'nl', 'de', 'fr', 'es'] as const;

/** A dashboard language. */
export type Locale = (typeof LOCALES)[number];

/** Each language's name in that language (the same in every dictionary, so it lives here). */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', nl: 'Nederlands', de: 'Deutsch', fr: 'Français', es: 'Español' };

/** Shown (in English) only when not even the English dictionary could be downloaded. */
export const DICTIONARY_FAILED = 'The dashboard could not load its text. Check the connection and reload the page.';

const STORAGE_KEY = 'npsloop.locale';

const primary = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0];

/** True for a language the dashboard speaks. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The viewer's saved choice first, then the browser's languages in order (`nl-BE` → `nl`); English when none matches. */
export function pickLocale(saved: string | null, browserLanguages: readonly string[]): Locale {
  if (isLocale(saved)) return saved;
  for (const tag of browserLanguages) {
    const language = primary(tag);
    if (isLocale(language)) return language;
  }
  return 'en';
}

/**
 * The locale numbers and dates are formatted in: the browser's own tag when it is
 * the same language (`en-US` keeps "Mar 3", `nl-BE` its own conventions), else the
 * dashboard language itself.
 */
export function formatLocale(locale: Locale, browserLanguages: readonly string[]): string {
  const match = browserLanguages.find((tag) => primary(tag) === locale);
  if (!match) return locale;
  try {
    return Intl.getCanonicalLocales(match)[0] ?? locale;
  } catch {
    return locale;
  }
}

/** The browser's preferred languages, most preferred first. */
export function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language].filter(Boolean);
}

/** The language the viewer picked earlier (kept across visits), or null. */
export function savedLocale(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Remembers the viewer's language for their next visits. */
export function saveLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage blocked: the choice holds for this visit only.
  }
}
