/** The signed-in frame: brand, survey picker, navigation, who you are, sign out. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { KeyScope } from '../api.ts';
import { PAGES, routeHash, type Route } from '../routes.ts';
import { storedName, storeName } from '../session.ts';
import type { Survey } from '../types.ts';

/** Header and navigation around a page. */
export function Shell(props: { route: Route; surveys: Survey[]; scope: KeyScope; onSignOut: () => void; children: ComponentChildren }) {
  const { route } = props;
  const [name, setName] = useState(storedName());
  return (
    <div class={`shell page-${route.page}`}>
      <a class="skip" href="#main">Skip to content</a>
      <header class="top">
        <span class="brand-mark">npsloop</span>
        <label class="survey-picker">
          <span class="visually-hidden">Survey</span>
          <select value={route.surveyId ?? ''} onChange={(e) => { window.location.hash = routeHash({ ...route, surveyId: e.currentTarget.value }); }}>
            {props.surveys.map((survey) => <option key={survey.id} value={survey.id}>{survey.name}{survey.active ? '' : ' (paused)'}</option>)}
          </select>
        </label>
        <nav aria-label="Pages">
          <ul>
            {PAGES.map((page) => (
              <li key={page.id}>
                <a href={routeHash({ ...route, page: page.id })} aria-current={page.id === route.page ? 'page' : undefined}>{page.label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who">
          <label><span class="visually-hidden">Your name (for notes and assignments)</span>
            <input class="name" placeholder="Your name" value={name} maxLength={100}
              onInput={(e) => { setName(e.currentTarget.value); storeName(e.currentTarget.value); }} /></label>
          <span class={`scope ${props.scope}`} title={props.scope === 'read' ? 'This key can read but not change anything' : 'This key can read and change'}>{props.scope} key</span>
          <button type="button" class="link" onClick={props.onSignOut}>Sign out</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>{props.children}</main>
    </div>
  );
}
