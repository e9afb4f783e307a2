/** Migration 4: loops keyed by their response without a rowid and with one index, so opening one on ingest writes two B-trees, not four. Shipped: never edit it; the next migration changes things. */
import type { Migration } from '../sqlite-migrate.ts';

/** Migration 4, literal SQL as released. */
export const MIGRATION_0004: Migration = {
  version: 4,
  name: 'loops without rowid, one index (cheaper to open on ingest)',
  rebuildsTables: ['loops', 'loop_notes'],
  sql: `
CREATE TABLE loops_rebuilt (
  response_id TEXT PRIMARY KEY REFERENCES responses(id) ON DELETE CASCADE,
  survey_id TEXT NOT NULL REFERENCES surveys(id),
  state TEXT NOT NULL CHECK (state IN ('open', 'contacted', 'resolved', 'closed')),
  assignee TEXT,
  tags TEXT NOT NULL DEFAULT '[]',
  close_reason TEXT,
  opened_at INTEGER NOT NULL,
  first_contact_at INTEGER,
  resolved_at INTEGER,
  closed_at INTEGER,
  overdue_notified_at INTEGER,
  updated_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO loops_rebuilt SELECT response_id, survey_id, state, assignee, tags, close_reason, opened_at,
  first_contact_at, resolved_at, closed_at, overdue_notified_at, updated_at FROM loops;
DROP TABLE loops;
ALTER TABLE loops_rebuilt RENAME TO loops;
CREATE INDEX loops_by_survey_state ON loops (survey_id, state, opened_at);
`,
};
