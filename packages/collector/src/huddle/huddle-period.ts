/** The huddle's periods: the last N complete local days, and the N days before them, in the team's time zone. */
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
 * The current period ends at today's local midnight and spans `days` local days
 * (a weekly huddle on Monday covers Monday to Sunday); the previous period is the
 * `days` local days before it. Local days keep DST changes right (23 or 25 hours).
 */
export function huddlePeriods(now: number, days: number, timeZone: string): { current: Period; previous: Period } {
  const wall = localWallMs(timeZone, now);
  const todayWall = wall - (((wall % DAY) + DAY) % DAY);
  return {
    current: period(timeZone, todayWall - days * DAY, todayWall),
    previous: period(timeZone, todayWall - 2 * days * DAY, todayWall - days * DAY),
  };
}
