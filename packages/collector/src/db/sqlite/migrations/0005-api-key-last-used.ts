/** Migration 5: when each API key was last used (to the minute). Shipped: never edit it; the next migration changes things. */
import type { Migration } from '../sqlite-migrate.ts';

/** Migration 5, literal SQL as released. */
export const MIGRATION_0005: Migration = {
  version: 5,
  name: 'api keys: when each was last used',
  sql: 'ALTER TABLE api_keys ADD COLUMN last_used_at INTEGER',
};
