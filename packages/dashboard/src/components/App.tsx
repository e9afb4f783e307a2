/** The whole dashboard: language, session, survey list, route → page. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createApi, whoAmI, type CallingKey } from '../api.ts';
import { SessionContext } from '../context.ts';
import { keyProblem, signInText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Comments } from '../pages/Comments.tsx';
import { Huddle } from '../pages/Huddle.tsx';
import { Inbox } from '../pages/Inbox.tsx';
import { Invite } from '../pages/Invite.tsx';
import { Overview } from '../pages/Overview.tsx';
import { Settings } from '../pages/Settings.tsx';
import { SignIn, type SignInNotice } from '../pages/SignIn.tsx';
import { Surveys } from '../pages/Surveys.tsx';
import { Journey } from '../pages/Journey.tsx';
import { Teams } from '../pages/Teams.tsx';
import { Touchpoints } from '../pages/Touchpoints.tsx';
import { parseRoute, routeHash, type PageId } from '../routes.ts';
import { forgetKey, storedKey, storeKey } from '../session.ts';
import type { Survey } from '../types.ts';
import { useResource } from '../use-resource.ts';
import { Languages } from './Languages.tsx';
import { Loaded } from './Loaded.tsx';
import { Shell } from './Shell.tsx';

const PAGE_VIEWS: Record<PageId, () => preact.JSX.Element> = {
  overview: Overview, comments: Comments, inbox: Inbox, huddle: Huddle, invite: Invite, touchpoints: Touchpoints, journey: Journey, teams: Teams, surveys: Surveys, settings: Settings,
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
  const [auth, setAuth] = useState<{ key: string; me: CallingKey | null } | null>(() => {
    const key = storedKey();
    return key ? { key, me: null } : null;
  });
  const [notice, setNotice] = useState<SignInNotice | null>(null);
  const signOut = (why: SignInNotice | null = null) => {
    forgetKey();
    setAuth(null);
    setNotice(why);
  };
  if (!auth) {
    return <SignIn notice={notice} baseUrl={props.baseUrl} fetcher={props.fetcher} onSignedIn={(key, me) => { storeKey(key); setNotice(null); setAuth({ key, me }); }} />;
  }
  return (
    <SignedIn apiKey={auth.key} me={auth.me} baseUrl={props.baseUrl} fetcher={props.fetcher}
      onMe={(me) => setAuth({ ...auth, me })} onSignOut={() => signOut()} onRevoked={() => signOut('revoked')} />
  );
}

interface SignedInProps {
  apiKey: string;
  /** What the collector said about the key; null for a key restored from sessionStorage, until it is asked again. */
  me: CallingKey | null;
  baseUrl?: string;
  fetcher?: typeof fetch;
  onMe: (me: CallingKey) => void;
  onSignOut: () => void;
  /** The collector refused the key that signed in: it has been revoked. */
  onRevoked: () => void;
}

function SignedIn(props: SignedInProps) {
  const { t } = useI18n();
  const revoked = useRef(props.onRevoked);
  revoked.current = props.onRevoked;
  const api = useMemo(() => createApi(props.apiKey, props.baseUrl ?? '', props.fetcher, () => revoked.current()), [props.apiKey, props.baseUrl, props.fetcher]);
  const route = parseRoute(useHash());
  const [surveys, reloadSurveys] = useResource(() => api.get<{ surveys: Survey[] }>('/v1/surveys'), [api]);
  const [checkFailed, setCheckFailed] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    // A key restored from sessionStorage: ask again what it may do (a refusal signs out through the api's onRefused).
    if (props.me !== null) return;
    setCheckFailed(null);
    whoAmI(api).then(props.onMe, (error: unknown) => {
      if (keyProblem(error) !== 'unknown-key') setCheckFailed(error);
    });
  }, [props.me, round]);
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

  const me = props.me;
  if (me === null) {
    if (checkFailed === null) return <p class="muted" role="status">{t.app.checkingKey}</p>;
    return (
      <main class="sign-in">
        <div class="card">
          <p class="error" role="alert">{signInText(checkFailed, t, props.baseUrl || window.location.origin)}</p>
          <div class="row">
            <button type="button" class="primary" onClick={() => { setRound(round + 1); reloadSurveys(); }}>{t.signIn.retry}</button>
            <button type="button" onClick={props.onSignOut}>{t.nav.signOut}</button>
          </div>
        </div>
      </main>
    );
  }
  return (
    <Loaded resource={surveys} what={t.app.surveys}>
      {(data) => {
        const surveyId = route.surveyId && data.surveys.some((survey) => survey.id === route.surveyId) ? route.surveyId : null;
        const Page = PAGE_VIEWS[route.page];
        const session = { api, scope: me.scope, me, surveyId: surveyId ?? '', surveys: data.surveys, reloadSurveys, route };
        return (
          <SessionContext.Provider value={session}>
            <Shell route={route} surveys={data.surveys} me={me} onSignOut={props.onSignOut}>
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
