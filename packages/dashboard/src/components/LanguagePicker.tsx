/** The language switch: every language named in itself; the choice is remembered for the next visit. */
import { useI18n } from '../i18n/i18n.ts';
import { LANGUAGE_NAMES, LOCALES, isLocale } from '../i18n/locales.ts';

/** A labelled select of the dashboard's languages. */
export function LanguagePicker() {
  const { t, locale, setLocale } = useI18n();
  return (
    <label class="language-picker">
      <span class="visually-hidden">{t.nav.language}</span>
      <select value={locale} onChange={(event) => { const value = event.currentTarget.value; if (isLocale(value)) setLocale(value); }}>
        {LOCALES.map((code) => <option key={code} value={code} lang={code}>{LANGUAGE_NAMES[code]}</option>)}
      </select>
    </label>
  );
}
