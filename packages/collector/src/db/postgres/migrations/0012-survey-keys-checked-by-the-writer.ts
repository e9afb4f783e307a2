/**
 * PostgreSQL migration 12: `responses` and `loops` no longer carry a foreign key to `surveys` (SQLite's migration 12
 * changes nothing). Shipped: never edit it.
 *
 * PostgreSQL checks a foreign key with a trigger that runs a locking `SELECT` on the parent for every row inserted:
 * on the ingest path (an answer, and a loop for a detractor) ~9 µs of the database's CPU an answer, a fifth of all it
 * spends on one (collector README, "Tests and benchmark"). The rule still holds without it: surveys are never deleted (no
 * route, command or erasure deletes one), and every writer of these rows reads the survey first (ingest, the hosted
 * page, import, the demo; copy writes surveys before the rows that name them). SQLite's check costs ~0.3 µs, and
 * dropping a key there means rebuilding the table, so it keeps its keys. The keys between rows (`loops` to
 * `responses`, and the tables below them) stay on both engines: erasure deletes through them.
 */
import type { PostgresMigration } from '../postgres-migrate.ts';

/** Migration 12, literal SQL as released. */
export const PG_MIGRATION_0012: PostgresMigration = {
  version: 12,
  name: 'responses and loops: the survey they name is checked by the writer, not by a foreign key',
  sql: `
ALTER TABLE responses DROP CONSTRAINT responses_survey_id_fkey;
ALTER TABLE loops DROP CONSTRAINT loops_survey_id_fkey;
`,
};
