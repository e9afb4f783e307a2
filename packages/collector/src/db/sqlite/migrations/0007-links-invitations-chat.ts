/** Migration 7: personal links and their signing secrets, invitation runs and their send log, unsubscribes, the webhook format. Shipped: never edit it; the next migration changes things. */
import type { Migration } from '../sqlite-migrate.ts';

/** Migration 7, literal SQL as released. */
export const MIGRATION_0007: Migration = {
  version: 7,
  name: 'personal links, link secrets, invitation runs and send log, unsubscribes, webhook format',
  sql: `
CREATE TABLE link_secrets (
  id INTEGER PRIMARY KEY CHECK (id BETWEEN 1 AND 255),
  secret TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  retired_at INTEGER
) STRICT;
CREATE TABLE survey_links (
  id TEXT PRIMARY KEY,
  survey_id TEXT NOT NULL REFERENCES surveys(id),
  response_id TEXT NOT NULL UNIQUE,
  email TEXT,
  user_id TEXT,
  traits TEXT,
  touchpoint TEXT,
  channel TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX survey_links_by_email ON survey_links (email COLLATE NOCASE) WHERE email IS NOT NULL;
CREATE INDEX survey_links_by_user_id ON survey_links (user_id) WHERE user_id IS NOT NULL;
CREATE TABLE invitation_runs (
  id TEXT PRIMARY KEY,
  survey_id TEXT NOT NULL REFERENCES surveys(id),
  sender TEXT NOT NULL,
  subject TEXT,
  state TEXT NOT NULL CHECK (state IN ('sending', 'done', 'failed')),
  total INTEGER NOT NULL,
  error TEXT,
  created_at INTEGER NOT NULL,
  finished_at INTEGER
) STRICT;
CREATE TABLE invitations (
  run_id TEXT NOT NULL REFERENCES invitation_runs(id) ON DELETE CASCADE,
  survey_id TEXT NOT NULL REFERENCES surveys(id),
  email TEXT NOT NULL,
  link_id TEXT,
  state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'skipped', 'failed')),
  reason TEXT,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (run_id, email)
) STRICT;
CREATE INDEX invitations_by_email ON invitations (survey_id, email, state);
CREATE TABLE unsubscribes (
  email_hash TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL
) STRICT;
ALTER TABLE webhooks ADD COLUMN format TEXT NOT NULL DEFAULT 'standard';
`,
};
