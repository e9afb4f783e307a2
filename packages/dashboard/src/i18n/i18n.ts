/** The viewer's language in the component tree: the dictionary, the formatter and the switch. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { createFormatter, type Formatter } from './formatter.ts';
import type { Locale } from './locales.ts';
import type { Messages } from './messages.ts';

/** What every component reads to show text, numbers and dates. */
export interface I18n {
  locale: Locale;
  t: Messages;
  fmt: Formatter;
  setLocale: (locale: Locale) => void;
}

/** Provided by `<Languages>` once the dictionary has loaded. */
export const I18nContext = createContext<I18n | null>(null);

/** An I18n value for a dictionary (the provider and the tests build it the same way). */
export function createI18n(locale: Locale, t: Messages, formatLocale: string, setLocale: (locale: Locale) => void = () => undefined, timeZone?: string): I18n {
  return { locale, t, fmt: createFormatter(formatLocale, t, timeZone), setLocale };
}

/** The current language; components render only inside `<Languages>`. */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n: outside <Languages>');
  return i18n;
}
