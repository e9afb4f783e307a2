/** Migration 10: an action is a quick win or a bigger bet, and may name the touchpoint it improves. Shipped: never edit it; the next migration changes things. */
import type { Migration } from '../sqlite-migrate.ts';

/** Migration 10, literal SQL as released. */
export const MIGRATION_0010: Migration = {
  version: 10,
  name: 'actions: quick win or bigger bet, and the touchpoint they improve',
  sql: `
ALTER TABLE actions ADD COLUMN kind TEXT NOT NULL DEFAULT 'quick_win' CHECK (kind IN ('quick_win', 'bigger_bet'));
ALTER TABLE actions ADD COLUMN touchpoint TEXT;
`,
};
