/** Creates or changes a webhook: address, events, which survey, a description; the collector checks the address can be delivered to. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import { WEBHOOK_EVENTS, type Webhook, type WebhookEvent } from '../types.ts';
import { useSubmit } from '../use-submit.ts';
import { ChatAlertFields, defaultDigest } from './ChatAlertFields.tsx';
import { ErrorText } from './ErrorText.tsx';

/**
 * The form. Without `webhook` it creates one, and `onSaved` receives it with its signing secret (the only time the
 * API returns it); with `webhook` it changes that one (its secret stays) and offers Cancel.
 */
export function WebhookForm(props: { webhook?: Webhook; onSaved: (webhook: Webhook & { secret?: string }) => void; onCancel?: () => void }) {
  const { api, surveys, surveyId } = useSession();
  const { t } = useI18n();
  const words = t.webhooks;
  const editing = props.webhook;
  const [url, setUrl] = useState(editing?.url ?? '');
  const [events, setEvents] = useState<WebhookEvent[]>(editing?.events ?? ['loop.opened']);
  const [scope, setScope] = useState(editing ? editing.surveyId ?? '' : surveyId);
  const [description, setDescription] = useState(editing?.description ?? '');
  const [format, setFormat] = useState(editing?.format ?? 'standard');
  const [digest, setDigest] = useState(editing?.digest ?? defaultDigest());
  const withDigest = events.includes('huddle.digest');
  const { busy, error, run } = useSubmit();
  const toggle = (event: WebhookEvent, on: boolean) => setEvents(on ? [...events, event] : events.filter((item) => item !== event));
  // Ids are unique per form: the create form and an edit form can be on the page together.
  const id = (field: string) => `webhook-${editing?.id ?? 'new'}-${field}`;

  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      const saved = editing
        ? await api.send<Webhook>('PATCH', `/v1/webhooks/${encodeURIComponent(editing.id)}`, {
          url: url.trim(), events, surveyId: scope || null, description: description.trim() || null, format, ...(withDigest && { digest }),
        })
        : await api.send<Webhook & { secret: string }>('POST', '/v1/webhooks', {
          url: url.trim(), events, surveyId: scope || undefined, description: description.trim() || undefined, format, ...(withDigest && { digest }),
        });
      if (!editing) {
        setUrl('');
        setDescription('');
      }
      props.onSaved(saved);
    });
  };

  return (
    <form class={editing ? 'webhook-form inline-form' : 'webhook-form'} onSubmit={submit} aria-labelledby={id('title')}>
      {editing ? <h4 id={id('title')}>{words.editTitle(editing.url)}</h4> : <h2 id={id('title')}>{words.create}</h2>}
      <fieldset disabled={busy}>
        <div class="form-grid">
          <label for={id('url')}>{words.url} <span class="muted small">{words.urlHint}</span>
            <input id={id('url')} type="url" required maxLength={2048} value={url} placeholder="https://" onInput={(e) => setUrl(e.currentTarget.value)} /></label>
          <label for={id('survey')}>{words.survey}
            <select id={id('survey')} value={scope} onChange={(e) => setScope(e.currentTarget.value)}>
              <option value="">{words.allSurveys}</option>
              {surveys.map((survey) => <option key={survey.id} value={survey.id}>{survey.name}</option>)}
            </select></label>
          <label for={id('description')}>{words.description} <span class="muted small">{words.descriptionHint}</span>
            <input id={id('description')} maxLength={200} value={description} onInput={(e) => setDescription(e.currentTarget.value)} /></label>
        </div>
        <fieldset class="choices">
          <legend>{words.events}</legend>
          {WEBHOOK_EVENTS.map((item) => (
            <label key={item} class="check"><input type="checkbox" checked={events.includes(item)} onChange={(e) => toggle(item, e.currentTarget.checked)} />{words.event[item]}</label>
          ))}
        </fieldset>
        <ChatAlertFields idPrefix={id('chat')} format={format} onFormat={setFormat} withDigest={withDigest} digest={digest} onDigest={setDigest} nextDigestAt={editing?.nextDigestAt} />
        <div class="form-actions">
          <button type="submit" class="primary" disabled={events.length === 0}>{editing ? words.save : words.submit}</button>
          {props.onCancel && <button type="button" onClick={props.onCancel}>{t.common.cancel}</button>}
        </div>
      </fieldset>
      <ErrorText error={error} />
    </form>
  );
}
