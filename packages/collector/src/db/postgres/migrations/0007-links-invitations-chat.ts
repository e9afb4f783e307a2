/** PostgreSQL migration 7: personal links and their signing secrets, invitation runs and their send log, unsubscribes, the webhook format. Shipped: never edit it; the next migration changes things. */
import type { PostgresMigration } from '../postgres-migrate.ts';

/** Migration 7, literal SQL as released. */
export const PG_MIGRATION_0007: PostgresMigration = {
  version: 7,
  name: 'personal links, link secrets, invitation runs and send log, unsubscribes, webhook format',
  sql: `
CREATE TABLE link_secrets (
  id integer PRIMARY KEY CHECK (id BETWEEN 1 AND 255),
  secret text NOT NULL,
  created_at bigint NOT NULL,
  retired_at bigint
);
CREATE TABLE survey_links (
  id text COLLATE "C" PRIMARY KEY,
  survey_id text COLLATE "C" NOT NULL REFERENCES surveys(id),
  response_id text COLLATE "C" NOT NULL UNIQUE,
  email text,
  user_id text,
  traits text,
  touchpoint text,
  channel text NOT NULL,
  expires_at bigint NOT NULL,
  created_at bigint NOT NULL
);
CREATE INDEX survey_links_by_email ON survey_links (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX survey_links_by_user_id ON survey_links (user_id) WHERE user_id IS NOT NULL;
CREATE TABLE invitation_runs (
  id text COLLATE "C" PRIMARY KEY,
  survey_id text COLLATE "C" NOT NULL REFERENCES surveys(id),
  sender text NOT NULL,
  subject text,
  state text NOT NULL CHECK (state IN ('sending', 'done', 'failed')),
  total integer NOT NULL,
  error text,
  created_at bigint NOT NULL,
  finished_at bigint
);
CREATE TABLE invitations (
  run_id text COLLATE "C" NOT NULL REFERENCES invitation_runs(id) ON DELETE CASCADE,
  survey_id text COLLATE "C" NOT NULL REFERENCES surveys(id),
  email text NOT NULL,
  link_id text,
  state text NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'skipped', 'failed')),
  reason text,
  updated_at bigint NOT NULL,
  PRIMARY KEY (run_id, email)
);
CREATE INDEX invitations_by_email ON invitations (survey_id, email, state);
CREATE TABLE unsubscribes (
  email_hash text COLLATE "C" PRIMARY KEY,
  created_at bigint NOT NULL
);
ALTER TABLE webhooks ADD COLUMN format text NOT NULL DEFAULT 'standard';
`,
};
