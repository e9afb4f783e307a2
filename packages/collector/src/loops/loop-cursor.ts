/** Opaque cursors of the loop queue: the last loop's opening time and response id. */
import type { LoopPosition } from '../db/repositories/loop-queries.ts';

/** The cursor of the page after `position`. */
export function encodeLoopCursor(position: LoopPosition): string {
  return Buffer.from(`${position.openedAt}:${position.responseId}`).toString('base64url');
}

/** The position a cursor names, or null when it is not one of ours. */
export function decodeLoopCursor(cursor: string): LoopPosition | null {
  const match = /^(-?\d{1,16}):([A-Za-z0-9_-]{1,64})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? { openedAt: Number(match[1]), responseId: match[2] } : null;
}
