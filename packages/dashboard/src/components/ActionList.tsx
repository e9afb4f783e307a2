/** Improvement actions with owners and states; admins move them along. */
import { useSession } from '../context.ts';
import { humanize } from '../format.ts';
import type { Action, ActionState } from '../types.ts';
import { useSubmit } from '../use-submit.ts';
import { ReadOnlyNote } from './ReadOnlyNote.tsx';

const NEXT: Record<ActionState, { state: ActionState; label: string }[]> = {
  proposed: [{ state: 'in_progress', label: 'Start' }, { state: 'dropped', label: 'Drop' }],
  in_progress: [{ state: 'done', label: 'Done' }, { state: 'dropped', label: 'Drop' }],
  done: [{ state: 'in_progress', label: 'Reopen' }],
  dropped: [{ state: 'proposed', label: 'Propose again' }],
};

/** A table of actions: title, owner, due date, state, and the next moves. */
export function ActionList(props: { actions: Huddle['actions']; onChanged: () => void }) {
  const { api, scope } = useSession();
  const { busy, error, run } = useSubmit();
  const move = (id: string, state: ActionState) => run(async () => {
    await api.send('PATCH', `/v1/actions/${encodeURIComponent(id)}`, { state });
    props.onChanged();
  });
  return (
    <article class="card">
      <h2>Improvement actions</h2>
      <ReadOnlyNote action="create or move actions" />
      {error && <p class="error" role="alert">{error}</p>}
      {props.actions.length === 0 ? <p class="muted small">No actions yet: pick one from a theme or a comment.</p> : (
        <div class="table-scroll"><table class="table">
          <thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">State</th><th scope="col"><span class="visually-hidden">Change</span></th></tr></thead>
          <tbody>
            {props.actions.map((action) => (
              <tr key={action.id}>
                <td>{action.title}</td>
                <td>{action.owner ?? <span class="muted">no owner</span>}</td>
                <td class={action.overdue ? 'overdue' : ''}>{action.dueDate ?? '–'}</td>
                <td><span class={`state ${action.state}`}>{humanize(action.state)}</span></td>
                <td><div class="row">{NEXT[action.state].map((next) => (
                  <button key={next.state} type="button" class="small" disabled={scope !== 'admin' || busy} onClick={() => move(action.id, next.state)}>{next.label}</button>
                ))}</div></td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
    </article>
  );
}

type Huddle = { actions: Pick<Action, 'id' | 'title' | 'owner' | 'state' | 'dueDate' | 'overdue'>[] };
