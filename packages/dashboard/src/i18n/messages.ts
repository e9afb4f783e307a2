/** Loads a language's dictionary on demand: each one is its own chunk, so a viewer downloads only theirs. */
import type { en } from './messages/en.ts';
import type { enSettings } from './messages/en-settings.ts';
import type { Locale } from './locales.ts';

/** Every string of the dashboard; English is the source, the other languages have the same shape. */
export type Messages = typeof en;

/** The settings area's strings (a file of their own per language). */
export type SettingsMessages = typeof enSettings;

const LOADERS: Record<Locale, () => Promise<Messages>> = {
  en: () => import('./messages/en.ts').then((module) => module.en),
  nl: () => import('./messages/nl.ts').then((module) => module.nl),
  de: () => import('./messages/de.ts').then((module) => module.de),
  fr: () => import('./messages/fr.ts').then((module) => module.fr),
  es: () => import('./messages/es.ts').then((module) => module.es),
};

/** The dictionary of `locale`. */
export function loadMessages(locale: Locale): Promise<Messages> {
  return LOADERS[locale]();
}
