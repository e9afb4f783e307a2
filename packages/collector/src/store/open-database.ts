import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrations.ts';

/** How hard SQLite syncs on commit in WAL mode: NORMAL survives a killed process, FULL also power loss. */
export type SyncMode = 'FULL' | 'NORMAL';

/** Opens (creating its directory) the SQLite file in WAL mode and applies migrations. */
export function openDatabase(path: string, sync: SyncMode = 'NORMAL'): Database {
  if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${sync}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
