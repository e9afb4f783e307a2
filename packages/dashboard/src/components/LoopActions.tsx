/** The buttons that move a loop along: assign, contacted, resolved, close with a reason, reopen. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { humanize } from '../format.ts';
import { nextStates } from '../loops.ts';
import { storedName } from '../session.ts';
import type { Loop, LoopState } from '../types.ts';
import { useResource } from '../use-resource.ts';

type Patch = (body: { status?: LoopState; assignee?: string | null; closeReason?: string }, done: string) => Promise<void>;

const LABELS: Record<LoopState, string> = { open: 'Reopen', contacted: 'Mark contacted (c)', resolved: 'Mark resolved (r)', closed: 'Close' };

/** State and assignee controls, disabled for a read key. */
export function LoopActions(props: { loop: Loop; onPatch: Patch }) {
  const { api, scope, surveyId } = useSession();
  const [settings] = useResource(() => api.get<{ closeReasons: string[] }>(`/v1/surveys/${encodeURIComponent(surveyId)}/loop-settings`), [surveyId]);
  const reasons = settings.status === 'ok' ? settings.data.closeReasons : [];
  const [reason, setReason] = useState('');
  const me = storedName() || 'me';
  const targets = nextStates(props.loop.state);

  return (
    <fieldset class="loop-actions" disabled={scope !== 'admin'}>
      <legend class="visually-hidden">Work this loop</legend>
      <button type="button" onClick={() => props.onPatch({ assignee: me }, `Assigned to ${me}.`)}>Assign to me (a)</button>
      {props.loop.assignee && <button type="button" onClick={() => props.onPatch({ assignee: null }, 'Unassigned.')}>Unassign</button>}
      {targets.filter((state) => state !== 'closed').map((state) => (
        <button key={state} type="button" class={state === 'open' ? '' : 'primary'} onClick={() => props.onPatch({ status: state }, `Now ${state}.`)}>{LABELS[state]}</button>
      ))}
      {targets.includes('closed') && reasons.length > 0 && (
        <span class="row">
          <label>Close as
            <select value={reason} onChange={(e) => setReason(e.currentTarget.value)}>
              <option value="">Choose a reason</option>
              {reasons.map((value) => <option key={value} value={value}>{humanize(value)}</option>)}
            </select>
          </label>
          <button type="button" disabled={!reason} onClick={() => props.onPatch({ status: 'closed', closeReason: reason }, 'Closed.')}>Close</button>
        </span>
      )}
    </fieldset>
  );
}
