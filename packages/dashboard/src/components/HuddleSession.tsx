/** A huddle in progress: the timer, last huddle's promises and where each stands, the digest it was started on, the notes, its actions, and closing it. */
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { HeldHuddle } from '../types.ts';
import { useResource } from '../use-resource.ts';
import { useSubmit } from '../use-submit.ts';
import { ActionList } from './ActionList.tsx';
import { ErrorText } from './ErrorText.tsx';
import { HuddleDigest } from './HuddleDigest.tsx';
import { HuddleNotes } from './HuddleNotes.tsx';
import { HuddleTimer } from './HuddleTimer.tsx';
import { Loaded } from './Loaded.tsx';

/** The running huddle `id`; `onClosed` hears when the team closes it. */
export function HuddleSession(props: { id: string; onClosed: (huddle: HeldHuddle) => void }) {
  const { api, scope } = useSession();
  const { t, fmt } = useI18n();
  const [huddle, reload] = useResource(() => api.get<HeldHuddle>(`/v1/huddles/${encodeURIComponent(props.id)}`), [props.id]);
  const { busy, error, run } = useSubmit();
  const close = () => void run(async () => props.onClosed(await api.send<HeldHuddle>('POST', `/v1/huddles/${encodeURIComponent(props.id)}/close`)));

  return (
    <Loaded resource={huddle} what={t.meeting.what}>
      {(data) => (
        <>
          <div class="card huddle-running">
            <h2>{t.meeting.running}</h2>
            <p class="muted small">{t.meeting.startedAt(fmt.dateTime(data.startedAt))}</p>
            <HuddleTimer startedAt={data.startedAt} />
          </div>
          {data.previous ? (
            <section aria-label={t.meeting.previous(fmt.day(data.previous.startedAt))}>
              <ActionList title={t.meeting.previous(fmt.day(data.previous.startedAt))} actions={data.previous.actions} onChanged={reload} />
            </section>
          ) : <p class="muted">{t.meeting.noPrevious}</p>}
          <HuddleDigest digest={data.digest} huddleId={data.id} onChanged={reload} actions={
            <section aria-label={t.meeting.made}>
              {data.actions.length === 0
                ? <article class="card"><h2>{t.meeting.made}</h2><p class="muted small">{t.meeting.noneMade}</p></article>
                : <ActionList title={t.meeting.made} actions={data.actions} onChanged={reload} />}
            </section>
          } />
          <HuddleNotes huddle={data} onSaved={reload} />
          {scope === 'admin' && <button type="button" class="primary" disabled={busy} onClick={close}>{t.meeting.close}</button>}
          <ErrorText error={error} />
        </>
      )}
    </Loaded>
  );
}
