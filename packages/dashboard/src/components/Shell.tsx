/** The signed-in frame: brand, survey picker, navigation, language, who you are, sign out. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { CallingKey } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { PAGES, routeHash, type Route } from '../routes.ts';
import { storedName, storeName } from '../session.ts';
import type { Survey } from '../types.ts';
import { LanguagePicker } from './LanguagePicker.tsx';

/** Header and navigation around a page. */
export function Shell(props: { route: Route; surveys: Survey[]; me: CallingKey; onSignOut: () => void; children: ComponentChildren }) {
  const { t } = useI18n();
  const { route, me } = props;
  const [name, setName] = useState(storedName());
  return (
    <div class={`shell page-${route.page}`}>
      <a class="skip" href="#main">{t.nav.skip}</a>
      <header class="top">
        <span class="brand-mark">npsloop</span>
        <label class="survey-picker">
          <span class="visually-hidden">{t.nav.survey}</span>
          <select value={route.surveyId ?? ''} onChange={(e) => { window.location.hash = routeHash({ ...route, surveyId: e.currentTarget.value }); }}>
            {props.surveys.map((survey) => <option key={survey.id} value={survey.id}>{survey.active ? survey.name : t.nav.paused(survey.name)}</option>)}
          </select>
        </label>
        <nav aria-label={t.nav.pages}>
          <ul>
            {PAGES.map((page) => (
              <li key={page}>
                <a href={routeHash({ surveyId: route.surveyId, page })} aria-current={page === route.page ? 'page' : undefined}>{t.nav.page[page]}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who">
          <LanguagePicker />
          <label><span class="visually-hidden">{t.nav.yourName}</span>
            <input class="name" placeholder={t.nav.namePlaceholder} value={name} maxLength={100}
              onInput={(e) => { setName(e.currentTarget.value); storeName(e.currentTarget.value); }} /></label>
          <span class={`scope ${me.scope}`} title={t.nav.scopeTitle[me.scope]}>
            {t.nav.scope[me.scope]}{me.source === 'database' && me.name ? <span class="key-name">{` · ${me.name}`}</span> : null}
          </span>
          <button type="button" class="link" onClick={props.onSignOut}>{t.nav.signOut}</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>{props.children}</main>
    </div>
  );
}
