/** The huddle's loop figures and overdue loops; an overdue comment becomes an action in one step. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { fill } from '../i18n/fill.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { Huddle, Metric } from '../types.ts';
import { ActionForm } from './ActionForm.tsx';
import { Quote } from './Quote.tsx';

/** Open and overdue loop counts and up to three overdue comments. */
export function HuddleLoops(props: { loops: Huddle['loops']; metric: Metric; onCreated: () => void }) {
  const { scope } = useSession();
  const { t, fmt } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const { loops } = props;
  return (
    <article class="card">
      <h2>{t.huddle.closeLoop}</h2>
      <p>{fill(t.huddle.loopLine, {
        open: <strong class="stat-value inline">{fmt.count(loops.open)}</strong>,
        overdue: <strong class={loops.overdue ? 'overdue' : ''}>{fmt.count(loops.overdue)}</strong>,
        sla: fmt.count(loops.slaHours),
      })}</p>
      <ul class="quotes compact">
        {loops.overdueLoops.slice(0, 3).map((loop) => (
          <li key={loop.responseId}>
            <Quote score={loop.score} metric={props.metric} comment={loop.comment} createdAt={loop.openedAt}>
              <span>{loop.assignee ?? t.huddle.unassigned}</span>
              {scope === 'admin' && <button type="button" class="link" onClick={() => setOpen(loop.responseId)}>{t.comments.makeAction}</button>}
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
