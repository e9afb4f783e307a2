import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRAINS, planRange } from '../../src/db/rollups/range-plan.ts';

const utc = (text: string) => Date.parse(text);
const MS = Object.fromEntries(GRAINS.map(({ grain, ms }) => [grain, ms]));
const rows = (plan: ReturnType<typeof planRange>) => plan.pieces.reduce((sum, piece) => sum + (piece.to - piece.from) / MS[piece.grain], 0);

describe('planRange', () => {
  it('uses coarse rows inside, finer ones at the edges (added or subtracted), raw rows below 15 minutes', () => {
    const plan = planRange(utc('2026-01-01T10:20:00Z'), utc('2026-01-04T02:30:10Z'));
    expect(plan.raw).toEqual([
      { from: utc('2026-01-01T10:20:00Z'), to: utc('2026-01-01T10:30:00Z') },
      { from: utc('2026-01-04T02:30:00Z'), to: utc('2026-01-04T02:30:10Z') },
    ]);
    expect(plan.pieces).toEqual([
      { grain: '15m', sign: 1, from: utc('2026-01-01T10:30:00Z'), to: utc('2026-01-01T11:00:00Z') },
      { grain: '15m', sign: 1, from: utc('2026-01-04T02:00:00Z'), to: utc('2026-01-04T02:30:00Z') },
      { grain: '1h', sign: 1, from: utc('2026-01-01T11:00:00Z'), to: utc('2026-01-01T12:00:00Z') },
      // Two hourly rows in one seek, rather than a 3-hour row minus an hour (two seeks).
      { grain: '1h', sign: 1, from: utc('2026-01-04T00:00:00Z'), to: utc('2026-01-04T02:00:00Z') },
      { grain: '6h', sign: 1, from: utc('2026-01-01T12:00:00Z'), to: utc('2026-01-02T00:00:00Z') },
      { grain: '1d', sign: 1, from: utc('2026-01-02T00:00:00Z'), to: utc('2026-01-04T00:00:00Z') },
    ]);
  });

  it('reads a local day in three seeks (Amsterdam in winter and summer, Kathmandu), a year in about sixty rows', () => {
    const winter = planRange(utc('2026-01-14T23:00:00Z'), utc('2026-01-15T23:00:00Z'));
    expect([winter.pieces.length, rows(winter)]).toEqual([3, 3]);
    // A day ± two hours, not ± one, three and six hours (six seeks for one row less).
    const summer = planRange(utc('2026-07-14T22:00:00Z'), utc('2026-07-15T22:00:00Z'));
    expect(summer.pieces.map((piece) => [piece.grain, piece.sign])).toEqual([['1h', 1], ['1h', -1], ['1d', 1]]);
    expect(rows(summer)).toBe(5);
    const kathmandu = planRange(utc('2026-01-14T18:15:00Z'), utc('2026-01-15T18:15:00Z'));
    expect([kathmandu.pieces.length, rows(kathmandu)]).toEqual([3, 6]);
    expect(rows(planRange(utc('2025-01-01T00:00:00Z'), utc('2026-01-01T00:00:00Z')))).toBeLessThan(60);
  });

  it('answers a short range from raw rows only, and an empty range with nothing', () => {
    expect(planRange(1000, 5000)).toEqual({ pieces: [], raw: [{ from: 1000, to: 5000 }] });
    expect(planRange(5000, 5000)).toEqual({ pieces: [], raw: [] });
  });

  it('covers every range exactly once, net, with aligned pieces', () => {
    const instant = fc.integer({ min: utc('2024-01-01T00:00:00Z'), max: utc('2027-01-01T00:00:00Z') });
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const plan = planRange(from, to);
        const parts = [...plan.raw.map((range) => ({ ...range, sign: 1 })), ...plan.pieces];
        const points = [...new Set(parts.flatMap((part) => [part.from, part.to]).concat(from, to))].sort((x, y) => x - y);
        // Between consecutive boundaries, the signed coverage is 1 inside [from, to) and 0 outside.
        for (let index = 0; index + 1 < points.length; index++) {
          const at = points[index];
          const net = parts.reduce((sum, part) => sum + (part.from <= at && at < part.to ? part.sign : 0), 0);
          expect(net, new Date(at).toISOString()).toBe(at >= from && at < to ? 1 : 0);
        }
        for (const piece of plan.pieces) {
          expect(piece.from % MS[piece.grain]).toBe(0);
          expect(piece.to % MS[piece.grain]).toBe(0);
        }
        expect(plan.raw.every((range) => range.to - range.from < MS['15m'])).toBe(true);
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});
