/** Sign-in: an API key, checked against the collector and kept in this tab's sessionStorage. */
import { useEffect, useState } from 'preact/hooks';
import { createApi, keyScope, type KeyScope } from '../api.ts';
import { ErrorText } from '../components/ErrorText.tsx';
import { LanguagePicker } from '../components/LanguagePicker.tsx';
import { fill } from '../i18n/fill.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useSubmit } from '../use-submit.ts';

/** The sign-in form; reports the key and its scope once the collector accepts it. */
export function SignIn(props: { onSignedIn: (key: string, scope: KeyScope) => void; fetcher?: typeof fetch }) {
  const { t } = useI18n();
  const [key, setKey] = useState('');
  const { busy, error, run } = useSubmit();
  useEffect(() => {
    document.title = t.nav.title(t.signIn.submit);
  }, [t]);

  const submit = (event: Event) => {
    event.preventDefault();
    const trimmed = key.trim();
    void run(async () => props.onSignedIn(trimmed, await keyScope(createApi(trimmed, '', props.fetcher))));
  };

  return (
    <main class="sign-in">
      <form class="card" onSubmit={submit} aria-labelledby="sign-in-title">
        <div class="sign-in-head">
          <p class="brand-mark" aria-hidden="true">npsloop</p>
          <LanguagePicker />
        </div>
        <h1 id="sign-in-title">{t.signIn.title}</h1>
        <p class="muted">{fill(t.signIn.intro, { command: <code>npsloop keys create</code>, read: <strong>{t.signIn.read}</strong>, admin: <strong>{t.signIn.admin}</strong> })}</p>
        <label for="api-key">{t.signIn.key}</label>
        <input id="api-key" type="password" autoComplete="off" spellcheck={false} required value={key} onInput={(e) => setKey(e.currentTarget.value)} />
        <p class="muted small">{t.signIn.keyNote}</p>
        <ErrorText error={error} />
        <button type="submit" class="primary" disabled={busy}>{busy ? t.signIn.checking : t.signIn.submit}</button>
      </form>
    </main>
  );
}
