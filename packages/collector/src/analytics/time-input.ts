/** Parses the ISO 8601 `from`/`to` query values; a value without an offset is wall time in the request's zone. */
import { parseIsoDateTime } from '../lib/iso-date-time.ts';
import { wallToUtc } from '../lib/time-zone.ts';

/** The instant (UTC ms) an ISO 8601 date or date-time denotes, or null when it is not one. */
export function parseIsoInstant(text: string, timeZone = 'UTC'): number | null {
  const parsed = parseIsoDateTime(text);
  if (!parsed) return null;
  if (parsed.offsetMinutes === null) return wallToUtc(timeZone, parsed.wallMs);
  return parsed.wallMs - parsed.offsetMinutes * 60_000;
}
