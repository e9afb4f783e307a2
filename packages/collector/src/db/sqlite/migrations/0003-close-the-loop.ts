/** Migration 3: close the loop: the excluded flag, loops, notes, loop settings, webhooks and deliveries, actions. Shipped: never edit it; the next migration changes things. */
import type { Migration } from '../sqlite-migrate.ts';

/** Migration 3, literal SQL as released. */
export const MIGRATION_0003: Migration = {
  version: 3,
  name: 'close the loop: excluded flag, loops, notes, loop settings, webhooks, actions',
  sql: `
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

CREATE TABLE webhooks (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  events TEXT NOT NULL,
  survey_id TEXT REFERENCES surveys(id),
  description TEXT,
  secret TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  subject_id TEXT,
  payload TEXT,
  state TEXT NOT NULL CHECK (state IN ('pending', 'succeeded', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  last_attempt_at INTEGER,
  last_status INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  delivered_at INTEGER
) STRICT;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, created_at);
CREATE INDEX webhook_deliveries_by_subject ON webhook_deliveries (subject_id);

CREATE TABLE actions (
  id TEXT PRIMARY KEY,
  survey_id TEXT NOT NULL REFERENCES surveys(id),
  title TEXT NOT NULL,
  description TEXT,
  owner TEXT,
  state TEXT NOT NULL CHECK (state IN ('proposed', 'in_progress', 'done', 'dropped')),
  due_date TEXT,
  themes TEXT NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  done_at INTEGER
) STRICT;
CREATE INDEX actions_by_survey_state ON actions (survey_id, state, created_at);
CREATE TABLE action_responses (
  action_id TEXT NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  response_id TEXT NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  PRIMARY KEY (action_id, response_id)
) WITHOUT ROWID;
CREATE INDEX action_responses_by_response ON action_responses (response_id);
`,
};
