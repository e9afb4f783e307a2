/** Webhooks: create (secret shown once), list with scope and events, change, pause and resume, send a test message, delete, and each one's delivery log. */
import './settings.css';
import { useRef, useState } from 'preact/hooks';
import { Loaded } from '../../components/Loaded.tsx';
import { SecretOnce } from '../../components/SecretOnce.tsx';
import { WebhookCard } from '../../components/WebhookCard.tsx';
import { WebhookForm } from '../../components/WebhookForm.tsx';
import { useSession } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import type { Webhook } from '../../types.ts';
import { useResource } from '../../use-resource.ts';

/** The webhooks section of the settings page. */
export function Webhooks() {
  const { api } = useSession();
  const { t } = useI18n();
  const words = t.webhooks;
  const [list, reload] = useResource(() => api.get<{ webhooks: Webhook[] }>('/v1/webhooks'), [api]);
  const [secret, setSecret] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const changed = (done: 'saved' | 'removed' | 'paused' | 'resumed') => {
    setStatus({ saved: words.saved, removed: words.removed, paused: words.pausedDone, resumed: words.resumedDone }[done]);
    // The form or the card (and the button that had the focus) is gone: the list's heading takes the focus.
    // Pause and Resume keep the focus on their button, which stays.
    if (done === 'saved' || done === 'removed') listHeading.current?.focus();
    reload();
  };

  return (
    <>
      <p class="muted">{words.intro}</p>
      <article class="card">
        <WebhookForm onSaved={(created) => { setSecret(created.secret ?? null); setStatus(null); reload(); }} />
        {secret && <SecretOnce secret={secret} note={words.secret} copyLabel={words.copySecret} onDone={() => setSecret(null)} />}
      </article>
      <article class="card">
        <h2 ref={listHeading} tabIndex={-1}>{words.list}</h2>
        {status && <p class="success small" role="status">{status}</p>}
        <Loaded resource={list} what={words.what.webhooks}>
          {(data) => data.webhooks.length === 0 ? <p class="muted small">{words.none}</p> : (
            <ul class="webhooks">
              {data.webhooks.map((webhook) => <WebhookCard key={webhook.id} webhook={webhook} onChanged={changed} />)}
            </ul>
          )}
        </Loaded>
      </article>
    </>
  );
}
