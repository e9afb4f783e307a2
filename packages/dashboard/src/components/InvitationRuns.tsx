/** A survey's invitation runs: when, state, a progress bar of people done, and each run's send log on demand. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { InvitationLogEntry, InvitationRun } from '../invite-types.ts';
import { useResource } from '../use-resource.ts';
import { Loaded } from './Loaded.tsx';

function SendLog(props: { run: InvitationRun }) {
  const { api } = useSession();
  const { t, fmt } = useI18n();
  const words = t.invite.invitations;
  const done = props.run.total - props.run.counts.pending - props.run.counts.sending;
  // Read again whenever the run moves on, so an open log follows the sending.
  const [log] = useResource(() => api.get<{ log: InvitationLogEntry[] }>(`/v1/invitations/${encodeURIComponent(props.run.id)}`), [api, props.run.id, done, props.run.state]);
  return (
    <Loaded resource={log} what={words.what.log}>
      {(data) => (
        <div class="table-scroll"><table class="table send-log reflow" aria-label={words.logOf(fmt.dateTime(props.run.createdAt))}>
          <thead><tr>{[words.columns.email, words.columns.state, words.columns.reason, words.columns.updated].map((name) => <th key={name} scope="col">{name}</th>)}</tr></thead>
          <tbody>
            {data.log.map((entry) => (
              <tr key={entry.email}>
                <th scope="row" data-label={words.columns.email}>{entry.email}</th>
                <td data-label={words.columns.state}>{words.personState[entry.state]}</td>
                <td data-label={words.columns.reason}>{entry.reason ?? ''}</td>
                <td data-label={words.columns.updated}>{fmt.timestamp(entry.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
    </Loaded>
  );
}

/** The runs, newest first. */
export function InvitationRuns(props: { runs: InvitationRun[] }) {
  const { t, fmt } = useI18n();
  const words = t.invite.invitations;
  const [open, setOpen] = useState<string | null>(null);
  if (props.runs.length === 0) return <p class="muted small">{words.none}</p>;
  return (
    <ul class="invitation-runs">
      {props.runs.map((run) => {
        const done = run.total - run.counts.pending - run.counts.sending;
        const when = fmt.dateTime(run.createdAt);
        return (
          <li key={run.id} class="card" data-run-id={run.id}>
            <h3>{words.runTitle(when)} <span class="muted small">{words.runState[run.state]}</span></h3>
            <progress max={run.total} value={done} aria-label={words.progressLabel(when)} />
            <p class="small" data-testid="run-progress">
              {words.progress(fmt.count(done), fmt.count(run.total), fmt.count(run.counts.sent), fmt.count(run.counts.skipped), fmt.count(run.counts.failed))}
            </p>
            {run.error && <p class="notice small">{run.error}</p>}
            <button type="button" aria-expanded={open === run.id} onClick={() => setOpen(open === run.id ? null : run.id)}>
              {open === run.id ? words.hideLog : words.showLog}
            </button>
            {open === run.id && <SendLog run={run} />}
          </li>
        );
      })}
    </ul>
  );
}
