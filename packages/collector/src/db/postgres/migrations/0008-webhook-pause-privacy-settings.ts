/** PostgreSQL migration 8: pausing a webhook (`paused_at`), and the retention period set from the dashboard (`privacy_settings`). Shipped: never edit it; the next migration changes things. */
import type { PostgresMigration } from '../postgres-migrate.ts';

/** Migration 8, literal SQL as released. */
export const PG_MIGRATION_0008: PostgresMigration = {
  version: 8,
  name: 'webhook pause, privacy settings',
  sql: `
ALTER TABLE webhooks ADD COLUMN paused_at bigint;
CREATE TABLE privacy_settings (
  id integer PRIMARY KEY CHECK (id = 1),
  retention_days integer CHECK (retention_days BETWEEN 1 AND 36500),
  updated_at bigint NOT NULL
);
`,
};
