/**
 * Migration 12: nothing changes on SQLite. PostgreSQL's migration 12 drops the foreign keys from `responses` and
 * `loops` to `surveys` (each costs it a query a row); SQLite checks them for ~0.3 µs and keeps them. The number is
 * taken here too, so both engines reach the same schema version (`npsloop copy` compares them). Shipped: never edit it.
 */
import type { Migration } from '../sqlite-migrate.ts';

/** Migration 12, literal SQL as released. */
export const MIGRATION_0012: Migration = {
  version: 12,
  name: 'responses and loops: the survey they name is checked by the writer (PostgreSQL drops its foreign keys; SQLite keeps them)',
  sql: `
-- Nothing to change on SQLite.
`,
};
