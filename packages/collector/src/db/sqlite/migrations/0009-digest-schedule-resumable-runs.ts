/** Migration 9: a webhook's huddle-digest schedule and next due time; what an API invitation run needs to resume after a restart. Shipped: never edit it; the next migration changes things. */
import type { Migration } from '../sqlite-migrate.ts';

/** Migration 9, literal SQL as released. */
export const MIGRATION_0009: Migration = {
  version: 9,
  name: 'huddle digest schedule on webhooks; resumable API invitation runs',
  sql: `
ALTER TABLE webhooks ADD COLUMN digest_schedule TEXT;
ALTER TABLE webhooks ADD COLUMN digest_due_at INTEGER;
ALTER TABLE invitation_runs ADD COLUMN resume TEXT;
ALTER TABLE invitation_runs ADD COLUMN resumable INTEGER NOT NULL DEFAULT 0;
ALTER TABLE invitations ADD COLUMN person TEXT;
`,
};
