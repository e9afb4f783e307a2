/** Creates an API key: a name that says who uses it, and read or admin (read is the default: the least a key needs). */
import { KEY_SCOPES, type KeyScope } from '@npsloop/core';
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { CreatedKey } from '../types.ts';
import { useSubmit } from '../use-submit.ts';
import { ErrorText } from './ErrorText.tsx';

/** The form; `onCreated` receives the new key with its secret (the only time the API returns it). */
export function KeyForm(props: { onCreated: (key: CreatedKey) => void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const words = t.keys;
  const [name, setName] = useState('');
  const [scope, setScope] = useState<KeyScope>('read');
  const { busy, error, run } = useSubmit();

  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      const created = await api.send<CreatedKey>('POST', '/v1/keys', { name: name.trim(), scope });
      setName('');
      setScope('read');
      props.onCreated(created);
    });
  };

  return (
    <form class="key-form" onSubmit={submit} aria-labelledby="key-form-title">
      <h2 id="key-form-title">{words.create}</h2>
      <fieldset disabled={busy}>
        <label for="key-name">{words.name} <span class="muted small">{words.nameHint}</span>
          <input id="key-name" required maxLength={100} value={name} autoComplete="off" onInput={(e) => setName(e.currentTarget.value)} /></label>
        <fieldset class="choices">
          <legend>{words.scope}</legend>
          {KEY_SCOPES.map((item) => (
            <label key={item} class="check">
              <input type="radio" name="key-scope" value={item} checked={scope === item} onChange={() => setScope(item)} />{words.scopes[item]}
            </label>
          ))}
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="primary">{words.submit}</button>
        </div>
      </fieldset>
      <ErrorText error={error} />
    </form>
  );
}
