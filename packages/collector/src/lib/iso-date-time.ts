/** ISO 8601 dates and date-times as the API and imports accept them: real calendar dates and times, years 1970–9999. */

/** `2025-06-01`, `2025-06-01T14:30`, `2025-06-01 14:30:00.123+02:00`, `…Z`: a date, an optional time, an optional offset. */
export const ISO_DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** A parsed date-time: its wall-clock reading as if it were UTC, and the offset written with it (minutes east of UTC), if any. */
export interface IsoDateTime {
  wallMs: number;
  offsetMinutes: number | null;
}

/**
 * Reads an ISO 8601 date or date-time; null when it does not have the shape, or names a moment that does not exist
 * (2025-02-30, 24:00, 23:60), a year outside 1970–9999, or an offset beyond ±18:00. Nothing is rolled over.
 */
export function parseIsoDateTime(text: string): IsoDateTime | null {
  const match = ISO_DATE_TIME_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0', zone] = match;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number);
  if (y < 1970 || y > 9999 || h > 23 || mi > 59 || s > 59) return null;
  const wallMs = Date.UTC(y, mo - 1, d, h, mi, s, Number(fraction.padEnd(3, '0').slice(0, 3)));
  const check = new Date(wallMs);
  // Date.UTC rolls 2025-02-30 over to March 2 and month 13 into the next year: refuse instead.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  if (!zone) return { wallMs, offsetMinutes: null };
  if (zone.toUpperCase() === 'Z') return { wallMs, offsetMinutes: 0 };
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  if (offsetMinutes > 18 * 60 || Number(digits.slice(2) || '0') > 59) return null;
  return { wallMs, offsetMinutes: zone.startsWith('-') ? -offsetMinutes : offsetMinutes };
}
