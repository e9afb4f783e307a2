/** Sign-in: an API key, checked with `GET /v1/keys/me` and kept in this tab's sessionStorage. */
import { useEffect, useState } from 'preact/hooks';
import { createApi, whoAmI, type CallingKey } from '../api.ts';
import { LanguagePicker } from '../components/LanguagePicker.tsx';
import { signInText } from '../i18n/error-text.ts';
import { fill } from '../i18n/fill.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useSubmit } from '../use-submit.ts';

/** Why the viewer is back at sign-in: their key stopped working mid-session. */
export type SignInNotice = 'revoked';

/** The sign-in form; reports the key and what the collector says about it once it is accepted. */
export function SignIn(props: { onSignedIn: (key: string, me: CallingKey) => void; notice?: SignInNotice | null; baseUrl?: string; fetcher?: typeof fetch }) {
  const { t } = useI18n();
  const [key, setKey] = useState('');
  const { busy, error, run } = useSubmit();
  const origin = props.baseUrl || window.location.origin;
  useEffect(() => {
    document.title = t.nav.title(t.signIn.submit);
  }, [t]);

  const submit = (event: Event) => {
    event.preventDefault();
    const trimmed = key.trim();
    void run(async () => props.onSignedIn(trimmed, await whoAmI(createApi(trimmed, props.baseUrl ?? '', props.fetcher))));
  };

  return (
    <main class="sign-in">
      <form class="card" onSubmit={submit} aria-labelledby="sign-in-title">
        <div class="sign-in-head">
          <p class="brand-mark" aria-hidden="true">npsloop</p>
          <LanguagePicker />
        </div>
        <h1 id="sign-in-title">{t.signIn.title}</h1>
        {props.notice === 'revoked' && !error && <p class="notice warning" role="alert" data-testid="sign-in-notice">{t.signIn.revoked}</p>}
        <p class="muted">{fill(t.signIn.intro, { command: <code>npsloop keys create</code>, read: <strong>{t.signIn.read}</strong>, admin: <strong>{t.signIn.admin}</strong> })}</p>
        <label for="api-key">{t.signIn.key}</label>
        <input id="api-key" type="password" autoComplete="off" spellcheck={false} required value={key} onInput={(e) => setKey(e.currentTarget.value)}
          aria-invalid={error ? true : undefined} aria-describedby={error ? 'sign-in-error key-note' : 'key-note'} />
        <p class="muted small" id="key-note">{t.signIn.keyNote}</p>
        {error !== null && <p class="error" role="alert" id="sign-in-error">{signInText(error, t, origin)}</p>}
        <button type="submit" class="primary" disabled={busy}>{busy ? t.signIn.checking : t.signIn.submit}</button>
      </form>
    </main>
  );
}
