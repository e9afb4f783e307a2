/** Migration 6: huddles the team runs and keeps, and the huddle an action was made in. Shipped: never edit it; the next migration changes things. */
import type { Migration } from '../sqlite-migrate.ts';

/** Migration 6, literal SQL as released. */
export const MIGRATION_0006: Migration = {
  version: 6,
  name: 'huddles: held meetings with their snapshot and notes; actions made in one',
  sql: `
CREATE TABLE huddles (
  id TEXT PRIMARY KEY,
  survey_id TEXT NOT NULL REFERENCES surveys(id),
  days INTEGER NOT NULL,
  tz TEXT NOT NULL,
  snapshot TEXT NOT NULL,
  attendees TEXT NOT NULL DEFAULT '[]',
  learned TEXT,
  staff_needs TEXT,
  decisions TEXT,
  started_at INTEGER NOT NULL,
  closed_at INTEGER,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX huddles_by_survey ON huddles (survey_id, started_at);
CREATE UNIQUE INDEX huddles_one_open_per_survey ON huddles (survey_id) WHERE closed_at IS NULL;
ALTER TABLE actions ADD COLUMN huddle_id TEXT REFERENCES huddles(id);
CREATE INDEX actions_by_huddle ON actions (huddle_id) WHERE huddle_id IS NOT NULL;
`,
};
