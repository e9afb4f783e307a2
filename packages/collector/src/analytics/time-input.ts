/** Parses the ISO 8601 `from`/`to` query values; a value without an offset is wall time in the request's zone. */
import { wallToUtc } from '../lib/time-zone.ts';

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** The instant (UTC ms) an ISO 8601 date or date-time denotes, or null when it is not one. */
export function parseIsoInstant(text: string, timeZone = 'UTC'): number | null {
  const match = ISO_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0', zone] = match;
  const parts = [year, month, day, hour, minute, second].map(Number);
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  const wall = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5], millis);
  const check = new Date(wall);
  // Reject dates that Date.UTC silently rolls over (2026-02-30, 24:00).
  if (check.getUTCMonth() !== parts[1] - 1 || check.getUTCDate() !== parts[2] || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) return null;
  if (parts[0] < 1970 || parts[0] > 9999) return null;
  if (!zone) return wallToUtc(timeZone, wall);
  if (zone.toUpperCase() === 'Z') return wall;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  if (offsetMinutes > 18 * 60) return null;
  return wall - sign * offsetMinutes * 60_000;
}
