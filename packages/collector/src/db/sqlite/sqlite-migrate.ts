/** Applies the SQLite migrations a database lacks, each in its own transaction, recorded in `schema_migrations`. */
import type { Database as SqliteHandle } from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from './migrations/index.ts';

/**
 * One schema change. A migration that rebuilds tables names them and the tables that point at them in
 * `rebuildsTables`: it runs with foreign keys off (so a dropped table cascades nowhere), and those tables'
 * keys are checked before it commits (only those, so a large database does not scan every table).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  rebuildsTables?: readonly string[];
}

/** Applies every migration newer than the database's version; returns the version it is at now. */
export function migrateSqlite(handle: SqliteHandle, migrations: readonly Migration[] = SQLITE_MIGRATIONS): number {
  handle.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`);
  const current = (handle.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null }).version ?? 0;
  const record = handle.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    // The foreign_keys pragma is a no-op inside a transaction, so it is switched around it.
    const foreignKeys = handle.pragma('foreign_keys', { simple: true }) as number;
    if (migration.rebuildsTables) handle.pragma('foreign_keys = OFF');
    try {
      handle.transaction(() => {
        handle.exec(migration.sql);
        const broken = (migration.rebuildsTables ?? []).filter((table) => (handle.pragma(`foreign_key_check(${table})`) as unknown[]).length > 0);
        if (broken.length > 0) {
          throw new Error(`migration ${migration.version} (${migration.name}) would break foreign keys in ${broken.join(', ')}`);
        }
        record.run(migration.version, migration.name, Date.now());
      }).immediate();
    } finally {
      if (migration.rebuildsTables) handle.pragma(`foreign_keys = ${foreignKeys}`);
    }
  }
  return Math.max(current, migrations.at(-1)?.version ?? 0);
}
