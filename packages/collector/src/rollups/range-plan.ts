/** Splits a time range into rollup pieces (15 min, 1 h, 1 day, UTC-aligned) and raw-row edges. */

/** A rollup grain: UTC-aligned buckets of 15 minutes, 1, 3 and 6 hours, days and 7 days. */
export type Grain = '15m' | '1h' | '3h' | '6h' | '1d' | '7d';

/**
 * Every grain with its length in ms, finest first; each divides the next.
 * Every zone's local midnight falls on a 15-minute UTC boundary; the 3 h / 6 h
 * steps cut a local day from 24 hourly rows to about eight, and 7-day rows
 * (aligned to the epoch, so they start on Thursdays) cut a year of days to ~60 rows.
 */
export const GRAINS: readonly { grain: Grain; ms: number }[] = [
  { grain: '15m', ms: 15 * 60_000 },
  { grain: '1h', ms: 60 * 60_000 },
  { grain: '3h', ms: 3 * 60 * 60_000 },
  { grain: '6h', ms: 6 * 60 * 60_000 },
  { grain: '1d', ms: 24 * 60 * 60_000 },
  { grain: '7d', ms: 7 * 24 * 60 * 60_000 },
];

/** A half-open UTC range `[from, to)` in ms. */
export interface TimeRange {
  from: number;
  to: number;
}

/** A range answered from one grain's rollup rows (`bucket_start` in `[from, to)`). */
export interface RollupPiece extends TimeRange {
  grain: Grain;
}

/** How to answer a range: rollup pieces plus sub-15-minute edges read from raw rows. */
export interface RangePlan {
  pieces: RollupPiece[];
  raw: TimeRange[];
}

const floorTo = (value: number, step: number) => Math.floor(value / step) * step;
const ceilTo = (value: number, step: number) => Math.ceil(value / step) * step;

/**
 * Covers `[from, to)` exactly with the coarsest aligned rollup buckets that fit,
 * finer buckets at the edges, and raw ranges where not even 15 minutes fit.
 */
export function planRange(from: number, to: number): RangePlan {
  const plan: RangePlan = { pieces: [], raw: [] };
  if (to <= from) return plan;
  const finest = GRAINS[0].ms;
  const alignedFrom = ceilTo(from, finest);
  const alignedTo = floorTo(to, finest);
  if (alignedFrom >= alignedTo) {
    plan.raw.push({ from, to });
    return plan;
  }
  if (from < alignedFrom) plan.raw.push({ from, to: alignedFrom });
  if (alignedTo < to) plan.raw.push({ from: alignedTo, to });
  coverAligned(plan.pieces, 0, alignedFrom, alignedTo);
  return plan;
}

/** Covers a range aligned to GRAINS[level] with that grain at the edges and coarser grains inside. */
function coverAligned(pieces: RollupPiece[], level: number, from: number, to: number): void {
  const { grain } = GRAINS[level];
  const coarser = GRAINS[level + 1];
  const innerFrom = coarser ? ceilTo(from, coarser.ms) : to;
  const innerTo = coarser ? floorTo(to, coarser.ms) : to;
  if (!coarser || innerFrom >= innerTo) {
    pieces.push({ grain, from, to });
    return;
  }
  if (from < innerFrom) pieces.push({ grain, from, to: innerFrom });
  if (innerTo < to) pieces.push({ grain, from: innerTo, to });
  coverAligned(pieces, level + 1, innerFrom, innerTo);
}

