/** The huddle's timer, pure: how much is left of the meeting's length, or how far over it is, as m:ss. */

/** The lengths a huddle can be given, in minutes (the method: 15–30 minutes). */
export const HUDDLE_LENGTHS = [15, 20, 30] as const;

/** A meeting length in minutes. */
export type HuddleLength = (typeof HUDDLE_LENGTHS)[number];

const clock = (ms: number) => {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/** The timer at `now` for a huddle started at `startedAt` (epoch ms) lasting `minutes`: time left, or time over once it has run out. */
export function timerReading(startedAt: number, now: number, minutes: number): { over: boolean; text: string } {
  const left = startedAt + minutes * 60_000 - now;
  return left > 0 ? { over: false, text: clock(left + 999) } : { over: true, text: clock(-left) };
}
