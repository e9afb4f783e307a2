/** Improvement actions with owners, due dates and states; admins move them along and set due dates. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { Action, ActionState } from '../types.ts';
import { useSubmit } from '../use-submit.ts';
import { ActionEffect } from './ActionEffect.tsx';
import { ErrorText } from './ErrorText.tsx';
import { ReadOnlyNote } from './ReadOnlyNote.tsx';

type Move = 'start' | 'drop' | 'done' | 'reopen' | 'proposeAgain';
const NEXT: Record<ActionState, { state: ActionState; move: Move }[]> = {
  proposed: [{ state: 'in_progress', move: 'start' }, { state: 'dropped', move: 'drop' }],
  in_progress: [{ state: 'done', move: 'done' }, { state: 'dropped', move: 'drop' }],
  done: [{ state: 'in_progress', move: 'reopen' }],
  dropped: [{ state: 'proposed', move: 'proposeAgain' }],
};

/** An action as the huddle digest lists it. */
export type ListedAction = Pick<Action, 'id' | 'title' | 'owner' | 'state' | 'kind' | 'dueDate' | 'overdue'>;

/**
 * A table of actions (under `title`, by default "Improvement actions"): title with its kind (quick win or bigger bet),
 * owner, due date (editable by admins), state, and the next moves; a done action shows what changed before and after.
 */
export function ActionList(props: { actions: ListedAction[]; onChanged: () => void; title?: string }) {
  const { api, scope } = useSession();
  const { t, fmt } = useI18n();
  const { busy, error, run } = useSubmit();
  const [saved, setSaved] = useState<string | null>(null);
  const patch = (action: ListedAction, body: { state?: ActionState; dueDate?: string | null }) => run(async () => {
    await api.send('PATCH', `/v1/actions/${encodeURIComponent(action.id)}`, body);
    setSaved('dueDate' in body ? t.actions.dueSaved(action.title) : null);
    props.onChanged();
  });
  const admin = scope === 'admin';
  return (
    <article class="card">
      <h2>{props.title ?? t.actions.heading}</h2>
      <ReadOnlyNote about="actions" />
      <ErrorText error={error} />
      {saved && <p class="success small" role="status">{saved}</p>}
      {props.actions.length === 0 ? <p class="muted small">{t.actions.none}</p> : (
        <div class="table-scroll"><table class="table actions">
          <thead><tr>
            <th scope="col">{t.actions.columns.action}</th><th scope="col">{t.actions.columns.owner}</th><th scope="col">{t.actions.columns.due}</th>
            <th scope="col">{t.actions.columns.state}</th><th scope="col"><span class="visually-hidden">{t.actions.columns.change}</span></th>
          </tr></thead>
          <tbody>
            {props.actions.map((action) => [
              <tr key={action.id}>
                <td>{action.title}{action.kind && <> <span class={`kind ${action.kind}`}>{t.actions.kind[action.kind]}</span></>}</td>
                <td>{action.owner ?? <span class="muted">{t.actions.noOwner}</span>}</td>
                <td class={action.overdue ? 'overdue' : ''}>
                  {admin
                    ? <input type="date" class="due" aria-label={t.actions.dueOf(action.title)} value={action.dueDate ?? ''} disabled={busy}
                        onChange={(e) => void patch(action, { dueDate: e.currentTarget.value || null })} />
                    : action.dueDate ? fmt.date(action.dueDate) : <span class="muted">{t.actions.noDue}</span>}
                  {action.overdue && <span class="small"> {t.actions.overdue}</span>}
                </td>
                <td><span class={`state ${action.state}`}>{t.actions.state[action.state]}</span></td>
                <td><div class="row">{NEXT[action.state].map((next) => (
                  <button key={next.state} type="button" class="small" disabled={!admin || busy} onClick={() => void patch(action, { state: next.state })}>{t.actions.move[next.move]}</button>
                ))}</div></td>
              </tr>,
              action.state === 'done' && <tr key={`${action.id}-effect`} class="effect-row"><td colSpan={5}><ActionEffect actionId={action.id} title={action.title} /></td></tr>,
            ])}
          </tbody>
        </table></div>
      )}
    </article>
  );
}
