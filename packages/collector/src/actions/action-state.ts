/** The improvement-action state machine: `proposed → in_progress → done`, or `dropped`. */
import type { ActionKind, ActionState } from '../db/repositories/action-repository.ts';
import type { TransitionTable } from '../lib/state-machine.ts';

/** Every action state, in workflow order. */
export const ACTION_STATES: readonly ActionState[] = ['proposed', 'in_progress', 'done', 'dropped'];

/** Every action kind, quick wins first (the method: pick low-hanging fruit first, then go bigger). */
export const ACTION_KINDS: readonly ActionKind[] = ['quick_win', 'bigger_bet'];

/** Allowed moves; a done action can be taken up again and a dropped one proposed again. */
export const ACTION_TRANSITIONS: TransitionTable<ActionState> = {
  proposed: ['in_progress', 'dropped'],
  in_progress: ['done', 'dropped'],
  done: ['in_progress'],
  dropped: ['proposed'],
};

/** An action still to be finished whose due date (YYYY-MM-DD, end of that UTC day) has passed. */
export function isActionOverdue(action: { state: ActionState; dueDate: string | null }, now: number): boolean {
  if (!action.dueDate || action.state === 'done' || action.state === 'dropped') return false;
  return now >= Date.parse(`${action.dueDate}T00:00:00Z`) + 86_400_000;
}
