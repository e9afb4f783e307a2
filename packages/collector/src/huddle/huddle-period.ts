/** The huddle's periods: the last N local days up to and including today, and the N days before them, in the team's time zone. */
import { formatInZone, localWallMs, wallToUtc } from '../lib/time-zone.ts';

const DAY = 86_400_000;

/** A half-open period in UTC ms, with its bounds as local ISO 8601 for display. */
export interface Period {
  from: number;
  to: number;
  fromLocal: string;
  toLocal: string;
}

function period(timeZone: string, fromWall: number, toWall: number): Period {
  const from = wallToUtc(timeZone, fromWall);
  const to = wallToUtc(timeZone, toWall);
  return { from, to, fromLocal: formatInZone(timeZone, from), toLocal: formatInZone(timeZone, to) };
}

/**
 * The current period spans `days` local days and includes today (it ends at
 * tomorrow's local midnight), as "the last N days" does everywhere in npsloop;
 * the previous period is the `days` local days before it. Local days keep DST
 * changes right (23 or 25 hours).
 */
export function huddlePeriods(now: number, days: number, timeZone: string): { current: Period; previous: Period } {
  const wall = localWallMs(timeZone, now);
  const endWall = wall - (((wall % DAY) + DAY) % DAY) + DAY;
  return {
    current: period(timeZone, endWall - days * DAY, endWall),
    previous: period(timeZone, endWall - 2 * days * DAY, endWall - days * DAY),
  };
}
