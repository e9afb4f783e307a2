/** Webhooks: create (secret shown once), list with scope and events, delete, and each one's delivery log. */
import './settings.css';
import { useRef, useState } from 'preact/hooks';
import { Confirm } from '../../components/Confirm.tsx';
import { DeliveryLog } from '../../components/DeliveryLog.tsx';
import { ErrorText } from '../../components/ErrorText.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { SecretOnce } from '../../components/SecretOnce.tsx';
import { WebhookForm } from '../../components/WebhookForm.tsx';
import { useSession } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import type { Webhook } from '../../types.ts';
import { useResource } from '../../use-resource.ts';
import { useSubmit } from '../../use-submit.ts';

/** The webhooks section of the settings page. */
export function Webhooks() {
  const { api, surveys } = useSession();
  const { t, fmt } = useI18n();
  const words = t.webhooks;
  const [list, reload] = useResource(() => api.get<{ webhooks: Webhook[] }>('/v1/webhooks'), [api]);
  const [secret, setSecret] = useState<string | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();
  const listHeading = useRef<HTMLHeadingElement>(null);
  const surveyName = (id: string | null) => (id === null ? words.allSurveys : surveys.find((survey) => survey.id === id)?.name ?? id);
  const remove = (webhook: Webhook) => run(async () => {
    await api.send('DELETE', `/v1/webhooks/${encodeURIComponent(webhook.id)}`);
    setConfirming(null);
    setStatus(words.removed);
    // The card (and the button that had the focus) is gone: the list's heading takes the focus.
    listHeading.current?.focus();
    reload();
  });

  return (
    <>
      <p class="muted">{words.intro}</p>
      <article class="card">
        <WebhookForm onCreated={(created) => { setSecret(created.secret); setStatus(null); reload(); }} />
        {secret && <SecretOnce secret={secret} note={words.secret} copyLabel={words.copySecret} onDone={() => setSecret(null)} />}
      </article>
      <article class="card">
        <h2 ref={listHeading} tabIndex={-1}>{words.list}</h2>
        {status && <p class="success small" role="status">{status}</p>}
        <ErrorText error={error} />
        <Loaded resource={list} what={words.what.webhooks}>
          {(data) => data.webhooks.length === 0 ? <p class="muted small">{words.none}</p> : (
            <ul class="webhooks">
              {data.webhooks.map((webhook) => (
                <li key={webhook.id} class="webhook" data-webhook-id={webhook.id}>
                  <h3><code>{webhook.url}</code></h3>
                  {webhook.description && <p>{webhook.description}</p>}
                  <dl class="facts">
                    <div><dt>{words.columns.events}</dt><dd>{webhook.events.map((event) => <code key={event} class="tag">{event}</code>)}</dd></div>
                    <div><dt>{words.columns.survey}</dt><dd>{surveyName(webhook.surveyId)}</dd></div>
                    <div><dt>{words.columns.created}</dt><dd>{fmt.dateTime(webhook.createdAt)}</dd></div>
                  </dl>
                  <div class="row">
                    <button type="button" aria-expanded={logOf === webhook.id} onClick={() => setLogOf(logOf === webhook.id ? null : webhook.id)}>
                      {logOf === webhook.id ? words.hideLog : words.log}
                    </button>
                    <button type="button" aria-label={words.removeLabel(webhook.url)} onClick={() => setConfirming(webhook.id)}>{words.remove}</button>
                  </div>
                  {confirming === webhook.id && (
                    <Confirm label={words.removeLabel(webhook.url)} confirm={words.confirm} busy={busy} onConfirm={() => void remove(webhook)} onCancel={() => setConfirming(null)}>
                      <p>{words.confirmRemove(webhook.url)}</p>
                    </Confirm>
                  )}
                  {logOf === webhook.id && <DeliveryLog webhook={webhook} />}
                </li>
              ))}
            </ul>
          )}
        </Loaded>
      </article>
    </>
  );
}
