import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRAINS, planRange } from '../../src/rollups/range-plan.ts';

const utc = (text: string) => Date.parse(text);
const MS = Object.fromEntries(GRAINS.map(({ grain, ms }) => [grain, ms]));

describe('planRange', () => {
  it('uses whole days inside, 6 h, 3 h, hours and quarters at the edges, raw rows below 15 minutes', () => {
    const plan = planRange(utc('2026-01-01T10:20:00Z'), utc('2026-01-04T02:30:10Z'));
    expect(plan.raw).toEqual([
      { from: utc('2026-01-01T10:20:00Z'), to: utc('2026-01-01T10:30:00Z') },
      { from: utc('2026-01-04T02:30:00Z'), to: utc('2026-01-04T02:30:10Z') },
    ]);
    expect(plan.pieces).toEqual([
      { grain: '15m', from: utc('2026-01-01T10:30:00Z'), to: utc('2026-01-01T11:00:00Z') },
      { grain: '15m', from: utc('2026-01-04T02:00:00Z'), to: utc('2026-01-04T02:30:00Z') },
      { grain: '1h', from: utc('2026-01-01T11:00:00Z'), to: utc('2026-01-01T12:00:00Z') },
      { grain: '1h', from: utc('2026-01-04T00:00:00Z'), to: utc('2026-01-04T02:00:00Z') },
      { grain: '6h', from: utc('2026-01-01T12:00:00Z'), to: utc('2026-01-02T00:00:00Z') },
      { grain: '1d', from: utc('2026-01-02T00:00:00Z'), to: utc('2026-01-04T00:00:00Z') },
    ]);
  });

  it('answers a short range from raw rows only, and an empty range with nothing', () => {
    expect(planRange(1000, 5000)).toEqual({ pieces: [], raw: [{ from: 1000, to: 5000 }] });
    expect(planRange(5000, 5000)).toEqual({ pieces: [], raw: [] });
  });

  it('covers every range exactly once, with aligned pieces', () => {
    const instant = fc.integer({ min: utc('2024-01-01T00:00:00Z'), max: utc('2027-01-01T00:00:00Z') });
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const plan = planRange(from, to);
        const parts = [...plan.raw, ...plan.pieces].sort((x, y) => x.from - y.from);
        let cursor = from;
        for (const part of parts) {
          expect(part.from).toBe(cursor);
          expect(part.to).toBeGreaterThan(part.from);
          cursor = part.to;
        }
        expect(cursor).toBe(parts.length ? to : from);
        for (const piece of plan.pieces) {
          expect(piece.from % MS[piece.grain]).toBe(0);
          expect(piece.to % MS[piece.grain]).toBe(0);
        }
        expect(plan.raw.every((range) => range.to - range.from < MS['15m'])).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
