import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from '../migrate.ts';

/** How hard SQLite syncs on commit in WAL mode: NORMAL survives a killed process, FULL also power loss. */
export type SyncMode = 'FULL' | 'NORMAL';

/** True when the database lives in a file (so it has a WAL to checkpoint). */
export function isFileDatabase(path: string): boolean {
  return path !== ':memory:' && path !== '' && !path.startsWith('file:');
}

/** Opens (creating its directory) the SQLite file in WAL mode and applies migrations. */
export function openDatabase(path: string, sync: SyncMode = 'NORMAL'): Database {
  if (isFileDatabase(path)) mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${sync}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Random-keyed inserts touch pages all over the indexes: keep them in memory (64 MiB).
  db.pragma('cache_size = -65536');
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
