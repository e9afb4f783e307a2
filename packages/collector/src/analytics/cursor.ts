/** Opaque keyset cursors over (time, id): stable while new answers arrive. */
import type { ResponsePosition } from '../db/analytics/response-list.ts';

/** Encodes a position as a short URL-safe token. */
export function encodeCursor(position: ResponsePosition): string {
  return Buffer.from(`${position.createdAt}.${position.id}`, 'utf8').toString('base64url');
}

/** Decodes a token from `encodeCursor`, or null when it is not one. */
export function decodeCursor(token: string): ResponsePosition | null {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(token)) return null;
  const match = /^(-?\d{1,16})\.([A-Za-z0-9_-]{1,64})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match) return null;
  const createdAt = Number(match[1]);
  return Number.isSafeInteger(createdAt) ? { createdAt, id: match[2] } : null;
}
