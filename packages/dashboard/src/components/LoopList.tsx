/** The inbox list: one row per loop with score, comment preview, assignee and SLA timer. */
import { useI18n } from '../i18n/i18n.ts';
import type { Loop } from '../types.ts';

/** Rows as buttons; the selected one is marked `aria-current`. */
export function LoopList(props: { loops: readonly Loop[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const { t, fmt } = useI18n();
  const now = Date.now();
  return (
    <ul class="loop-list" aria-label={t.inbox.loops}>
      {props.loops.map((loop) => (
        <li key={loop.responseId}>
          <button type="button" class="loop-row" data-response-id={loop.responseId} aria-current={loop.responseId === props.selectedId ? 'true' : undefined} onClick={() => props.onSelect(loop.responseId)}>
            <span class="score-badge detractor" aria-label={t.figure.scoreShort(loop.response.score)}>{loop.response.score}</span>
            <span class="loop-main">
              <span class="loop-comment">{loop.response.comment ?? t.common.noComment}</span>
              <span class="muted small">{fmt.label(loop.response.touchpoint)} · {fmt.dateTime(loop.openedAt)} · {loop.assignee ?? t.inbox.unassigned}</span>
            </span>
            <span class="loop-side">
              <span class={`state ${loop.state}`}>{t.loop.state[loop.state]}</span>
              {loop.excluded && <span class="badge">{t.inbox.excluded}</span>}
              {loop.state === 'open' && <span class={loop.overdue ? 'sla overdue' : 'sla'}>{fmt.sla(loop.dueAt, now)}</span>}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
