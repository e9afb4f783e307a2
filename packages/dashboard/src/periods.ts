/** Pure period maths on local calendar days: "the last N days" always includes today, the same on every page. */

const DAY = 86_400_000;

/** A range of local calendar days, both ends included: `{ from: '2026-03-01', to: '2026-03-30' }`. */
export interface DayRange {
  from: string;
  to: string;
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in a time zone. */
export function localDate(instant: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The calendar day `days` after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The last `days` days up to and including today (in `timeZone`), and the same number of days just before. */
export function lastDays(days: number, now: number, timeZone: string): { current: DayRange; previous: DayRange } {
  const today = localDate(now, timeZone);
  const from = addDays(today, 1 - days);
  return { current: { from, to: today }, previous: { from: addDays(from, -days), to: addDays(from, -1) } };
}

/** The API filter of a day range: `from`, `to` as the next day's start (exclusive), and the zone the days are in. */
export function rangeQuery(range: DayRange, timeZone: string): { from: string; to: string; tz: string } {
  return { from: range.from, to: addDays(range.to, 1), tz: timeZone };
}

/** The `compare` query of two day ranges: A before, B after. */
export function compareQuery(a: DayRange, b: DayRange, timeZone: string): Record<string, string> {
  return { aFrom: a.from, aTo: addDays(a.to, 1), bFrom: b.from, bTo: addDays(b.to, 1), tz: timeZone };
}

/** True when a range starts no later than it ends (both given). */
export function isRange(range: DayRange): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(range.from) && /^\d{4}-\d{2}-\d{2}$/.test(range.to) && range.from <= range.to;
}
