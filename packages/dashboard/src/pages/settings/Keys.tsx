/** API keys: create one (its secret shown once), list them with when each was last used, revoke one after confirming. */
import './settings.css';
import { useRef, useState } from 'preact/hooks';
import { KeyForm } from '../../components/KeyForm.tsx';
import { KeyList } from '../../components/KeyList.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { SecretOnce } from '../../components/SecretOnce.tsx';
import { useSession } from '../../context.ts';
import { fill } from '../../i18n/fill.ts';
import { useI18n } from '../../i18n/i18n.ts';
import type { ApiKey, CreatedKey } from '../../types.ts';
import { useResource } from '../../use-resource.ts';

/** The API keys section of the settings page. */
export function Keys() {
  const { api, me } = useSession();
  const { t } = useI18n();
  const words = t.keys;
  const [list, reload] = useResource(() => api.get<{ keys: ApiKey[] }>('/v1/keys'), [api]);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [status, setStatus] = useState('');
  const listHeading = useRef<HTMLHeadingElement>(null);

  const onCreated = (key: CreatedKey) => {
    setCreated(key);
    setStatus(words.created(key.name ?? key.id));
    reload();
  };
  const onRevoked = (key: ApiKey) => {
    setStatus(words.revoked(key.name ?? key.id));
    if (created?.id === key.id) setCreated(null);
    // The row (and the button that had the focus) is gone: the list's heading takes the focus.
    listHeading.current?.focus();
    reload();
  };

  return (
    <>
      <p class="muted">{words.intro}</p>
      {me.source === 'environment' && <p class="notice small">{fill(words.environment, { env: <code>NPSLOOP_ADMIN_KEY</code> })}</p>}
      <article class="card">
        <KeyForm onCreated={onCreated} />
        {created && <SecretOnce secret={created.secret} note={words.secret} copyLabel={words.copy} onDone={() => setCreated(null)} />}
      </article>
      <article class="card">
        <h2 ref={listHeading} tabIndex={-1}>{words.list}</h2>
        <p class="success small" role="status" data-testid="keys-status">{status}</p>
        <Loaded resource={list} what={words.what}>
          {(data) => <KeyList keys={data.keys} onRevoked={onRevoked} />}
        </Loaded>
        <p class="muted small">{words.lastUsedNote}</p>
      </article>
    </>
  );
}
