/** Maps stored loops to what the API returns. */
import type { LoopNote, LoopRecord } from '../db/repositories/loop-repository.ts';
import { isContactable, isOverdue, type LoopLifecycle } from './loop-state.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The lifecycle part of a loop. */
export function lifecycleOf(loop: LoopRecord): LoopLifecycle {
  return {
    state: loop.state, closeReason: loop.closeReason, openedAt: loop.openedAt,
    firstContactAt: loop.firstContactAt, resolvedAt: loop.resolvedAt, closedAt: loop.closedAt,
  };
}

/** A loop as the API shows it; contact details only when the respondent is contactable. */
export function loopView(loop: LoopRecord, slaHours: number, now: number) {
  const contactable = isContactable(loop.response);
  return {
    responseId: loop.responseId,
    surveyId: loop.surveyId,
    state: loop.state,
    assignee: loop.assignee,
    tags: loop.tags,
    closeReason: loop.closeReason,
    openedAt: iso(loop.openedAt)!,
    firstContactAt: iso(loop.firstContactAt),
    resolvedAt: iso(loop.resolvedAt),
    closedAt: iso(loop.closedAt),
    updatedAt: iso(loop.updatedAt)!,
    overdue: isOverdue({ state: loop.state, openedAt: loop.openedAt }, slaHours, now),
    dueAt: iso(loop.openedAt + slaHours * 3_600_000)!,
    contactable,
    contact: contactable ? { email: loop.response.email, userId: loop.response.userId } : null,
    excluded: loop.response.excluded,
    notesCount: loop.notesCount,
    response: {
      score: loop.response.score, comment: loop.response.comment, touchpoint: loop.response.touchpoint, channel: loop.response.channel,
      createdAt: iso(loop.response.createdAt)!,
    },
  };
}

/** A loop as the API returns it. */
export type LoopView = ReturnType<typeof loopView>;

/** A note as the API returns it. */
export function noteView(note: LoopNote) {
  return { id: note.id, author: note.author, text: note.text, createdAt: new Date(note.createdAt).toISOString() };
}
