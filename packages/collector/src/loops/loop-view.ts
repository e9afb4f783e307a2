/** Maps stored loop rows (joined with their response) to what the API returns. */
import { isContactable, isOverdue, type LoopLifecycle, type LoopState } from './loop-state.ts';

/** A loop row joined with the response it follows up. */
export interface LoopRow {
  response_id: string;
  survey_id: string;
  state: LoopState;
  assignee: string | null;
  tags: string;
  close_reason: string | null;
  opened_at: number;
  first_contact_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  updated_at: number;
  score: number;
  comment: string | null;
  consent: number | null;
  email: string | null;
  user_id: string | null;
  touchpoint: string | null;
  channel: string | null;
  excluded: number;
  response_created_at: number;
  notes_count: number;
}

/** The SELECT list that produces a `LoopRow` from `loops l JOIN responses r`. */
export const LOOP_COLUMNS = `l.response_id, l.survey_id, l.state, l.assignee, l.tags, l.close_reason, l.opened_at,
  l.first_contact_at, l.resolved_at, l.closed_at, l.updated_at, r.score, r.comment, r.consent, r.email, r.user_id,
  r.touchpoint, r.channel, r.excluded, r.created_at AS response_created_at,
  (SELECT COUNT(*) FROM loop_notes n WHERE n.response_id = l.response_id) AS notes_count`;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The lifecycle part of a row. */
export function lifecycleOf(row: LoopRow): LoopLifecycle {
  return {
    state: row.state, closeReason: row.close_reason, openedAt: row.opened_at,
    firstContactAt: row.first_contact_at, resolvedAt: row.resolved_at, closedAt: row.closed_at,
  };
}

/** A loop as the API shows it; contact details only when the respondent is contactable. */
export function loopView(row: LoopRow, slaHours: number, now: number) {
  const contactable = isContactable(row);
  return {
    responseId: row.response_id,
    surveyId: row.survey_id,
    state: row.state,
    assignee: row.assignee,
    tags: JSON.parse(row.tags) as string[],
    closeReason: row.close_reason,
    openedAt: iso(row.opened_at)!,
    firstContactAt: iso(row.first_contact_at),
    resolvedAt: iso(row.resolved_at),
    closedAt: iso(row.closed_at),
    updatedAt: iso(row.updated_at)!,
    overdue: isOverdue({ state: row.state, openedAt: row.opened_at }, slaHours, now),
    dueAt: iso(row.opened_at + slaHours * 3_600_000)!,
    contactable,
    contact: contactable ? { email: row.email, userId: row.user_id } : null,
    excluded: row.excluded === 1,
    notesCount: row.notes_count,
    response: {
      score: row.score, comment: row.comment, touchpoint: row.touchpoint, channel: row.channel,
      createdAt: iso(row.response_created_at)!,
    },
  };
}

/** A loop as the API returns it. */
export type LoopView = ReturnType<typeof loopView>;
