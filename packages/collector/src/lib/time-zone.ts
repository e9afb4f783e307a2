/** Time-zone arithmetic on top of `Intl.DateTimeFormat`: offsets, local wall clocks, local midnights. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** True when the runtime knows the IANA zone name. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

const WALL_PATTERN = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),? (\d{1,2}):(\d{2}):(\d{2})$/;

/** The local wall clock at `utcMs` in the zone, expressed as if it were a UTC timestamp. */
export function localWallMs(timeZone: string, utcMs: number): number {
  // `format` and a regex are several times faster than `formatToParts` (trends call this per bucket).
  const match = WALL_PATTERN.exec(formatter(timeZone).format(new Date(utcMs)));
  if (!match) throw new RangeError(`cannot read the wall clock of ${timeZone} at ${utcMs}`);
  const [, month, day, year, hour, minute, second] = match.map(Number);
  // `format` drops milliseconds; keep them so the offset is exact.
  return Date.UTC(year, month - 1, day, hour, minute, second) + (((utcMs % 1000) + 1000) % 1000);
}

/** The zone's offset from UTC at `utcMs`, in milliseconds (Kathmandu: +5:45 → 20_700_000). */
export function zoneOffsetMs(timeZone: string, utcMs: number): number {
  return localWallMs(timeZone, utcMs) - utcMs;
}

/**
 * The first instant (UTC ms) whose local wall clock is at or after the given
 * wall time: the wall time itself when it exists, the end of the DST gap when
 * clocks jump over it, the earlier of the two when it occurs twice.
 */
export function wallToUtc(timeZone: string, wallMs: number): number {
  // Any real offset lies within ±14 h, so probing both sides finds every candidate.
  const candidates = new Set([
    wallMs - zoneOffsetMs(timeZone, wallMs - 14 * HOUR),
    wallMs - zoneOffsetMs(timeZone, wallMs + 14 * HOUR),
    wallMs - zoneOffsetMs(timeZone, wallMs),
  ]);
  const exact = [...candidates].filter((utc) => localWallMs(timeZone, utc) === wallMs).sort((a, b) => a - b);
  if (exact.length > 0) return exact[0];
  // The wall time falls in a gap: the answer is the transition, found by bisection.
  let low = Math.min(...candidates);
  let high = Math.max(...candidates);
  while (high - low > 1000) {
    const middle = Math.floor((low + high) / 2000) * 1000;
    if (localWallMs(timeZone, middle) >= wallMs) high = middle;
    else low = middle;
  }
  return localWallMs(timeZone, low) >= wallMs ? low : high;
}

/** An ISO 8601 timestamp showing the zone's local time and offset, e.g. `2026-03-29T00:00:00+01:00`. */
export function formatInZone(timeZone: string, utcMs: number): string {
  return formatWall(localWallMs(timeZone, utcMs), utcMs);
}

/** ISO 8601 for an instant whose local wall clock is already known. */
export function formatWall(wall: number, utcMs: number): string {
  const offsetMinutes = Math.round((wall - utcMs) / MINUTE);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const pad = (value: number) => String(value).padStart(2, '0');
  const offset = `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
  return new Date(wall).toISOString().slice(0, 19) + offset;
}
