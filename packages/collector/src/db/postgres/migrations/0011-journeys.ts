/** PostgreSQL migration 11: journeys (as SQLite's migration 11). Shipped: never edit it. */
import type { PostgresMigration } from '../postgres-migrate.ts';

/** Migration 11, literal SQL as released. */
export const PG_MIGRATION_0011: PostgresMigration = {
  version: 11,
  name: 'journeys: ordered steps, each a touchpoint or journey value and its surveys',
  sql: `
CREATE TABLE journeys (
  id text COLLATE "C" PRIMARY KEY,
  name text NOT NULL,
  steps text NOT NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);
`,
};
