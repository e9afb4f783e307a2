/** The whole dashboard: language, session, survey list, route → page. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { createApi, keyScope, type KeyScope } from '../api.ts';
import { SessionContext } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Comments } from '../pages/Comments.tsx';
import { Huddle } from '../pages/Huddle.tsx';
import { Inbox } from '../pages/Inbox.tsx';
import { Overview } from '../pages/Overview.tsx';
import { Settings } from '../pages/Settings.tsx';
import { SignIn } from '../pages/SignIn.tsx';
import { Surveys } from '../pages/Surveys.tsx';
import { Touchpoints } from '../pages/Touchpoints.tsx';
import { parseRoute, routeHash, type PageId } from '../routes.ts';
import { forgetKey, storedKey, storeKey } from '../session.ts';
import type { Survey } from '../types.ts';
import { useResource } from '../use-resource.ts';
import { Languages } from './Languages.tsx';
import { Loaded } from './Loaded.tsx';
import { Shell } from './Shell.tsx';

const PAGE_VIEWS: Record<PageId, () => preact.JSX.Element> = {
  overview: Overview, comments: Comments, inbox: Inbox, huddle: Huddle, touchpoints: Touchpoints, surveys: Surveys, settings: Settings,
};
// Pages that work without a chosen survey (they are not about one survey's answers).
const SURVEYLESS: ReadonlySet<PageId> = new Set(['surveys', 'settings']);

function useHash(): string {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const update = () => setHash(window.location.hash);
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return hash;
}

/** The dashboard in the viewer's language: sign-in, then the page of the current route. */
export function App(props: { baseUrl?: string; fetcher?: typeof fetch }) {
  return <Languages><Dashboard {...props} /></Languages>;
}

function Dashboard(props: { baseUrl?: string; fetcher?: typeof fetch }) {
  const [auth, setAuth] = useState<{ key: string; scope: KeyScope | null } | null>(() => {
    const key = storedKey();
    return key ? { key, scope: null } : null;
  });
  const signOut = () => {
    forgetKey();
    setAuth(null);
  };
  if (!auth) return <SignIn fetcher={props.fetcher} onSignedIn={(key, scope) => { storeKey(key); setAuth({ key, scope }); }} />;
  return <SignedIn apiKey={auth.key} scope={auth.scope} baseUrl={props.baseUrl} fetcher={props.fetcher} onScope={(scope) => setAuth({ ...auth, scope })} onSignOut={signOut} />;
}

function SignedIn(props: { apiKey: string; scope: KeyScope | null; baseUrl?: string; fetcher?: typeof fetch; onScope: (scope: KeyScope) => void; onSignOut: () => void }) {
  const { t } = useI18n();
  const api = useMemo(() => createApi(props.apiKey, props.baseUrl ?? '', props.fetcher), [props.apiKey, props.baseUrl, props.fetcher]);
  const route = parseRoute(useHash());
  const [surveys, reloadSurveys] = useResource(() => api.get<{ surveys: Survey[] }>('/v1/surveys'), [api]);
  useEffect(() => {
    // A key restored from sessionStorage: find out again whether it may write.
    if (props.scope === null) keyScope(api).then(props.onScope, props.onSignOut);
  }, [props.scope]);
  useEffect(() => {
    // Read the address as it is now, not as it was when this render began: the viewer
    // (or a test) may already have gone to another page, which must not be undone.
    const now = parseRoute(window.location.hash);
    if (surveys.status === 'ok' && !now.surveyId && surveys.data.surveys[0]) {
      window.location.replace(routeHash({ ...now, surveyId: surveys.data.surveys[0].id }));
    }
  }, [surveys, route.surveyId]);
  useEffect(() => {
    document.title = t.nav.title(t.nav.page[route.page]);
  }, [route.page, t]);

  if (props.scope === null) return <p class="muted" role="status">{t.app.checkingKey}</p>;
  return (
    <Loaded resource={surveys} what={t.app.surveys}>
      {(data) => {
        const surveyId = route.surveyId && data.surveys.some((survey) => survey.id === route.surveyId) ? route.surveyId : null;
        const Page = PAGE_VIEWS[route.page];
        const session = { api, scope: props.scope!, surveyId: surveyId ?? '', surveys: data.surveys, reloadSurveys, route };
        return (
          <SessionContext.Provider value={session}>
            <Shell route={route} surveys={data.surveys} scope={props.scope!} onSignOut={props.onSignOut}>
              {surveyId || SURVEYLESS.has(route.page) ? <Page key={surveyId} /> : (
                <p class="notice">{data.surveys.length === 0 ? t.app.noSurveys : t.app.noSuchSurvey(route.surveyId ?? '')}</p>
              )}
            </Shell>
          </SessionContext.Provider>
        );
      }}
    </Loaded>
  );
}
