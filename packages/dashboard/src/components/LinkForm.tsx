/** Makes personal links: people one per line (an email or a user id), an optional touchpoint, how many days the links work. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import { peopleFromLines } from '../invite-types.ts';
import { useSubmit } from '../use-submit.ts';
import { ErrorText } from './ErrorText.tsx';

/** The form; `onCreated` is told how many links the collector made. */
export function LinkForm(props: { onCreated: (count: number) => void }) {
  const { api, surveyId } = useSession();
  const { t } = useI18n();
  const words = t.invite.links;
  const [people, setPeople] = useState('');
  const [touchpoint, setTouchpoint] = useState('');
  const [days, setDays] = useState('30');
  const { busy, error, run } = useSubmit();

  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      const created = await api.send<{ links: unknown[] }>('POST', `/v1/surveys/${encodeURIComponent(surveyId)}/links`, {
        recipients: peopleFromLines(people), touchpoint: touchpoint.trim() || undefined, expiresInDays: Number(days),
      });
      setPeople('');
      props.onCreated(created.links.length);
    });
  };

  return (
    <form class="link-form" onSubmit={submit} aria-labelledby="link-form-title">
      <h2 id="link-form-title">{words.create}</h2>
      <fieldset disabled={busy}>
        <label for="link-people">{words.people} <span class="muted small">{words.peopleHint}</span>
          <textarea id="link-people" rows={4} required value={people} onInput={(e) => setPeople(e.currentTarget.value)} /></label>
        <div class="form-grid">
          <label for="link-touchpoint">{words.touchpoint} <span class="muted small">{words.optional}</span>
            <input id="link-touchpoint" maxLength={64} value={touchpoint} onInput={(e) => setTouchpoint(e.currentTarget.value)} /></label>
          <label for="link-days">{words.days}
            <input id="link-days" type="number" min={1} max={365} required value={days} onInput={(e) => setDays(e.currentTarget.value)} /></label>
        </div>
        <div class="form-actions"><button type="submit" class="primary">{words.submit}</button></div>
      </fieldset>
      <ErrorText error={error} />
    </form>
  );
}
