/** Creates a webhook: address, events, which survey, a description; the collector checks the address can be delivered to. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import { WEBHOOK_EVENTS, type Webhook, type WebhookEvent } from '../types.ts';
import { useSubmit } from '../use-submit.ts';
import { ErrorText } from './ErrorText.tsx';

/** The form; `onCreated` receives the new webhook with its signing secret (the only time the API returns it). */
export function WebhookForm(props: { onCreated: (webhook: Webhook & { secret: string }) => void }) {
  const { api, surveys, surveyId } = useSession();
  const { t } = useI18n();
  const words = t.webhooks;
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['loop.opened']);
  const [scope, setScope] = useState(surveyId);
  const [description, setDescription] = useState('');
  const { busy, error, run } = useSubmit();
  const toggle = (event: WebhookEvent, on: boolean) => setEvents(on ? [...events, event] : events.filter((item) => item !== event));

  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      const created = await api.send<Webhook & { secret: string }>('POST', '/v1/webhooks', {
        url: url.trim(), events, surveyId: scope || undefined, description: description.trim() || undefined,
      });
      setUrl('');
      setDescription('');
      props.onCreated(created);
    });
  };

  return (
    <form class="webhook-form" onSubmit={submit} aria-labelledby="webhook-form-title">
      <h2 id="webhook-form-title">{words.create}</h2>
      <fieldset disabled={busy}>
        <div class="form-grid">
          <label for="webhook-url">{words.url} <span class="muted small">{words.urlHint}</span>
            <input id="webhook-url" type="url" required maxLength={2048} value={url} placeholder="https://" onInput={(e) => setUrl(e.currentTarget.value)} /></label>
          <label for="webhook-survey">{words.survey}
            <select id="webhook-survey" value={scope} onChange={(e) => setScope(e.currentTarget.value)}>
              <option value="">{words.allSurveys}</option>
              {surveys.map((survey) => <option key={survey.id} value={survey.id}>{survey.name}</option>)}
            </select></label>
          <label for="webhook-description">{words.description} <span class="muted small">{words.descriptionHint}</span>
            <input id="webhook-description" maxLength={200} value={description} onInput={(e) => setDescription(e.currentTarget.value)} /></label>
        </div>
        <fieldset class="choices">
          <legend>{words.events}</legend>
          {WEBHOOK_EVENTS.map((item) => (
            <label key={item} class="check"><input type="checkbox" checked={events.includes(item)} onChange={(e) => toggle(item, e.currentTarget.checked)} />{words.event[item]}</label>
          ))}
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="primary" disabled={events.length === 0}>{words.submit}</button>
        </div>
      </fieldset>
      <ErrorText error={error} />
    </form>
  );
}
