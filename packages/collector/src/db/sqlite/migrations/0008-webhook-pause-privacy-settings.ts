/** Migration 8: pausing a webhook (`paused_at`), and the retention period set from the dashboard (`privacy_settings`). Shipped: never edit it; the next migration changes things. */
import type { Migration } from '../sqlite-migrate.ts';

/** Migration 8, literal SQL as released. */
export const MIGRATION_0008: Migration = {
  version: 8,
  name: 'webhook pause, privacy settings',
  sql: `
ALTER TABLE webhooks ADD COLUMN paused_at INTEGER;
CREATE TABLE privacy_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  retention_days INTEGER CHECK (retention_days BETWEEN 1 AND 36500),
  updated_at INTEGER NOT NULL
) STRICT;
`,
};
