/** API keys: stored as a hash of the secret, which is shown once and never stored. */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { queryTemplate, type Executor } from '../executor.ts';
import type { Schema } from '../schema.ts';

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

/** The lookup every authenticated request makes, compiled once. */
export function keyTemplates(db: Kysely<Schema>) {
  return {
    byHash: queryTemplate<'hash'>((value) => db.selectFrom('api_keys').select(['id', 'name', 'scope', 'created_at']).where('secret_hash', '=', value('hash'))),
  };
}

/** API key storage. */
export class KeyRepository {
  constructor(private readonly executor: Executor, private readonly templates: ReturnType<typeof keyTemplates>) {}

  /** Creates a key and returns its secret, which is shown once and never stored. */
  async create(scope: KeyScope, name: string | null = null, now = Date.now()): Promise<{ secret: string; key: ApiKey }> {
    const id = `key_${randomBytes(6).toString('hex')}`;
    const secret = `npsk_${scope}_${randomBytes(32).toString('base64url')}`;
    await this.executor.db.insertInto('api_keys').values({ id, name, scope, secret_hash: hashSecret(secret), created_at: now }).execute();
    return { secret, key: { id, name, scope, createdAt: new Date(now).toISOString() } };
  }

  /** The key a secret belongs to, or undefined. */
  async find(secret: string): Promise<ApiKey | undefined> {
    const row = await this.executor.first<{ id: string; name: string | null; scope: KeyScope; created_at: number }>(this.templates.byHash, { hash: hashSecret(secret) });
    return row && { id: row.id, name: row.name, scope: row.scope, createdAt: new Date(row.created_at).toISOString() };
  }
}
