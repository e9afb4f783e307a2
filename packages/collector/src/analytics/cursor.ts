/** Opaque keyset cursors over (created_at, rowid): stable while new answers arrive. */

/** A position in newest-first order: rows strictly older than it come next. */
export interface CursorPosition {
  createdAt: number;
  rowid: number;
}

/** Encodes a position as a short URL-safe token. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(`${position.createdAt}.${position.rowid}`, 'utf8').toString('base64url');
}

/** Decodes a token from `encodeCursor`, or null when it is not one. */
export function decodeCursor(token: string): CursorPosition | null {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(token)) return null;
  const match = /^(-?\d{1,16})\.(\d{1,19})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match) return null;
  const position = { createdAt: Number(match[1]), rowid: Number(match[2]) };
  return Number.isSafeInteger(position.createdAt) && Number.isSafeInteger(position.rowid) ? position : null;
}
