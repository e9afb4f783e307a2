/** Migration 11: journeys, an ordered list of steps each tied to a touchpoint or journey value and its surveys. Shipped: never edit it. */
import type { Migration } from '../sqlite-migrate.ts';

/** Migration 11, literal SQL as released. */
export const MIGRATION_0011: Migration = {
  version: 11,
  name: 'journeys: ordered steps, each a touchpoint or journey value and its surveys',
  sql: `
CREATE TABLE journeys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  steps TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
`,
};
