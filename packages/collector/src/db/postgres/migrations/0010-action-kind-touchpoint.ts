/** PostgreSQL migration 10: an action is a quick win or a bigger bet, and may name its touchpoint (as SQLite's migration 10). Shipped: never edit it. */
import type { PostgresMigration } from '../postgres-migrate.ts';

/** Migration 10, literal SQL as released. */
export const PG_MIGRATION_0010: PostgresMigration = {
  version: 10,
  name: 'actions: quick win or bigger bet, and the touchpoint they improve',
  sql: `
ALTER TABLE actions ADD COLUMN kind text NOT NULL DEFAULT 'quick_win' CHECK (kind IN ('quick_win', 'bigger_bet'));
ALTER TABLE actions ADD COLUMN touchpoint text;
`,
};
