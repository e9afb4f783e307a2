/**
 * Applies the PostgreSQL migrations a database lacks, each in its own transaction, recorded in
 * `schema_migrations`. Several collectors starting together take turns on an advisory lock, so the schema
 * is migrated once and the others find it done.
 */
import type pg from 'pg';
import { POSTGRES_MIGRATIONS } from './migrations/index.ts';

/** One schema change: literal SQL, never edited once released. */
export interface PostgresMigration {
  version: number;
  name: string;
  sql: string;
}

// The advisory lock's key: a fixed pair ("npsl", "migr") that no other application is likely to use.
const LOCK_KEY = [0x6e70736c, 0x6d696772] as const;

/** Applies every migration newer than the database's version on one connection; returns the version it is at now. */
export async function migratePostgres(client: pg.ClientBase, migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS): Promise<number> {
  await client.query('SELECT pg_advisory_lock($1, $2)', [...LOCK_KEY]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)`);
    const { rows } = await client.query<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
    const current = rows[0]?.version ?? 0;
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, Date.now()]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    }
    return Math.max(current, migrations.at(-1)?.version ?? 0);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1, $2)', [...LOCK_KEY]).catch(() => undefined);
  }
}
