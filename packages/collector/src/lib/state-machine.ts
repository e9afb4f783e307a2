import { HttpError } from './errors.ts';

/** Allowed moves of a state machine: from each state, the states it may go to. */
export type TransitionTable<State extends string> = Record<State, readonly State[]>;

/** True when `from → to` is allowed; staying in the same state is always allowed (a no-op). */
export function canTransition<State extends string>(table: TransitionTable<State>, from: State, to: State): boolean {
  return from === to || table[from].includes(to);
}

/** Throws 409 `invalid_transition` naming the field, the move and the allowed targets. */
export function assertTransition<State extends string>(table: TransitionTable<State>, from: State, to: State, field = 'status'): void {
  if (canTransition(table, from, to)) return;
  const allowed = table[from].length ? table[from].join(', ') : 'none';
  throw new HttpError(409, 'invalid_transition', `${field}: cannot go from "${from}" to "${to}" (allowed from "${from}": ${allowed})`);
}
