/** DDL for close-the-loop: the `excluded` flag on responses, loops, their notes, and per-survey loop settings. */

/** Loops are keyed by their response; notes and settings hang off loops and surveys. */
export const LOOP_SCHEMA_SQL = `
ALTER TABLE responses ADD COLUMN excluded INTEGER NOT NULL DEFAULT 0;
CREATE INDEX responses_by_email ON responses (email COLLATE NOCASE) WHERE email IS NOT NULL;
CREATE INDEX responses_by_user_id ON responses (user_id) WHERE user_id IS NOT NULL;
CREATE TABLE loop_settings (
  survey_id TEXT PRIMARY KEY REFERENCES surveys(id),
  settings TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE TABLE loops (
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
) STRICT;
CREATE INDEX loops_by_survey_state ON loops (survey_id, state, opened_at);
CREATE INDEX loops_by_state ON loops (state, opened_at);
CREATE TABLE loop_notes (
  id TEXT PRIMARY KEY,
  response_id TEXT NOT NULL REFERENCES loops(response_id) ON DELETE CASCADE,
  author TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX loop_notes_by_response ON loop_notes (response_id, created_at);
`;

/**
 * Migration 4: loops keyed by their response id in the table itself (WITHOUT ROWID) and one secondary index.
 * A detractor's answer opens a loop inside the ingest transaction, so every index on `loops` is paid on the
 * hot path: this takes a new loop from four B-trees to two. Queries across surveys go through `surveys`
 * (see `response-hooks.ts`) and so use the per-survey index. Run with foreign keys off: dropping the old
 * table must not cascade to the notes. The columns are restated, not shared with migration 3: a shipped
 * migration must keep creating exactly what it created.
 */
export const LOOPS_WITHOUT_ROWID_SQL = `
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
`;
