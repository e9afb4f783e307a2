/** The close-the-loop migrations (loops, webhooks, actions), to append to the main list in `store/migrations.ts`. */
import type { Database } from 'better-sqlite3';
import { ACTION_SCHEMA_SQL } from '../actions/action-schema.ts';
import { WEBHOOK_SCHEMA_SQL } from '../webhooks/webhook-schema.ts';
import { LOOP_SCHEMA_SQL } from './loop-schema.ts';

/** The migrations without version numbers; they get the next free versions when appended. */
export const CLOSE_THE_LOOP_MIGRATIONS: readonly { name: string; sql: string }[] = [
  { name: 'close the loop: excluded flag, loops, notes, loop settings, webhooks, actions', sql: LOOP_SCHEMA_SQL + WEBHOOK_SCHEMA_SQL + ACTION_SCHEMA_SQL },
];

/** True once the close-the-loop tables exist. */
export function hasCloseTheLoopSchema(db: Database): boolean {
  return db.prepare("SELECT COUNT(*) AS c FROM sqlite_master WHERE type = 'table' AND name = 'loops'").pluck().get() === 1;
}

/** Applies the close-the-loop schema when the main migrations did not (standalone use before they are appended). */
export function ensureCloseTheLoopSchema(db: Database): void {
  if (hasCloseTheLoopSchema(db)) return;
  db.transaction(() => {
    for (const migration of CLOSE_THE_LOOP_MIGRATIONS) db.exec(migration.sql);
  }).immediate();
}
