/** API keys: stored as a hash of the secret, which is shown once and never stored. */
import { createHash, randomBytes } from 'node:crypto';
import type { ApiKey, KeyScope } from '@npsloop/core';
import type { Kysely } from 'kysely';
import { queryTemplate, type Executor } from '../executor.ts';
import type { Schema } from '../schema.ts';

// A key as listed (never the secret, only its hash is stored, nor the hash) is the API's wire type.
export type { ApiKey, KeyScope };

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

const KEY_COLUMNS = ['id', 'name', 'scope', 'created_at', 'last_used_at'] as const;

const toKey = (row: KeyRow): ApiKey => ({
  id: row.id, name: row.name, scope: row.scope, createdAt: new Date(Number(row.created_at)).toISOString(),
  lastUsedAt: row.last_used_at === null ? null : new Date(Number(row.last_used_at)).toISOString(),
});

/** The lookup every authenticated request makes, compiled once. */
export function keyTemplates(db: Kysely<Schema>) {
  return {
    byHash: queryTemplate<'hash'>((value) => db.selectFrom('api_keys').select(KEY_COLUMNS).where('secret_hash', '=', value('hash'))),
  };
}

/** When each key's "last used" was last written by this process (shared by every repository of one database). */
export type LastUsedWrites = Map<string, number>;

/** API key storage: create, find by secret, list, revoke, and a throttled "last used". */
export class KeyRepository {
  constructor(
    private readonly executor: Executor,
    private readonly templates: ReturnType<typeof keyTemplates>,
    private readonly lastWritten: LastUsedWrites = new Map(),
  ) {}

  /** Creates a key and returns its secret, which is shown once and never stored. */
  async create(scope: KeyScope, name: string | null = null, now = Date.now()): Promise<{ secret: string; key: ApiKey }> {
    const id = `key_${randomBytes(6).toString('hex')}`;
    const secret = `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
    await this.executor.db.insertInto('api_keys').values({ id, name, scope, secret_hash: hashSecret(secret), created_at: now, last_used_at: null }).execute();
    return { secret, key: toKey({ id, name, scope, created_at: now, last_used_at: null }) };
  }

  /** The key a secret belongs to, or undefined (also for a revoked key: it is gone). */
  async find(secret: string): Promise<ApiKey | undefined> {
    const row = await this.executor.first<KeyRow>(this.templates.byHash, { hash: hashSecret(secret) });
    return row && toKey(row);
  }

  /** Every key, oldest first. */
  async list(): Promise<ApiKey[]> {
    const rows = await this.executor.db.selectFrom('api_keys').select(KEY_COLUMNS).orderBy('created_at').orderBy('id').execute();
    return rows.map(toKey);
  }

  /** Deletes a key; it stops working with the next request. False when there is no such key. */
  async revoke(id: string): Promise<boolean> {
    this.lastWritten.delete(id);
    const result = await this.executor.db.deleteFrom('api_keys').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  /** Notes that a key was used now; writes only when the stored time is a minute old or more. */
  async markUsed(id: string, now = Date.now()): Promise<void> {
    const previous = this.lastWritten.get(id);
    if (previous !== undefined && now - previous < LAST_USED_RESOLUTION_MS) return;
    this.lastWritten.set(id, now);
    await this.executor.db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', id).execute();
  }
}
