import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOOP_SETTINGS } from '../../src/db/repositories/loop-settings-repository.ts';
import { LOOP_STATES, transitionLoop, type LoopLifecycle } from '../../src/loops/loop-state.ts';

describe('loop lifecycle invariants (property)', () => {
  it('keeps the first contact, and stamps match the state, whatever moves are tried', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ to: fc.constantFrom(...LOOP_STATES), hours: fc.integer({ min: 0, max: 500 }) }), { maxLength: 30 }), (moves) => {
        let loop: LoopLifecycle = { state: 'open', closeReason: null, openedAt: 0, firstContactAt: null, resolvedAt: null, closedAt: null };
        let now = 0;
        for (const move of moves) {
          now += move.hours * 3_600_000;
          const before = loop;
          try {
            loop = transitionLoop(loop, move.to, now, { closeReason: move.to === 'closed' ? 'no_reply' : undefined, closeReasons: DEFAULT_LOOP_SETTINGS.closeReasons });
          } catch (error) {
            expect((error as { statusCode: number }).statusCode).toBe(409);
            expect(loop).toBe(before);
          }
          if (before.firstContactAt !== null) expect(loop.firstContactAt).toBe(before.firstContactAt);
          if (loop.state === 'resolved') expect(loop.firstContactAt !== null && loop.resolvedAt !== null).toBe(true);
          if (loop.state === 'closed') expect(loop.closeReason !== null && loop.closedAt !== null).toBe(true);
          if (loop.state === 'open' || loop.state === 'contacted') expect([loop.resolvedAt, loop.closedAt, loop.closeReason]).toEqual([null, null, null]);
          if (loop.state === 'contacted') expect(loop.firstContactAt).not.toBeNull();
        }
      }),
      { numRuns: 500 },
    );
  });
});
