/** The buttons that move a loop along: assign, contacted, resolved, close with a reason, reopen. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import { nextStates } from '../loops.ts';
import { storedName } from '../session.ts';
import type { Loop } from '../types.ts';
import { useResource } from '../use-resource.ts';
import type { LoopPatch } from './LoopDetail.tsx';

/** State and assignee controls, disabled for a read key. */
export function LoopActions(props: { loop: Loop; onPatch: LoopPatch; onAssignMe: () => void }) {
  const { api, scope, surveyId } = useSession();
  const { t, fmt } = useI18n();
  const [settings] = useResource(() => api.get<{ closeReasons: string[] }>(`/v1/surveys/${encodeURIComponent(surveyId)}/loop-settings`), [surveyId]);
  const reasons = settings.status === 'ok' ? settings.data.closeReasons : [];
  const [reason, setReason] = useState('');
  const named = storedName() !== '';
  const targets = nextStates(props.loop.state);
  const done = { open: t.loop.done.reopened, contacted: t.loop.done.contacted, resolved: t.loop.done.resolved, closed: t.loop.done.closed };

  return (
    <fieldset class="loop-actions" disabled={scope !== 'admin'}>
      <legend class="visually-hidden">{t.loop.work}</legend>
      <button type="button" disabled={!named} onClick={props.onAssignMe}>{named ? t.loop.assignMe : t.loop.assignMeNoName}</button>
      {props.loop.assignee && <button type="button" onClick={() => props.onPatch({ assignee: null }, t.loop.done.unassigned)}>{t.loop.unassign}</button>}
      {targets.filter((state) => state !== 'closed').map((state) => (
        <button key={state} type="button" class={state === 'open' ? '' : 'primary'} onClick={() => props.onPatch({ status: state }, done[state])}>{t.loop.to[state]}</button>
      ))}
      {targets.includes('closed') && reasons.length > 0 && (
        <span class="row">
          <label>{t.loop.closeAs}
            <select value={reason} onChange={(e) => setReason(e.currentTarget.value)}>
              <option value="">{t.loop.chooseReason}</option>
              {reasons.map((value) => <option key={value} value={value}>{fmt.label(value)}</option>)}
            </select>
          </label>
          <button type="button" disabled={!reason} onClick={() => props.onPatch({ status: 'closed', closeReason: reason }, done.closed)}>{t.loop.close}</button>
        </span>
      )}
    </fieldset>
  );
}
