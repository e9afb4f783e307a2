/** Loads the viewer's language and provides it; a switch loads the new dictionary first, then swaps, and is remembered. */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { createI18n, I18nContext } from '../i18n/i18n.ts';
import { browserLanguages, DICTIONARY_FAILED, formatLocale, pickLocale, saveLocale, savedLocale, type Locale } from '../i18n/locales.ts';
import { loadMessages, type Messages } from '../i18n/messages.ts';

/** Provides the dictionary of the saved or browser language; sets `<html lang>` to match what is shown. */
export function Languages(props: { children: ComponentChildren }) {
  const [wanted, setWanted] = useState<Locale>(() => pickLocale(savedLocale(), browserLanguages()));
  const [loaded, setLoaded] = useState<{ locale: Locale; t: Messages } | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    const fallBack = () => (wanted === 'en' ? Promise.reject(new Error('no dictionary')) : loadMessages('en').then((t) => ({ locale: 'en' as const, t })));
    loadMessages(wanted).then((t) => ({ locale: wanted, t }), fallBack).then(
      (result) => current && setLoaded(result),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [wanted]);

  useEffect(() => {
    if (loaded) document.documentElement.lang = loaded.locale;
  }, [loaded]);

  const i18n = useMemo(() => loaded && createI18n(loaded.locale, loaded.t, formatLocale(loaded.locale, browserLanguages()), (locale) => {
    saveLocale(locale);
    setWanted(locale);
  }), [loaded]);

  if (!i18n) return failed ? <p class="error" role="alert" lang="en">{DICTIONARY_FAILED}</p> : null;
  return <I18nContext.Provider value={i18n}>{props.children}</I18nContext.Provider>;
}
