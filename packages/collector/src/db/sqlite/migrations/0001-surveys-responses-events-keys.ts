/** Migration 1: surveys, responses, prompt events and API keys. Shipped: never edit it; the next migration changes things. */
import type { Migration } from '../sqlite-migrate.ts';

/** Migration 1, literal SQL as released. */
export const MIGRATION_0001: Migration = {
  version: 1,
  name: 'surveys, responses, events, api keys',
  sql: `
CREATE TABLE surveys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  brand TEXT,
  settings TEXT NOT NULL DEFAULT '{}',
  allowed_origins TEXT NOT NULL DEFAULT '[]',
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE TABLE responses (
  id TEXT PRIMARY KEY,
  survey_id TEXT NOT NULL REFERENCES surveys(id),
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
  comment TEXT,
  consent INTEGER,
  user_id TEXT,
  email TEXT,
  touchpoint TEXT,
  channel TEXT,
  journey TEXT,
  locale TEXT,
  page TEXT,
  device TEXT,
  properties TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX responses_by_survey_time ON responses (survey_id, created_at);
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  survey_id TEXT NOT NULL REFERENCES surveys(id),
  type TEXT NOT NULL CHECK (type IN ('shown', 'dismissed')),
  touchpoint TEXT,
  channel TEXT,
  locale TEXT,
  page TEXT,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX events_by_survey_type_time ON events (survey_id, type, created_at);
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  name TEXT,
  scope TEXT NOT NULL CHECK (scope IN ('read', 'admin')),
  secret_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
) STRICT;
`,
};
