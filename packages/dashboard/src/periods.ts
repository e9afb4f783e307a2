/** Pure period maths: the current window and the one before it, as ISO instants. */

const DAY = 86_400_000;

/** A half-open time range [from, to). */
export interface Period {
  from: string;
  to: string;
}

/** The last `days` days up to `now`, and the same length just before. */
export function periodPair(days: number, now: number): { current: Period; previous: Period } {
  const to = now;
  const from = to - days * DAY;
  const iso = (ms: number) => new Date(ms).toISOString();
  return { current: { from: iso(from), to: iso(to) }, previous: { from: iso(from - days * DAY), to: iso(from) } };
}

/** How the change reads: only a significant change is called up or down. */
export function changeWording(change: { difference: number | null; significant: boolean }): string {
  if (change.difference === null) return 'not enough answers to compare';
  if (!change.significant) return 'no significant change';
  return change.difference > 0 ? 'significantly up' : 'significantly down';
}
