/** The inbox list: one row per loop with score, comment preview, assignee and SLA timer. */
import { formatDateTime, humanize, slaText } from '../format.ts';
import type { Loop } from '../types.ts';

/** Rows as buttons; the selected one is marked `aria-current`. */
export function LoopList(props: { loops: readonly Loop[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const now = Date.now();
  return (
    <ul class="loop-list" aria-label="Loops">
      {props.loops.map((loop) => (
        <li key={loop.responseId}>
          <button type="button" class="loop-row" data-response-id={loop.responseId} aria-current={loop.responseId === props.selectedId ? 'true' : undefined} onClick={() => props.onSelect(loop.responseId)}>
            <span class="score-badge detractor" aria-label={`Score ${loop.response.score}`}>{loop.response.score}</span>
            <span class="loop-main">
              <span class="loop-comment">{loop.response.comment ?? '(no comment)'}</span>
              <span class="muted small">{humanize(loop.response.touchpoint)} · {formatDateTime(loop.openedAt)} · {loop.assignee ?? 'unassigned'}</span>
            </span>
            <span class="loop-side">
              <span class={`state ${loop.state}`}>{loop.state}</span>
              {loop.state === 'open' && <span class={loop.overdue ? 'sla overdue' : 'sla'}>{slaText(loop.dueAt, now)}</span>}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
