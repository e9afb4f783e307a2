/** PostgreSQL migration 9: a webhook's huddle-digest schedule and next due time; what an API invitation run needs to resume after a restart (as SQLite's migration 9). Shipped: never edit it. */
import type { PostgresMigration } from '../postgres-migrate.ts';

/** Migration 9, literal SQL as released. */
export const PG_MIGRATION_0009: PostgresMigration = {
  version: 9,
  name: 'huddle digest schedule on webhooks; resumable API invitation runs',
  sql: `
ALTER TABLE webhooks ADD COLUMN digest_schedule text;
ALTER TABLE webhooks ADD COLUMN digest_due_at bigint;
ALTER TABLE invitation_runs ADD COLUMN resume text;
ALTER TABLE invitation_runs ADD COLUMN resumable integer NOT NULL DEFAULT 0;
ALTER TABLE invitations ADD COLUMN person text;
`,
};
