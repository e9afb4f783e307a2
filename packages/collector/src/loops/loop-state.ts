/** The close-the-loop state machine and the pure rules around it: who is contactable, what is overdue. (Which answers open a loop is the data layer's `opensLoop`.) */
import { HttpError } from '../lib/errors.ts';
import type { LoopState } from '../db/repositories/loop-repository.ts';
import { assertTransition, type TransitionTable } from '../lib/state-machine.ts';

/** Every loop state, in workflow order. */
export const LOOP_STATES: readonly LoopState[] = ['open', 'contacted', 'resolved', 'closed'];

/** `open → contacted → resolved`, or `closed` (with a reason) before resolution; finished loops can be reopened. */
export const LOOP_TRANSITIONS: TransitionTable<LoopState> = {
  open: ['contacted', 'closed'],
  contacted: ['resolved', 'closed'],
  resolved: ['open'],
  closed: ['open'],
};

/** The lifecycle fields of a loop, in epoch milliseconds. */
export interface LoopLifecycle {
  state: LoopState;
  closeReason: string | null;
  openedAt: number;
  firstContactAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
}

/** A respondent is contactable only with consent and a way to reach them. */
export function isContactable(response: { consent: boolean | null; email: string | null; userId: string | null }): boolean {
  return Boolean(response.consent) && Boolean(response.email || response.userId);
}

/** An open loop not contacted within the SLA is overdue. */
export function isOverdue(loop: Pick<LoopLifecycle, 'state' | 'openedAt'>, slaHours: number, now: number): boolean {
  return loop.state === 'open' && now - loop.openedAt > slaHours * 3_600_000;
}

/** Moves a loop to a new state, stamping first contact, resolution and closing; 409 for a move the machine forbids. */
export function transitionLoop(loop: LoopLifecycle, to: LoopState, now: number, options: { closeReason?: string; closeReasons: readonly string[] }): LoopLifecycle {
  assertTransition(LOOP_TRANSITIONS, loop.state, to);
  if (to === 'closed' && loop.state !== 'closed') {
    if (!options.closeReason) throw new HttpError(400, 'invalid_request', 'closeReason: required when status is "closed"');
  }
  if (options.closeReason !== undefined && to !== 'closed') {
    throw new HttpError(400, 'invalid_request', 'closeReason: only allowed with status "closed"');
  }
  if (options.closeReason !== undefined && !options.closeReasons.includes(options.closeReason)) {
    throw new HttpError(400, 'invalid_request', `closeReason: must be one of ${options.closeReasons.join(', ')}`);
  }
  if (to === loop.state) return { ...loop, closeReason: to === 'closed' ? (options.closeReason ?? loop.closeReason) : loop.closeReason };
  const next: LoopLifecycle = { ...loop, state: to };
  if (to === 'contacted') next.firstContactAt = loop.firstContactAt ?? now;
  if (to === 'resolved') next.resolvedAt = now;
  if (to === 'closed') {
    next.closedAt = now;
    next.closeReason = options.closeReason ?? null;
  }
  if (to === 'open') Object.assign(next, { resolvedAt: null, closedAt: null, closeReason: null });
  return next;
}
