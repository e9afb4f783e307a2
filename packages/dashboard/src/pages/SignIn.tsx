/** Sign-in: an API key, checked against the collector and kept in this tab's sessionStorage. */
import { useState } from 'preact/hooks';
import { createApi, keyScope, type KeyScope } from '../api.ts';
import { useSubmit } from '../use-submit.ts';

/** The sign-in form; reports the key and its scope once the collector accepts it. */
export function SignIn(props: { onSignedIn: (key: string, scope: KeyScope) => void; fetcher?: typeof fetch }) {
  const [key, setKey] = useState('');
  const { busy, error, run } = useSubmit();

  const submit = (event: Event) => {
    event.preventDefault();
    const trimmed = key.trim();
    void run(async () => props.onSignedIn(trimmed, await keyScope(createApi(trimmed, '', props.fetcher))));
  };

  return (
    <main class="sign-in">
      <form class="card" onSubmit={submit} aria-labelledby="sign-in-title">
        <p class="brand-mark" aria-hidden="true">npsloop</p>
        <h1 id="sign-in-title">Sign in to the dashboard</h1>
        <p class="muted">Use an API key from <code>npsloop keys create</code>. A <strong>read</strong> key sees everything; an <strong>admin</strong> key can also work loops, actions and surveys.</p>
        <label for="api-key">API key</label>
        <input id="api-key" type="password" autoComplete="off" spellcheck={false} required value={key} onInput={(e) => setKey(e.currentTarget.value)} />
        <p class="muted small">The key stays in this browser tab only (sessionStorage) and is sent in a header, never in a URL.</p>
        {error && <p class="error" role="alert">{error}</p>}
        <button type="submit" class="primary" disabled={busy}>{busy ? 'Checking…' : 'Sign in'}</button>
      </form>
    </main>
  );
}
