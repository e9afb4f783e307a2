/** Starts an email invitation run: people one email per line and an optional subject; the collector sends in the background. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import { peopleFromLines, type InvitationRun } from '../invite-types.ts';
import { useSubmit } from '../use-submit.ts';
import { ErrorText } from './ErrorText.tsx';

/** The form; `onStarted` receives the new run. A collector without SMTP says so (501) in the error line. */
export function InvitationForm(props: { onStarted: (run: InvitationRun) => void }) {
  const { api, surveyId } = useSession();
  const { t } = useI18n();
  const words = t.invite.invitations;
  const [people, setPeople] = useState('');
  const [subject, setSubject] = useState('');
  const { busy, error, run } = useSubmit();

  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      const started = await api.send<{ run: InvitationRun }>('POST', `/v1/surveys/${encodeURIComponent(surveyId)}/invitations`, {
        recipients: peopleFromLines(people).map((person) => ({ email: person.email ?? person.userId })), subject: subject.trim() || undefined,
      });
      setPeople('');
      props.onStarted(started.run);
    });
  };

  return (
    <form class="invitation-form" onSubmit={submit} aria-labelledby="invitation-form-title">
      <h2 id="invitation-form-title">{words.create}</h2>
      <fieldset disabled={busy}>
        <label for="invitation-people">{words.people} <span class="muted small">{words.peopleHint}</span>
          <textarea id="invitation-people" rows={4} required value={people} onInput={(e) => setPeople(e.currentTarget.value)} /></label>
        <label for="invitation-subject">{words.subject} <span class="muted small">{words.subjectHint}</span>
          <input id="invitation-subject" maxLength={200} value={subject} onInput={(e) => setSubject(e.currentTarget.value)} /></label>
        <div class="form-actions"><button type="submit" class="primary">{words.submit}</button></div>
      </fieldset>
      <ErrorText error={error} />
    </form>
  );
}
