import { createHash, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/** What a key may do: `read` only reads, `admin` reads and writes. */
export type KeyScope = 'read' | 'admin';

/** A key as listed: never the secret (only its hash is stored) nor the hash. */
export interface ApiKey {
  id: string;
  name: string | null;
  scope: KeyScope;
  createdAt: string;
  /** When a request last used the key, to the minute; null when never. */
  lastUsedAt: string | null;
}

/** Every secret starts with this, whatever its scope, so secret scanners and people recognise one. */
export const SECRET_PREFIX = 'npsk_';

/** "Last used" is written at most this often per key, so reads with a key cost no write each. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** SHA-256 of a key secret; keys are 256 random bits, so a fast hash is enough. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

interface KeyRow {
  id: string;
  name: string | null;
  scope: KeyScope;
  created_at: number;
  last_used_at: number | null;
}

const toKey = (row: KeyRow): ApiKey => ({
  id: row.id, name: row.name, scope: row.scope, createdAt: new Date(row.created_at).toISOString(),
  lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at).toISOString(),
});

/** API key storage: create, find by secret, list, revoke, and a throttled "last used". */
export function createKeyStore(db: Database) {
  const columns = 'id, name, scope, created_at, last_used_at';
  const insert = db.prepare('INSERT INTO api_keys (id, name, scope, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)');
  const byHash = db.prepare<[string], KeyRow>(`SELECT ${columns} FROM api_keys WHERE secret_hash = ?`);
  const all = db.prepare<[], KeyRow>(`SELECT ${columns} FROM api_keys ORDER BY created_at, rowid`);
  const remove = db.prepare('DELETE FROM api_keys WHERE id = ?');
  const touch = db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?');
  const lastWritten = new Map<string, number>();

  return {
    /** Creates a key and returns its secret, which is shown once and never stored. */
    createKey(scope: KeyScope, name: string | null = null): { secret: string; key: ApiKey } {
      const id = `key_${randomBytes(6).toString('hex')}`;
      const secret = `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
      const createdAt = Date.now();
      insert.run(id, name, scope, hashSecret(secret), createdAt);
      return { secret, key: toKey({ id, name, scope, created_at: createdAt, last_used_at: null }) };
    },
    /** The key a secret belongs to, or undefined (also for a revoked key: it is gone). */
    findKey(secret: string): ApiKey | undefined {
      const row = byHash.get(hashSecret(secret));
      return row && toKey(row);
    },
    /** Every key, oldest first. */
    listKeys(): ApiKey[] {
      return all.all().map(toKey);
    },
    /** Deletes a key; it stops working with the next request. False when there is no such key. */
    revokeKey(id: string): boolean {
      lastWritten.delete(id);
      return remove.run(id).changes === 1;
    },
    /** Notes that a key was used now; writes only when the stored time is a minute old or more. */
    markUsed(id: string, now = Date.now()): void {
      const previous = lastWritten.get(id);
      if (previous !== undefined && now - previous < LAST_USED_RESOLUTION_MS) return;
      lastWritten.set(id, now);
      touch.run(now, id);
    },
  };
}

/** The key storage. */
export type KeyStore = ReturnType<typeof createKeyStore>;
