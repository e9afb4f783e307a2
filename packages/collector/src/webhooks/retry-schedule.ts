/** When a failed delivery is tried again: exponential backoff over more than a day, as Standard Webhooks suggests. */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Waits after the 1st, 2nd, … failed attempt; after the last one the delivery is given up (about 27.6 h in all). */
export const RETRY_DELAYS_MS: readonly number[] = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR];

/** The wait before the next attempt after `failedAttempts` failures, or null when it is time to give up. */
export function nextRetryDelay(failedAttempts: number): number | null {
  return RETRY_DELAYS_MS[failedAttempts - 1] ?? null;
}
