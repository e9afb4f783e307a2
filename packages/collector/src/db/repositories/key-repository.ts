import { createHash, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/** What a key may do: `read` only reads, `admin` reads and writes. */
export type KeyScope = 'read' | 'admin';

/** A key as listed: never the secret, only its hash is stored. */
export interface ApiKey {
  id: string;
  name: string | null;
  scope: KeyScope;
  createdAt: string;
}

/** SHA-256 of a key secret; keys are 256 random bits, so a fast hash is enough. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** API key storage. */
export function createKeyStore(db: Database) {
  const insert = db.prepare('INSERT INTO api_keys (id, name, scope, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)');
  const byHash = db.prepare<[string], { id: string; name: string | null; scope: KeyScope; created_at: number }>(
    'SELECT id, name, scope, created_at FROM api_keys WHERE secret_hash = ?',
  );

  return {
    /** Creates a key and returns its secret, which is shown once and never stored. */
    createKey(scope: KeyScope, name: string | null = null): { secret: string; key: ApiKey } {
      const id = `key_${randomBytes(6).toString('hex')}`;
      const secret = `npsk_${scope}_${randomBytes(32).toString('base64url')}`;
      const createdAt = Date.now();
      insert.run(id, name, scope, hashSecret(secret), createdAt);
      return { secret, key: { id, name, scope, createdAt: new Date(createdAt).toISOString() } };
    },
    /** The key a secret belongs to, or undefined. */
    findKey(secret: string): ApiKey | undefined {
      const row = byHash.get(hashSecret(secret));
      return row && { id: row.id, name: row.name, scope: row.scope, createdAt: new Date(row.created_at).toISOString() };
    },
  };
}
