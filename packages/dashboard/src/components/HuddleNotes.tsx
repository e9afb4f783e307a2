/** What the team notes in a huddle: who came, what we learned, what staff need, what we decided. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { HeldHuddle } from '../types.ts';
import { useSubmit } from '../use-submit.ts';
import { ErrorText } from './ErrorText.tsx';

const names = (text: string) => text.split(',').map((name) => name.trim()).filter(Boolean);
const orNull = (text: string) => (text.trim() ? text : null);

/** The notes form; saving writes every field at once. */
export function HuddleNotes(props: { huddle: HeldHuddle; onSaved: (huddle: HeldHuddle) => void }) {
  const { api, scope } = useSession();
  const { t } = useI18n();
  const [attendees, setAttendees] = useState(props.huddle.attendees.join(', '));
  const [learned, setLearned] = useState(props.huddle.learned ?? '');
  const [staffNeeds, setStaffNeeds] = useState(props.huddle.staffNeeds ?? '');
  const [decisions, setDecisions] = useState(props.huddle.decisions ?? '');
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useSubmit();
  const submit = (event: Event) => {
    event.preventDefault();
    setSaved(false);
    void run(async () => {
      const body = { attendees: names(attendees), learned: orNull(learned), staffNeeds: orNull(staffNeeds), decisions: orNull(decisions) };
      props.onSaved(await api.send<HeldHuddle>('PATCH', `/v1/huddles/${encodeURIComponent(props.huddle.id)}`, body));
      setSaved(true);
    });
  };
  const area = (label: string, value: string, set: (text: string) => void) => (
    <label>{label} <textarea rows={3} maxLength={10_000} value={value} onInput={(e) => { setSaved(false); set(e.currentTarget.value); }} /></label>
  );
  return (
    <form class="card huddle-notes" onSubmit={submit} aria-label={t.meeting.notes}>
      <h2>{t.meeting.notes}</h2>
      <fieldset disabled={scope !== 'admin' || busy}>
        <label>{t.meeting.attendees} <input value={attendees} placeholder={t.meeting.attendeesHint} onInput={(e) => { setSaved(false); setAttendees(e.currentTarget.value); }} /></label>
        {area(t.meeting.learned, learned, setLearned)}
        {area(t.meeting.staffNeeds, staffNeeds, setStaffNeeds)}
        {area(t.meeting.decisions, decisions, setDecisions)}
        <button type="submit" class="primary">{t.meeting.save}</button>
      </fieldset>
      {saved && <p class="success small" role="status">{t.meeting.saved}</p>}
      <ErrorText error={error} />
    </form>
  );
}
