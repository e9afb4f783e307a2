/** The huddle's loop figures and overdue loops; an overdue comment becomes an action in one step. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import type { Huddle } from '../types.ts';
import { ActionForm } from './ActionForm.tsx';
import { Quote } from './Quote.tsx';

/** Open and overdue loop counts and up to ten overdue comments. */
export function HuddleLoops(props: { loops: Huddle['loops']; onCreated: () => void }) {
  const { scope } = useSession();
  const [open, setOpen] = useState<string | null>(null);
  const { loops } = props;
  return (
    <article class="card">
      <h2>Close the loop</h2>
      <p><strong class="stat-value inline">{loops.open}</strong> open · <strong class={loops.overdue ? 'overdue' : ''}>{loops.overdue}</strong> overdue (SLA {loops.slaHours} h)</p>
      <ul class="quotes compact">
        {loops.overdueLoops.slice(0, 3).map((loop) => (
          <li key={loop.responseId}>
            <Quote score={loop.score} comment={loop.comment} createdAt={loop.openedAt}>
              <span>{loop.assignee ?? 'unassigned'}</span>
              {scope === 'admin' && <button type="button" class="link" onClick={() => setOpen(loop.responseId)}>Make an action</button>}
            </Quote>
            {open === loop.responseId && (
              <ActionForm seed={{ title: (loop.comment ?? '').slice(0, 80), responseIds: [loop.responseId] }}
                onCancel={() => setOpen(null)} onCreated={() => { setOpen(null); props.onCreated(); }} />
            )}
          </li>
        ))}
      </ul>
    </article>
  );
}
