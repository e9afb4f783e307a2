import { sortableId } from '@npsloop/core';

/** A 20-character id of `[A-Za-z0-9_-]` for responses, events and visitors: the time, then 72 random bits (see `sortableId`). */
export function randomId(): string {
  const bytes = new Uint8Array(12);
  try {
    crypto.getRandomValues(bytes);
  } catch {
    for (let index = 0; index < bytes.length; index++) bytes[index] = Math.random() * 256;
  }
  return sortableId(Date.now(), bytes);
}
