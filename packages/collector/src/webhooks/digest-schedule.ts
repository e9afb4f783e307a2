/** When a scheduled huddle digest is due: the next local weekday and time in the schedule's time zone (pure). */
import type { DigestSetting } from '../db/repositories/webhook-repository.ts';
import { localWallMs, wallToUtc } from '../lib/time-zone.ts';

/** The days a digest can be scheduled on, Monday first. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** One weekday. */
export type Weekday = (typeof WEEKDAYS)[number];

/** The schedule a webhook gets when it subscribes to `huddle.digest` without one: Monday 09:00 UTC, the last 7 days. */
export const DEFAULT_DIGEST_SCHEDULE: DigestSetting = { weekday: 'monday', time: '09:00', timeZone: 'UTC', days: 7 };

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * The first instant after `after` (epoch ms) at which the schedule's weekday and local time come round in its
 * time zone. A local time that a daylight-saving jump skips falls at the end of the gap; one that occurs twice, at
 * the first.
 */
export function nextDigestAt(schedule: DigestSetting, after: number): number {
  const [hours, minutes] = schedule.time.split(':').map(Number);
  // Date.getUTCDay() counts from Sunday (0); WEEKDAYS from Monday.
  const targetDay = (WEEKDAYS.indexOf(schedule.weekday as Weekday) + 1) % 7;
  const wall = localWallMs(schedule.timeZone, after);
  const localMidnight = wall - (((wall % DAY) + DAY) % DAY);
  for (let day = 0; day <= 8; day++) {
    const midnight = localMidnight + day * DAY;
    if (new Date(midnight).getUTCDay() !== targetDay) continue;
    const due = wallToUtc(schedule.timeZone, midnight + (hours * 60 + minutes) * MINUTE);
    if (due > after) return due;
  }
  throw new RangeError(`no ${schedule.weekday} ${schedule.time} within 8 days of ${new Date(after).toISOString()} in ${schedule.timeZone}`);
}

/**
 * The instant a digest sent at `now` reports up to: the end of the day before, in the schedule's time zone, so a
 * Monday 09:00 digest covers the last full `days` days (Monday to Sunday), not a few hours of Monday.
 */
export function digestPeriodEnd(schedule: DigestSetting, now: number): number {
  const wall = localWallMs(schedule.timeZone, now);
  return wallToUtc(schedule.timeZone, wall - (((wall % DAY) + DAY) % DAY)) - 1;
}
