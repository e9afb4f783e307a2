import { describe, expect, it } from 'vitest';
import { HttpError } from '../../src/lib/errors.ts';
import type { LoopState } from '../../src/db/repositories/loop-repository.ts';
import { DEFAULT_LOOP_SETTINGS, opensLoop } from '../../src/db/repositories/loop-settings-repository.ts';
import { LOOP_STATES, LOOP_TRANSITIONS, isContactable, isOverdue, transitionLoop, type LoopLifecycle } from '../../src/loops/loop-state.ts';

const HOUR = 3_600_000;
const base = (state: LoopState): LoopLifecycle => ({
  state, closeReason: state === 'closed' ? 'no_reply' : null, openedAt: 0,
  firstContactAt: state === 'contacted' || state === 'resolved' ? HOUR : null,
  resolvedAt: state === 'resolved' ? 2 * HOUR : null, closedAt: state === 'closed' ? 2 * HOUR : null,
});
const reasons = DEFAULT_LOOP_SETTINGS.closeReasons;

describe('loop state machine', () => {
  const allowed: Record<LoopState, LoopState[]> = {
    open: ['open', 'contacted', 'closed'],
    contacted: ['contacted', 'resolved', 'closed'],
    resolved: ['resolved', 'open'],
    closed: ['closed', 'open'],
  };
  const cases = LOOP_STATES.flatMap((from) => LOOP_STATES.map((to) => ({ from, to, ok: allowed[from].includes(to) })));

  it.each(cases)('$from → $to allowed: $ok', ({ from, to, ok }) => {
    const move = () => transitionLoop(base(from), to, 10 * HOUR, { closeReason: to === 'closed' ? 'duplicate' : undefined, closeReasons: reasons });
    if (ok) expect(move().state).toBe(to);
    else expect(move).toThrow(expect.objectContaining({ statusCode: 409, code: 'invalid_transition' }));
  });

  it('lists exactly the moves the table above allows', () => {
    for (const from of LOOP_STATES) expect([from, ...LOOP_TRANSITIONS[from]].sort()).toEqual(allowed[from].sort());
  });

  it('stamps first contact once, resolution, closing with its reason, and clears them on reopening', () => {
    const contacted = transitionLoop(base('open'), 'contacted', 5 * HOUR, { closeReasons: reasons });
    expect(contacted).toMatchObject({ state: 'contacted', firstContactAt: 5 * HOUR });
    const resolved = transitionLoop(contacted, 'resolved', 9 * HOUR, { closeReasons: reasons });
    expect(resolved).toMatchObject({ state: 'resolved', firstContactAt: 5 * HOUR, resolvedAt: 9 * HOUR });
    const reopened = transitionLoop(resolved, 'open', 12 * HOUR, { closeReasons: reasons });
    expect(reopened).toMatchObject({ state: 'open', firstContactAt: 5 * HOUR, resolvedAt: null, closedAt: null });
    const recontacted = transitionLoop(reopened, 'contacted', 20 * HOUR, { closeReasons: reasons });
    expect(recontacted.firstContactAt).toBe(5 * HOUR);
    const closed = transitionLoop(base('open'), 'closed', 3 * HOUR, { closeReason: 'unreachable', closeReasons: reasons });
    expect(closed).toMatchObject({ state: 'closed', closedAt: 3 * HOUR, closeReason: 'unreachable' });
  });

  it.each([
    { to: 'closed' as const, closeReason: undefined, message: 'closeReason: required' },
    { to: 'closed' as const, closeReason: 'because', message: 'closeReason: must be one of' },
    { to: 'contacted' as const, closeReason: 'no_reply', message: 'closeReason: only allowed' },
  ])('refuses closeReason problems: $message', ({ to, closeReason, message }) => {
    let error: unknown;
    try {
      transitionLoop(base('open'), to, 1, { closeReason, closeReasons: reasons });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).statusCode).toBe(400);
    expect((error as HttpError).message).toContain(message);
  });
});

describe('loop rules', () => {
  it.each([
    { score: 0, threshold: 6, passives: false, opens: true },
    { score: 6, threshold: 6, passives: false, opens: true },
    { score: 7, threshold: 6, passives: false, opens: false },
    { score: 7, threshold: 6, passives: true, opens: true },
    { score: 8, threshold: 4, passives: true, opens: true },
    { score: 5, threshold: 4, passives: true, opens: false },
    { score: 9, threshold: 6, passives: true, opens: false },
    { score: 4, threshold: 4, passives: false, opens: true },
  ])('score $score, threshold $threshold, passives $passives → opens $opens', ({ score, threshold, passives, opens }) => {
    expect(opensLoop(score, { ...DEFAULT_LOOP_SETTINGS, detractorThreshold: threshold, includePassives: passives })).toBe(opens);
  });

  it.each([
    { consent: true, email: 'a@b.example', userId: null, contactable: true },
    { consent: true, email: null, userId: 'u1', contactable: true },
    { consent: true, email: null, userId: null, contactable: false },
    { consent: false, email: 'a@b.example', userId: 'u1', contactable: false },
    { consent: null, email: 'a@b.example', userId: null, contactable: false },
  ])('contactable with consent $consent, email $email, user $userId: $contactable', ({ contactable, ...response }) => {
    expect(isContactable(response)).toBe(contactable);
  });

  it.each([
    { state: 'open' as const, ageHours: 47, overdue: false },
    { state: 'open' as const, ageHours: 49, overdue: true },
    { state: 'contacted' as const, ageHours: 100, overdue: false },
    { state: 'closed' as const, ageHours: 100, overdue: false },
  ])('$state loop aged $ageHours h overdue (48 h SLA): $overdue', ({ state, ageHours, overdue }) => {
    expect(isOverdue({ state, openedAt: 0 }, 48, ageHours * HOUR)).toBe(overdue);
  });
});
