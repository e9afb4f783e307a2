/** PostgreSQL migration 6: huddles the team runs and keeps, and the huddle an action was made in (as SQLite's migration 6). Shipped: never edit it. */
import type { PostgresMigration } from '../postgres-migrate.ts';

/** Migration 6, literal SQL as released. */
export const PG_MIGRATION_0006: PostgresMigration = {
  version: 6,
  name: 'huddles: held meetings with their snapshot and notes; actions made in one',
  sql: `
CREATE TABLE huddles (
  id text COLLATE "C" PRIMARY KEY,
  survey_id text COLLATE "C" NOT NULL REFERENCES surveys(id),
  days integer NOT NULL,
  tz text NOT NULL,
  snapshot text NOT NULL,
  attendees text NOT NULL DEFAULT '[]',
  learned text,
  staff_needs text,
  decisions text,
  started_at bigint NOT NULL,
  closed_at bigint,
  updated_at bigint NOT NULL
);
CREATE INDEX huddles_by_survey ON huddles (survey_id, started_at);
CREATE UNIQUE INDEX huddles_one_open_per_survey ON huddles (survey_id) WHERE closed_at IS NULL;
ALTER TABLE actions ADD COLUMN huddle_id text COLLATE "C" REFERENCES huddles(id);
CREATE INDEX actions_by_huddle ON actions (huddle_id) WHERE huddle_id IS NOT NULL;
`,
};
