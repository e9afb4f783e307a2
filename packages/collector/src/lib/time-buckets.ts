/** Local calendar buckets (day, week from Monday, month from the 1st) as UTC instants, DST-correct. */
import { formatWall, localWallMs, wallToUtc } from './time-zone.ts';

/** A trend granularity. */
export type TrendInterval = 'day' | 'week' | 'month';

/** One local calendar bucket: `[start, end)` in UTC ms, and its start as local ISO 8601 with offset. */
export interface TimeBucket {
  start: number;
  end: number;
  label: string;
}

const DAY = 86_400_000;

/** The wall-clock midnight (as UTC-style ms) that opens the bucket containing the wall time. */
function bucketWallStart(interval: TrendInterval, wallMs: number): number {
  const date = new Date(wallMs);
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  if (interval === 'day') return midnight;
  if (interval === 'month') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  const daysSinceMonday = (date.getUTCDay() + 6) % 7;
  return midnight - daysSinceMonday * DAY;
}

/** The wall-clock start of the bucket after the one starting at `wallStart`. */
function nextWallStart(interval: TrendInterval, wallStart: number): number {
  if (interval === 'day') return wallStart + DAY;
  if (interval === 'week') return wallStart + 7 * DAY;
  const date = new Date(wallStart);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/** How many buckets `[from, to)` spans, without building them (for limits). */
export function countBuckets(interval: TrendInterval, timeZone: string, from: number, to: number): number {
  if (to <= from) return 0;
  const first = bucketWallStart(interval, localWallMs(timeZone, from));
  const last = bucketWallStart(interval, localWallMs(timeZone, to - 1));
  if (interval === 'month') {
    const a = new Date(first);
    const b = new Date(last);
    return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1;
  }
  return Math.round((last - first) / (interval === 'day' ? DAY : 7 * DAY)) + 1;
}

/**
 * The contiguous local buckets covering `[from, to)`: the first one contains
 * `from` (and may start before it), the last one contains `to − 1 ms`.
 */
export function localBuckets(interval: TrendInterval, timeZone: string, from: number, to: number): TimeBucket[] {
  const buckets: TimeBucket[] = [];
  if (to <= from) return buckets;
  let wallStart = bucketWallStart(interval, localWallMs(timeZone, from));
  let start = wallToUtc(timeZone, wallStart);
  // The wall clock at `start`: the bucket's midnight, or later when a DST gap swallowed it.
  let startWall = localWallMs(timeZone, start);
  while (start < to) {
    const nextWall = nextWallStart(interval, wallStart);
    // Fast path: with the offset unchanged, the next start is the same wall-clock distance away.
    // When a DST change intervenes the guess shows another wall time and is worked out in full.
    const guess = start + (nextWall - startWall);
    const fast = localWallMs(timeZone, guess) === nextWall;
    const end = fast ? guess : wallToUtc(timeZone, nextWall);
    buckets.push({ start, end, label: formatWall(startWall, start) });
    wallStart = nextWall;
    start = end;
    startWall = fast ? nextWall : localWallMs(timeZone, end);
  }
  return buckets;
}
