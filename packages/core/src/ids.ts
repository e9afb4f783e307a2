/**
 * Ids for answers and events that sort by the time they were made: 8 characters of
 * milliseconds, then 12 random ones (72 bits). Stored ids then arrive near the end of
 * their index instead of anywhere in it, so a batch of inserts touches a few pages
 * rather than one page per answer (the database writes every touched page again).
 */

/** `[A-Za-z0-9_-]` in byte order, so a string of these sorts as the numbers it encodes. */
export const SORTABLE_ID_ALPHABET = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';

/** Characters of time at the start of an id: 48 bits of milliseconds, enough until the year 10889. */
const TIME_CHARACTERS = 8;

/** A 20-character id from the time in ms and 12 random bytes (only their low 6 bits are used). */
export function sortableId(now: number, random: ArrayLike<number>): string {
  let id = '';
  for (let index = TIME_CHARACTERS - 1; index >= 0; index--) id += SORTABLE_ID_ALPHABET[Math.floor(now / 64 ** index) % 64];
  for (let index = 0; index < 12; index++) id += SORTABLE_ID_ALPHABET[random[index] & 63];
  return id;
}
